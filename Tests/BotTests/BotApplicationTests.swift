import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import LendingBot
import Logging
import PanelSimulator
import Postgres
import PostgresTesting
import Secrets
import ServiceLifecycle
import SimulatorSupport
import Testing
import TestSupport
import WebSocket

@Suite("Running the bot in-process")
struct BotApplicationTests {
    /// A migrated database of its own, by URL, as `run` gets it.
    static func withDatabaseURL(_ body: (String) async throws -> Void) async throws {
        try await TestDatabase.withURL(prefix: "app", logger: Logger(label: "test.app")) { url in
            let logger = Logger(label: "test.app")
            let pool = PostgresPool(try ConnectionConfiguration(url), maximumConnections: 1, logger: logger)
            _ = try await Migrator(pool: pool, logger: logger).migrate(try Migration.load(from: PackageRoot.path("Prisma/migrations")))
            await pool.close()
            try await body(url)
        }
    }

    static func readySessions(_ gateway: DiscordGatewaySimulator) -> Int {
        gateway.identifies.filter { if case .ready = $0.outcome { true } else { false } }.count
    }

    /// Discord's REST API and gateway and the panel, simulated, and a database of its own, for a
    /// whole `BotApplication`; everything is stopped after `body`.
    static func withSimulators(guildPreferredLocale: String = "en-US",
                               _ body: (DiscordRESTSimulator, DiscordGatewaySimulator, PanelSimulator, String) async throws -> Void) async throws {
        let rest = DiscordRESTSimulator(configuration: .init(guildID: SeededGuild.guildID, guildPreferredLocale: guildPreferredLocale,
                                                             channels: [SimulatedChannel(id: SeededGuild.notifyChannelID, name: "notices")]), deadlineClock: .manual())
        try await rest.start()
        let gateway = SeededGuild.gateway(for: rest)
        try await gateway.start()
        let panel = PanelSimulator()
        try await panel.start()
        defer { Task { await gateway.stop(); await rest.stop(); await panel.stop() } }
        try await withDatabaseURL { url in try await body(rest, gateway, panel, url) }
    }

    /// The whole configuration of a bot against these simulators and database, as an operator's
    /// environment would give it.
    static func configuration(rest: DiscordRESTSimulator, gateway: DiscordGatewaySimulator, panel: PanelSimulator, databaseURL url: String) -> BotConfiguration {
        var configuration = BotConfiguration()
        configuration.discordToken = Secret(rest.configuration.botToken)
        configuration.guildID = SeededGuild.guildID
        configuration.discordAPIURL = rest.baseURL
        configuration.gatewayURL = gateway.gatewayURL
        configuration.databaseURL = Secret(url)
        configuration.pterodactylURL = URL(string: panel.baseURL)
        configuration.pterodactylApplicationKey = Secret(SimulatedAPIKey.application.token)
        configuration.pterodactylClientKey = Secret(SimulatedAPIKey.adminClient.token)
        configuration.notifyChannelID = SeededGuild.notifyChannelID
        return configuration
    }

    @Test("it comes online, registers the commands only when they changed, answers, and stops cleanly with a resumable close")
    func startAndStop() async throws {
        var logger = Logger(label: "test.app")
        logger.logLevel = .error
        try await Self.withSimulators(guildPreferredLocale: "ja") { rest, gateway, panel, url in
            let configuration = Self.configuration(rest: rest, gateway: gateway, panel: panel, databaseURL: url)
            var options = BotApplication.Options()
            options.shutdownGrace = .seconds(2)
            let application = BotApplication(configuration: configuration, options: options, logger: logger)

            for start in 1...2 {
                let group = ServiceGroup(configuration: ServiceGroupConfiguration(
                    services: [.init(service: application, successTerminationBehavior: .gracefullyShutdownGroup)], logger: logger))
                async let running: Void = group.run()
                // Counted by READY: a start within Discord's 5 s identify window gets an invalid session
                // first, and an interaction sent then would reach no session.
                try await eventually("start \(start) is online") { Self.readySessions(gateway) == start && rest.commands.count == 2 }
                let command = gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])])
                gateway.dispatchInteraction(command)
                try await eventually("an answer at start \(start)") { !rest.interactionResponses(for: command.id).isEmpty }
                #expect(rest.interactionResponses(for: command.id).first?.kind == .callback(type: 9))
                await group.triggerGracefulShutdown()
                try await running
                #expect(gateway.closesReceived.last?.code?.rawValue == 4000)
                let session = try #require(gateway.sessionIDs.last)
                #expect(gateway.isResumable(session) == true)
            }
            #expect(rest.requests(to: .bulkOverwriteGuildCommands).count == 1, "the second start found the commands unchanged")
            #expect(rest.requests(to: .getGuildCommands).count == 2)
            #expect(rest.requests(to: .getGuild).count == 2)
        }
    }

    @Test("a refused token stops the start with one clear line")
    func refusedToken() async throws {
        let rest = DiscordRESTSimulator()
        try await rest.start()
        defer { Task { await rest.stop() } }
        var configuration = BotConfiguration()
        configuration.discordToken = Secret("not.the.token")
        configuration.guildID = SeededGuild.guildID
        configuration.discordAPIURL = rest.baseURL
        configuration.databaseURL = Secret("postgresql://127.0.0.1:1/none")
        let application = BotApplication(configuration: configuration, logger: Logger(label: "test.app"))
        do {
            try await application.run()
            Issue.record("the start should fail")
        } catch let failure as BotApplication.Failure {
            #expect(failure.description == "DISCORD_TOKEN: Discord refused the bot token")
        }
    }
}
