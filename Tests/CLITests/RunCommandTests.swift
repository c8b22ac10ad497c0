import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import Glibc
import PanelSimulator
import SimulatorSupport
import Testing
import TestSupport
import WebSocket

/// `lending-bot run` as a process, against the Discord and panel simulators and a fresh database.
@Suite("lending-bot run")
struct RunCommandTests {
    @Test("run migrates, comes online, registers the commands, and exits 0 on SIGTERM after closing the gateway resumably")
    func runAndTerminate() async throws {
        let guildID = SeededGuild.guildID
        let rest = DiscordRESTSimulator(configuration: .init(guildID: guildID, guildPreferredLocale: "ja"), deadlineClock: .manual())
        try await rest.start()
        let gateway = DiscordGatewaySimulator(configuration: .init(botToken: rest.configuration.botToken, guildIDs: [guildID]), rest: rest)
        try await gateway.start()
        let panel = PanelSimulator()
        try await panel.start()
        defer { Task { await gateway.stop(); await rest.stop(); await panel.stop() } }

        try await CommandLineTests.withDatabaseURL { url in
            let process = try ChildProcess(CommandLineTests.executable, ["run"], environment: CommandLineTests.environment([
                "DATABASE_URL": url,
                "DISCORD_TOKEN": rest.configuration.botToken,
                "DISCORD_GUILD_ID": guildID,
                "DISCORD_API_URL": rest.baseURL.absoluteString,
                "DISCORD_GATEWAY_URL": gateway.gatewayURL.absoluteString,
                "PTERODACTYL_URL": panel.baseURL,
                "PTERODACTYL_APPLICATION_KEY": SimulatedAPIKey.application.token,
                "PTERODACTYL_CLIENT_KEY": SimulatedAPIKey.adminClient.token,
                "LOG_LEVEL": "info",
            ]))
            defer { process.terminate() }
            let deadline = ContinuousClock.now + .seconds(60)
            while gateway.identifies.isEmpty || rest.commands.count != 2 {
                if let status = try? await process.waitForExit(timeout: .zero) {
                    Issue.record("run exited with \(status) before it was ready: \(process.standardError)")
                    return
                }
                guard ContinuousClock.now < deadline else {
                    Issue.record("run was not ready within 60 s: \(process.standardError)")
                    return
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(process.standardOutput.contains("Applied \(OperationsCommandTests.migrationNames.count) migration(s)"))
            #expect(rest.requests(to: .getGuild).count == 1)
            #expect(rest.requests(to: .bulkOverwriteGuildCommands).count == 1)

            process.send(SIGTERM)
            let status = try await process.waitForExit(timeout: .seconds(30))
            #expect(status == 0, "\(process.standardError)")
            #expect(process.standardError.contains("shutdown requested"))
            #expect(process.standardError.contains("stopped"))
            #expect(gateway.closesReceived.last?.code?.rawValue == 4000)
            let session = try #require(gateway.sessionIDs.last)
            #expect(gateway.isResumable(session) == true)
            #expect(!process.standardError.contains(rest.configuration.botToken))
        }
    }
}
