import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import Testing

/// `/mcserver-admin archive list|get` after real returns into a local-directory archive: the rows
/// newest first, of one loan, where one is; refusals for an unknown archive and for members.
@Suite("Archives for moderators")
struct ArchiveCommandTests {
    @Test("after two returns: list shows every archived backup newest first, list id only that loan's, get where one is")
    func listAndGet() async throws {
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("archive-commands-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: archive) }
        try await BotWorld.with(servers: 2, archiveDirectory: archive) { world in
            let driver = LoanDriver(world)
            var loans: [Int] = []
            for _ in 0..<2 {
                let loan = try await driver.activeLoan()
                _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.moderator.userID, asModerator: true)
                try await world.drainTasks()
                loans.append(loan.id)
            }
            let all = try await driver.content(try await driver.admin(["archive", "list"]))
            let rows = all.split(separator: "\n").filter { $0.hasPrefix("`#") }
            #expect(rows.count >= 2, "\(all)")
            #expect(rows.first?.contains("loan #\(loans[1])") == true && rows.last?.contains("loan #\(loans[0])") == true, "newest first: \(all)")

            let one = try await driver.content(try await driver.admin(["archive", "list"], [.integer("id", loans[0])]))
            #expect(one.contains("Archives of loan #\(loans[0])") && !one.contains("loan #\(loans[1])"), "\(one)")

            let (newest, _) = try await world.services.queries.archives(of: loans[0], limit: 1)
            let record = try #require(newest.first)
            let got = try await driver.content(try await driver.admin(["archive", "get"], [.integer("archive", record.id)]))
            #expect(got.contains("`\(record.destination)`") && record.destination.hasPrefix(archive), "\(got)")
            #expect(FileManager.default.fileExists(atPath: record.destination))
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("an rclone remote without public links (rclone's local backend, with the real rclone): get gives remote:path and says no link could be made")
    func rcloneWithoutLinks() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("archive-rclone-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch + "/remote", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        // An empty rclone.conf and a remote defined only in the bot's RCLONE_* settings.
        let config = scratch + "/rclone.conf"
        FileManager.default.createFile(atPath: config, contents: Data())
        try await BotWorld.with(servers: 1, adjustConfiguration: { configuration in
            configuration.archiveTarget = .rclone(remote: "archivetest", path: scratch + "/remote")
            configuration.rcloneEnvironment = ["RCLONE_CONFIG": config, "RCLONE_CONFIG_ARCHIVETEST_TYPE": "local"]
        }) { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.moderator.userID, asModerator: true)
            try await world.drainTasks()
            let (newest, _) = try await world.services.queries.archives(of: loan.id, limit: 1)
            let record = try #require(newest.first)
            #expect(record.destination.hasPrefix("archivetest:\(scratch)/remote/"), "\(record.destination)")

            let command = try await driver.admin(["archive", "get"], [.integer("archive", record.id)])
            #expect(try driver.isEphemeral(command))
            let got = try await driver.content(command)
            #expect(got.contains("`\(record.destination)`"), "\(got)")
            #expect(got.contains("No link could be made: this remote does not make public links."), "\(got)")
            #expect(!got.contains("RCLONE_CONFIG") && !got.contains(config), "no rclone setting in the answer: \(got)")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("refused: an archive that does not exist, a loan without archives, and a member")
    func refusals() async throws {
        try await BotWorld.with(servers: 1) { world in
            let driver = LoanDriver(world)
            let missing = try await driver.content(try await driver.admin(["archive", "get"], [.integer("archive", 999)]))
            #expect(missing.contains("There is no archive #999."), "\(missing)")
            let none = try await driver.content(try await driver.admin(["archive", "list"], [.integer("id", 5)]))
            #expect(none.contains("Loan #5 has no archived backups."), "\(none)")
            let member = try await driver.content(try await driver.admin(["archive", "list"], as: Persona.member))
            #expect(member.contains("モデレーター") && !member.contains("Archives"), "the router refuses a member: \(member)")
        }
    }
}
