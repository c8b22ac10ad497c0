import Clocks
import Foundation
import Lending
import LendingAdapters
import PanelSimulator
import PanelTesting
import Postgres
import Pterodactyl
import Testing

/// Tasks written by the release before typed inputs and steps, still queued, claimed by a runner
/// that died, or half done when the bot is upgraded. Their rows are inserted as that release
/// wrote them (the inputs and step rows below are copied from its database after an approval and
/// a return), with the panel in the state their recorded steps left it; the upgraded runner
/// finishes them without doing a recorded step again.
@Suite("Tasks written by the previous release")
struct LegacyTaskTests {
    typealias World = LendingWorld

    static let server = World.serverIdentifier(1)
    /// The claim of a runner of the previous release that died mid-task.
    static let deadClaim = "0D1F7A52-5C1B-4B8E-9C55-3E0B2D6E7F11"

    /// Inserts a `"LendingTask"` row as the previous release's `TaskTable.insert` and claim left it.
    static func insertTask(_ world: World, kind: TaskKind, workflowId: Int, server: String, actor: String = World.moderator,
                           input: String, claimedByDeadRunner: Bool = false) async throws -> Int {
        let now = world.clock.date
        let token: String? = claimedByDeadRunner ? deadClaim : nil
        let lapsed: Date? = claimedByDeadRunner ? now.addingTimeInterval(-1) : nil
        let attempts = claimedByDeadRunner ? 1 : 0
        let result = try await world.pool.query("""
            INSERT INTO "LendingTask" ("kind", "workflowId", "pteroServerId", "actor", "input", "attempts", "runAfter", "claimToken",
                                       "claimExpiresAt", "createdAt", "updatedAt")
            VALUES (\(kind), \(workflowId), \(server), \(actor), \(input)::jsonb, \(attempts), \(now), \(token), \(lapsed), \(now), \(now))
            RETURNING "id"
            """)
        return try #require(result.first).decode("id", as: Int.self)
    }

    /// Inserts the `"LendingTaskStep"` rows of steps the previous release had finished.
    static func insertSteps(_ world: World, taskId: Int, _ steps: [(name: String, detail: String)]) async throws {
        for step in steps {
            _ = try await world.pool.query("""
                INSERT INTO "LendingTaskStep" ("taskId", "name", "detail", "completedAt")
                VALUES (\(taskId), \(step.name), \(step.detail)::jsonb, \(world.clock.date))
                """)
        }
    }

    static func task(_ world: World, _ id: Int) async throws -> TaskRecord {
        try #require(try await TaskTable.find(id: id, on: world.pool))
    }

