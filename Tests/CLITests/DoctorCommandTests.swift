import BotTesting
import DiscordSimulator
import Foundation
import PanelSimulator
import Testing
import TestSupport

/// `lending-bot register-commands` and `lending-bot doctor` as processes, against the simulators
/// and a migrated database.
@Suite("lending-bot doctor and register-commands")
struct DoctorCommandTests {
    @Test("register-commands writes once then finds nothing to do; doctor then prints a table and exits 0, or 1 with a refused token")
    func registerThenDoctor() async throws {
        let guildID = SeededGuild.guildID
        let rest = DiscordRESTSimulator(configuration: .init(guildID: guildID, channels: [SimulatedChannel(id: SeededGuild.notifyChannelID, name: "notices")]))
        try await rest.start()
        let panel = PanelSimulator()
        try await panel.start()
        defer { Task { await rest.stop(); await panel.stop() } }

        try await CommandLineTests.withDatabaseURL { url in
            let migrated = try await CommandLineTests.run(["migrate"], ["DATABASE_URL": url])
            #expect(migrated.status == 0, "\(migrated.standardError)")
            let archive = FileManager.default.temporaryDirectory.appendingPathComponent("cli-doctor-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: archive) }
            let values = [
                "DATABASE_URL": url,
                "DISCORD_TOKEN": rest.configuration.botToken,
                "DISCORD_GUILD_ID": guildID,
                "DISCORD_API_URL": rest.baseURL.absoluteString,
                "DISCORD_NOTIFY_CHANNEL_ID": SeededGuild.notifyChannelID,
                "PTERODACTYL_URL": panel.baseURL,
                "PTERODACTYL_APPLICATION_KEY": SimulatedAPIKey.application.token,
                "PTERODACTYL_CLIENT_KEY": SimulatedAPIKey.adminClient.token,
                "ARCHIVE_TARGET": archive,
            ]

            let first = try await CommandLineTests.run(["register-commands"], values)
            #expect(first.status == 0, "\(first.standardError)")
            #expect(first.standardOutput.contains("Commands registered: 2 command(s)"))
            let second = try await CommandLineTests.run(["register-commands"], values)
            #expect(second.standardOutput.contains("Commands are up to date: nothing was written."))
            #expect(rest.requests(to: .bulkOverwriteGuildCommands).count == 1)

            let healthy = try await CommandLineTests.run(["doctor"], values)
            #expect(healthy.status == 0, "\(healthy.standardOutput)\(healthy.standardError)")
            let lines = healthy.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first?.hasPrefix("CHECK") == true)
            // Aligned: every row's status starts in the header's STATUS column.
            let column = try #require(lines.first?.range(of: "STATUS")).lowerBound.utf16Offset(in: String(lines[0]))
            for line in lines.dropFirst().prefix(while: { !$0.isEmpty }) {
                let status = String(line).dropFirst(column).prefix(while: { $0 != " " })
                #expect(["ok", "warning", "skipped"].contains(String(status)), "\(line)")
            }
            // The pool is empty here: a warning, not a failure.
            #expect(healthy.standardOutput.contains("panel client key"))
            #expect(healthy.standardOutput.contains("\nusable: "))

            var refused = values
            refused["DISCORD_TOKEN"] = "refused.token.hunter2"
            let broken = try await CommandLineTests.run(["doctor"], refused)
            #expect(broken.status == 1)
            #expect(broken.standardOutput.contains("DISCORD_TOKEN: Discord refused the token"))
            #expect(broken.standardOutput.contains("not usable: 1 failed"))
            for secret in ["hunter2", rest.configuration.botToken, SimulatedAPIKey.application.token, SimulatedAPIKey.adminClient.token] {
                #expect(!broken.standardOutput.contains(secret) && !broken.standardError.contains(secret))
                #expect(!healthy.standardOutput.contains(secret) && !healthy.standardError.contains(secret))
            }
        }
    }
}
