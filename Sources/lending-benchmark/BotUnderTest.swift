import DiscordSimulator
import Foundation
import Glibc
import PanelSimulator
import TestSupport

/// How to start one of the bots being compared.
struct BotLaunch: Sendable {
    let name: String
    let executable: String
    let arguments: [String]
    /// Everything but the Discord and database settings, which `start` adds.
    let environment: [String: String]
}

/// A bot running as a child process against a `SimulatedDiscord`.
final class BotUnderTest: Sendable {
    let process: ChildProcess
    let meter: ProcessMeter
    /// Seconds from the spawn to READY with the commands registered.
    let startupSeconds: Double

    private init(process: ChildProcess, startupSeconds: Double) {
        self.process = process
        self.meter = ProcessMeter(pid: process.processID)
        self.startupSeconds = startupSeconds
    }

    /// Spawns the bot, configured for `discord` and the database at `databaseURL` as in
    /// production, and waits (polling each millisecond) until its session is READY and its
    /// commands are registered. `wrapper` runs it under another program (valgrind).
    static func start(_ launch: BotLaunch, discord: SimulatedDiscord, databaseURL: String, wrapper: [String] = [],
                      timeout: Duration = .seconds(90)) async throws -> BotUnderTest {
        var environment = launch.environment
        environment["DISCORD_TOKEN"] = discord.botToken
        environment["DISCORD_GUILD_ID"] = SimulatedDiscord.guildID
        environment["DISCORD_API_URL"] = discord.rest.baseURL.absoluteString
        environment["DISCORD_GATEWAY_URL"] = discord.gateway.gatewayURL.absoluteString
        environment["DATABASE_URL"] = databaseURL
        // The load comes from `LoadDriver.members` members, up to 50 requests each in a full run;
        // lending-bot refuses a member's third open request by default (the peer never does).
        environment["CHECKOUT_MAX_OPEN_REQUESTS"] = "100"
        // lending-bot needs a panel to start; the checkout flow never calls it.
        environment["PTERODACTYL_URL"] = discord.panel.baseURL
        environment["PTERODACTYL_APPLICATION_KEY"] = SimulatedAPIKey.application.token
        environment["PTERODACTYL_CLIENT_KEY"] = SimulatedAPIKey.adminClient.token
        let command = wrapper + [launch.executable] + launch.arguments
        let started = ContinuousClock.now
        let process = try ChildProcess(command[0], Array(command.dropFirst()), environment: environment)
        ChildCleanup.track(process)
        while !discord.isBotReady {
            if let status = try? await process.waitForExit(timeout: .zero) {
                throw BenchmarkFailure(description: "\(launch.name) exited with \(status) before it was ready:\n\(process.standardError.suffix(4000))")
            }
            guard ContinuousClock.now - started < timeout else {
                process.terminate()
                throw BenchmarkFailure(description: "\(launch.name) was not ready within \(timeout):\n\(process.standardError.suffix(4000))")
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        return BotUnderTest(process: process, startupSeconds: LoadDriver.milliseconds(ContinuousClock.now - started) / 1000)
    }

    /// SIGTERM, then SIGKILL if it has not exited within `grace`.
    func stop(grace: Duration = .seconds(15)) async {
        process.send(SIGTERM)
        if (try? await process.waitForExit(timeout: grace)) == nil { process.terminate() }
        ChildCleanup.track(nil)
    }
}