    @Test("an approval half done (server prepared, the first account created) by a runner that died finishes: no second account, no second install")
    func approvalMidSteps() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file(panelUsers: [World.member, World.otherMember])
            _ = try await world.pool.query(#"UPDATE "Workflow" SET "pteroServerId" = \#(Self.server) WHERE "id" = \#(workflow.id)"#)
            // What the recorded `account:` step did: alice's panel account and its row.
            _ = try await world.panelWorld.client.createUser(.init(username: "alice", email: "alice@kpw.local", firstName: "A", lastName: "A"))
            _ = try await PterodactylUserTable.insert(discordId: World.member, username: "alice", email: "alice@kpw.local", at: world.clock.date, on: world.pool)
            let id = try await Self.insertTask(world, kind: .approve, workflowId: workflow.id, server: Self.server, input: #"""
                {"approvedAt": "2026-01-01T00:00:00.000Z", "serverAlias": "server01", "username:200000000000000002": "alice", "username:200000000000000003": "bob"}
                """#, claimedByDeadRunner: true)
            try await Self.insertSteps(world, taskId: id, [
                ("version", #"{"java": "21", "version": "1.21.4"}"#),
                ("plan", #"{"image": "ghcr.io/pterodactyl/yolks:java_21", "variable": "MINECRAFT_VERSION", "imageJava": "21", "currentImage": "ghcr.io/pterodactyl/yolks:java_21"}"#),
                ("stop", "{}"),
                ("version-variable", #"{"value": "1.21.4", "variable": "MINECRAFT_VERSION"}"#),
                ("docker-image", #"{"image": "ghcr.io/pterodactyl/yolks:java_21"}"#),
                ("reinstall", "{}"),
                ("install", #"{"found": "installing"}"#),
                ("start", "{}"),
                ("account:200000000000000002", #"{"created": "true", "username": "alice"}"#),
                ("role:200000000000000002", "{}"),
            ])
            let accountsCreated = world.simulator.requests(to: .createUser).count

            try await world.drainTasks()

            #expect(try await Self.task(world, id).state == .succeeded)
            #expect(try await world.workflow(workflow.id)?.status == .active)
            #expect(world.simulator.users.filter { $0.username == "alice" }.count == 1)
            #expect(world.simulator.requests(to: .createUser).count == accountsCreated + 1, "only bob's account is new")
            let bob = try await PterodactylUserTable.find(discordId: World.otherMember, on: world.pool)
            #expect(bob?.username == "bob", "the username the version-0 input chose")
            #expect(world.simulator.requests(to: .reinstall).isEmpty && world.simulator.server(Self.server)?.installsStarted == 0,
                    "the recorded reinstall ran again")
            #expect(world.community.roleGrants == [World.otherMember], "the recorded role grant ran again")
            #expect(Set(world.simulator.subusers(of: Self.server).map(\.email)) == ["alice@kpw.local", "bob@kpw.local"])
        }
    }

    @Test("a return half done (the locked backup archived, the return backup created) by a runner that died finishes: no second backup, no second upload")
    func returnMidSteps() async throws {
        let archiveRoot = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-return-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: archiveRoot, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: archiveRoot) }
        let archive = LocalDirectoryArchive(directory: archiveRoot)
        try await World.with(servers: 1, archive: archive) { world in
            let loan = try await world.activeLoan()
            let locked = try await world.panelWorld.client.createBackupAndWait(of: Self.server, name: "renter world", locked: true, timeout: .seconds(600))
            let lockedAt = Int64((locked.createdAt ?? world.clock.date).timeIntervalSince1970 * 1000)
            // What the recorded steps did: access revoked, the locked backup archived and
            // deleted, the return backup asked for.
            try await world.panel.removeSubuser(from: Self.server, email: "user0002@kpw.local")
            let lockedPath = "2026/\(loan.id)_20260101_Summer-build-contest_Name-0001/20260101-090050_renter-world.tar.gz"
            _ = try await ArchiveTable.insert(workflowId: loan.id, backupUuid: locked.uuid, destination: "\(archive.displayName)/\(lockedPath)",
                                              bytes: 1_048_576, at: world.clock.date, on: world.pool)
            try await world.panel.deleteBackup(locked.uuid, of: Self.server)
            let fresh = try await world.panelWorld.client.createBackup(of: Self.server, name: "lending-bot return #\(loan.id)")

            let id = try await Self.insertTask(world, kind: .returnLoan, workflowId: loan.id, server: Self.server, actor: World.organizer,
                                               input: #"{"requestedAt": "2026-01-01T00:01:10.000Z"}"#, claimedByDeadRunner: true)
            let before = #"[{\"isSuccessful\":true,\"uuid\":\"\#(locked.uuid)\",\"isLocked\":true,\"bytes\":1048576,\"createdAt\":\#(lockedAt),\"name\":\"renter world\"}]"#
            try await Self.insertSteps(world, taskId: id, [
                ("revoke:200000000000000002", #"{"email": "user0002@kpw.local"}"#),
                ("schedules", #"{"deleted": "0"}"#),
                ("stop", "{}"),
                ("backups-before", #"{"backups": "\#(before)"}"#),
                ("archive-naming", #"{"organizer": "Name 0001"}"#),
                ("archive:\(locked.uuid)", #"{"path": "\#(lockedPath)", "bytes": "1048576"}"#),
                ("delete-backup:\(locked.uuid)", "{}"),
                ("backup-create:1", #"{"uuid": "\#(fresh.uuid)"}"#),
            ])
            let backupsMade = world.simulator.requests(to: .createBackup).count

            try await world.drainTasks(rounds: 60)

            #expect(try await Self.task(world, id).state == .succeeded)
            #expect(try await world.workflow(loan.id)?.status == .returned)
            #expect(world.simulator.requests(to: .createBackup).count == backupsMade, "a second return backup was made")
            let files = try FileManager.default.subpathsOfDirectory(atPath: archiveRoot).filter { $0.hasSuffix(".tar.gz") }
            #expect(files.count == 1 && files.allSatisfy { !$0.contains("renter-world") }, "uploaded: \(files)")
            let archived = try await ArchiveTable.list(workflowId: loan.id, on: world.pool)
            #expect(Set(archived.map(\.backupUuid)) == [locked.uuid, fresh.uuid])
            #expect(world.simulator.backups(of: Self.server).isEmpty)
        }
    }

    @Test("a queued approval holds the usernames of its version-0 input, then runs with them; a queued release runs")
    func queuedTasks() async throws {
        try await World.with(servers: 3) { world in
            let first = try await world.file(panelUsers: [World.member])
            _ = try await world.pool.query(#"UPDATE "Workflow" SET "pteroServerId" = \#(Self.server) WHERE "id" = \#(first.id)"#)
            let approval = try await Self.insertTask(world, kind: .approve, workflowId: first.id, server: Self.server, input: #"""
                {"approvedAt": "2026-01-01T00:00:00.000Z", "serverAlias": "server01", "username:200000000000000002": "carol"}
                """#)
            let rejected = try await world.file(panelUsers: [World.otherMember])
            _ = try await world.pool.query(#"UPDATE "Workflow" SET "status" = 'REJECTED' WHERE "id" = \#(rejected.id)"#)
            try await world.panel.setDescription(of: World.serverIdentifier(2), to: "Name 0001 Summer build contest")
            let release = try await Self.insertTask(world, kind: .release, workflowId: rejected.id, server: World.serverIdentifier(2), input: "{}")

            let second = try await world.file(panelUsers: [World.otherMember])
            await #expect(throws: LendingError.usernameTaken("carol")) {
                try await world.service.approve(second.id, by: World.moderator, usernames: [World.otherMember: "Carol"])
            }

            try await world.drainTasks()
            #expect(try await Self.task(world, approval).state == .succeeded)
            #expect(try await Self.task(world, release).state == .succeeded)
            #expect(try await PterodactylUserTable.find(discordId: World.member, on: world.pool)?.username == "carol")
            #expect(world.simulator.server(World.serverIdentifier(2))?.description == "")
        }
    }

    @Test("a row whose input no release wrote fails its task for good, audited and told to the moderators; the runner goes on")
    func unreadableInput() async throws {
        try await World.with(servers: 1) { world in
            let garbage: [(TaskKind, String)] = [
                (.returnLoan, "[]"), (.approve, #"{"version": 2}"#), (.returnLoan, #"{"version": 1}"#),
                (.approve, #"{"approvedAt": 5, "serverAlias": "server01"}"#), (.release, #""text""#),
            ]
            var failing: [Int: Int] = [:]
            for (kind, input) in garbage {
                let workflow = try await world.file()
                failing[try await Self.insertTask(world, kind: kind, workflowId: workflow.id, server: Self.server, input: input)] = workflow.id
            }
            let rejected = try await world.file()
            let good = try await Self.insertTask(world, kind: .release, workflowId: rejected.id, server: Self.server, input: "{}")

            #expect(try await world.runner.runDue() == garbage.count + 1)
            #expect(try await world.runner.runDue() == 0, "a failed task came back")

            for (taskId, workflowId) in failing {
                let task = try await Self.task(world, taskId)
                #expect(task.state == .failed && task.attempts == 1)
                #expect(task.lastError?.contains("input cannot be read") == true, "\(task.lastError ?? "no error")")
                let audit = try await AuditTable.list(workflowId: workflowId, on: world.pool).filter { $0.action == .taskFailed }
                #expect(audit.count == 1)
                let told = world.notifier.notices.contains { notice in
                    if case .taskFailed(let summary) = notice { summary.taskId == taskId && summary.message == task.lastError } else { false }
                }
                #expect(told, "the moderators were not told of task \(taskId)")
            }
            #expect(try await Self.task(world, good).state == .succeeded)
        }
    }
}
