import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import Logging
import PanelSimulator
import PostgresTesting
import SimulatorSupport
import TestSupport

/// The seeded guild in the Discord REST and gateway simulators, the panel and the version
/// manifest simulators, all in the test process, and `lending-bot run` in a process of its own
/// on a fresh database (which `run` migrates), configured through its environment as in
/// production. The REST simulator judges the 3-second deadline on a clock only the test moves:
/// on a loaded machine a late answer is the machine's, not the bot's.
struct SeparateBotWorld: Sendable {
    let rest: DiscordRESTSimulator
    let gateway: DiscordGatewaySimulator
    let bot: SeparateBot

    /// Starts everything, runs `body` once the bot's session is READY and its commands are
    /// registered, and stops the bot (SIGTERM, then SIGKILL) and the simulators whatever `body` does.
    /// - Parameters:
    ///   - members: the guild's members besides the moderator, `Persona.numbered(1)…(n)`.
    ///   - environment: more of the bot's settings (`CHECKOUT_MAX_OPEN_REQUESTS`, say).
    static func with(members: Int, environment extra: [String: String] = [:], _ body: (SeparateBotWorld) async throws -> Void) async throws {
        let people = [Persona.moderator] + (0..<members).map { Persona.numbered($0 + 1) }
        let rest = DiscordRESTSimulator(configuration: SeededGuild.discord(people: people), deadlineClock: .manual())
        let gateway = DiscordGatewaySimulator(configuration: .init(botToken: rest.configuration.botToken, guildIDs: [SeededGuild.guildID]), rest: rest)
        let panel = PanelSimulator(configuration: SeededGuild.panel(servers: 3))
        // The bot's catalog reads Mojang's manifest at start: here, never the network.
        let versions = VersionManifestSimulator()
        try await rest.start()
        try await gateway.start()
        try await panel.start()
        try await versions.start()
        do {
            try await TestDatabase.withURL(prefix: "rss", logger: Logger(label: "test.resilience")) { url in
                var environment = [
                    "DATABASE_URL": url,
                    "DISCORD_TOKEN": rest.configuration.botToken,
                    "DISCORD_GUILD_ID": SeededGuild.guildID,
                    "DISCORD_API_URL": rest.baseURL.absoluteString,
                    "DISCORD_GATEWAY_URL": gateway.gatewayURL.absoluteString,
                    "DISCORD_ADMIN_ROLE_IDS": SeededGuild.moderatorRoleID,
                    "PTERODACTYL_URL": panel.baseURL,
                    "PTERODACTYL_APPLICATION_KEY": SimulatedAPIKey.application.token,
                    "PTERODACTYL_CLIENT_KEY": SimulatedAPIKey.adminClient.token,
                    "MINECRAFT_VERSION_MANIFEST_URL": versions.manifestURL.absoluteString,
                    "LOG_LEVEL": "warning",
                ]
                environment.merge(extra) { $1 }
                let bot = try SeparateBot.start(environment)
                do {
                    try await waitUntilReady(bot, rest: rest, gateway: gateway)
                    try await body(SeparateBotWorld(rest: rest, gateway: gateway, bot: bot))
                } catch {
                    await bot.stop()
                    throw error
                }
                await bot.stop()
            }
        } catch {
            await stop(rest, gateway, panel, versions)
            throw error
        }
        await stop(rest, gateway, panel, versions)
    }

    private static func stop(_ rest: DiscordRESTSimulator, _ gateway: DiscordGatewaySimulator, _ panel: PanelSimulator,
                             _ versions: VersionManifestSimulator) async {
        await gateway.stop()
        await rest.stop()
        await panel.stop()
        await versions.stop()
    }

    /// Until the session is READY and both commands are registered; a bot that exits first is
    /// reported with the end of its standard error.
    private static func waitUntilReady(_ bot: SeparateBot, rest: DiscordRESTSimulator, gateway: DiscordGatewaySimulator) async throws {
        var exited: Int32?
        do {
            try await eventually("lending-bot run to be ready", timeout: .seconds(120), polling: .milliseconds(20)) {
                exited = await bot.exitStatus()
                return exited != nil || (gateway.sessionStartCount > 0 && rest.commands.count == 2)
            }
        } catch is Timeout {
            throw Timeout(what: "lending-bot run to be ready; its standard error ends:\n\(bot.process.standardError.suffix(3000))")
        }
        if let exited {
            throw BotExited(description: "lending-bot run exited with \(exited) before it was ready; its standard error ends:\n\(bot.process.standardError.suffix(3000))")
        }
    }

    // MARK: Waiting

    /// Waits until every one of `interactions` has had a first response from the bot; on timeout,
    /// says how many were not answered and whether the bot is still running.
    func waitForAnswers(_ interactions: [SimulatedInteraction], timeout: Duration = .seconds(60)) async throws {
        do {
            try await eventually("answers to \(interactions.count) interactions", timeout: timeout) {
                interactions.allSatisfy { !rest.interactionResponses(for: $0.id).isEmpty }
            }
        } catch is Timeout {
            let missing = interactions.filter { rest.interactionResponses(for: $0.id).isEmpty }.count
            let exited = await bot.exitStatus().map { "it exited with \($0)" } ?? "it is still running"
            throw Timeout(what: "answers to \(interactions.count) interactions: \(missing) unanswered; \(exited); its standard error ends:\n"
                          + bot.process.standardError.suffix(3000))
        }
    }

    /// Until the bot has worked off whatever its answers left behind: under a twentieth of a core
    /// over half a second.
    func waitUntilIdle() async throws {
        var last: Int?
        try await eventually("lending-bot to go idle", timeout: .seconds(60), polling: .milliseconds(500)) {
            let now = bot.cpuTicks() ?? 0
            defer { last = now }
            // Clock ticks are hundredths of a second: at most 20 ms of CPU in the last 500 ms.
            guard let last else { return false }
            return now - last <= 2
        }
    }

    /// The text of an interaction's first callback.
    func replyText(_ interaction: SimulatedInteraction) -> String? {
        rest.interactionResponses(for: interaction.id).first?.body?["data"]?["content"]?.stringValue
    }
}

/// The bot's process ended while the test still needed it.
struct BotExited: Error, CustomStringConvertible {
    let description: String
}
