import Foundation
import HTTP
import Lending
import LendingAdapters
import PanelSimulator
import PanelTesting
import Postgres
import Pterodactyl
import SimulatorSupport
import Testing

/// What a return leaves on the server, proved by what a renter can do: the renter acts through
/// the panel simulator with a client key of their own, as a sub-user with the loan's permissions,
/// and the next renter looks at the server the same way.
@Suite("A loan ends clean")
struct ReturnCleanupTests {
    typealias World = LendingWorld

    static let server = World.serverIdentifier(1)

    /// The renter: the loan's panel user, with a client key of their own.
    struct Renter {
        let world: World
        let key: String

        init(_ world: World, email: String = "user0002@kpw.local") throws {
            self.world = world
            key = try #require(world.simulator.addClientKey(forEmail: email))
        }

        @discardableResult
        func send(_ method: HTTPMethod, _ path: String, _ json: String? = nil) async throws -> (status: Int, body: SimulatorJSON?) {
            let response = try await world.panelWorld.raw(method, "/api/client/servers/\(ReturnCleanupTests.server)" + path, key: key, json: json)
            return (response.status, SimulatorJSON(parsing: response.body))
        }
    }

    static func temporaryArchive() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("return-cleanup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func returnLoan(_ world: World, _ loan: WorkflowRecord) async throws {
        _ = try await world.service.requestReturn(loan.id, by: World.organizer, asModerator: false)
        try await world.drainTasks(rounds: 60)
    }

    @Test("a renter's schedule (console op, power, backups) is deleted by the return and never reaches the next loan")
    func schedulesDeleted() async throws {
        try await World.with(servers: 1) { world in
            let loan = try await world.activeLoan()
            let renter = try Renter(world)
            let created = try await renter.send(.post, "/schedules", #"{"name": "keep me op", "minute": "*/5", "hour": "*", "day_of_month": "*", "month": "*", "day_of_week": "*", "is_active": true}"#)
            #expect(created.status == 200)
            let id = try #require(created.body?["attributes"]?["id"]?.intValue)
            for task in [#"{"action": "command", "payload": "op user0002", "time_offset": 0}"#, #"{"action": "power", "payload": "start", "time_offset": 10}"#,
                         #"{"action": "backup", "time_offset": 20}"#] {
                #expect(try await renter.send(.post, "/schedules/\(id)/tasks", task).status == 200)
            }
            #expect(world.simulator.schedules(of: Self.server).first?.tasks.map(\.action) == ["command", "power", "backup"])

            try await Self.returnLoan(world, loan)
            #expect(try await world.workflow(loan.id)?.status == .returned)
            #expect(world.simulator.schedules(of: Self.server).isEmpty, "the renter's schedule outlived the loan")
            #expect(try await renter.send(.get, "/schedules").status == 404, "the renter still reaches the server")
            let step = try await TaskStepTable.find(taskId: try #require(try await TaskTable.list(workflowId: loan.id, on: world.pool).last?.id),
                                                    step: .schedules, on: world.pool)
            #expect(step?["deleted"] == "1")
        }
    }

    @Test("after a return the server holds no backup of the loan: locked ones archived then deleted, the renter's deleted; the next renter finds none")
    func noBackupLeft() async throws {
        let archive = try Self.temporaryArchive()
        defer { try? FileManager.default.removeItem(atPath: archive) }
        try await World.with(servers: 1, archive: LocalDirectoryArchive(directory: archive)) { world in
            let loan = try await world.activeLoan()
            let renter = try Renter(world)
            #expect(try await renter.send(.post, "/backups", #"{"name": "event world"}"#).status == 200)
            let locked = try await world.panelWorld.client.createBackupAndWait(of: Self.server, name: "kept by the operator", locked: true, timeout: .seconds(600))

            try await Self.returnLoan(world, loan)
            #expect(try await world.workflow(loan.id)?.status == .returned)
            #expect(world.simulator.backups(of: Self.server).isEmpty, "left on the server: \(world.simulator.backups(of: Self.server).map(\.name))")
            let archived = try await ArchiveTable.list(workflowId: loan.id, on: world.pool)
            #expect(archived.count == 2 && archived.contains { $0.backupUuid == locked.uuid })

            // The next loan's renter sees no backup to download or restore.
            let next = try await world.file(panelUsers: [World.otherMember])
            _ = try await world.service.approve(next.id, by: World.moderator, usernames: [World.otherMember: "user0003"])
            try await world.drainTasks()
            let nextRenter = try Renter(world, email: "user0003@kpw.local")
            let listed = try await nextRenter.send(.get, "/backups")
            #expect(listed.status == 200 && listed.body?["data"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test("a backup a renter names like the return's (this loan's id or a later one) is never archived as the loan's final state")
    func forgedReturnBackup() async throws {
        let archive = try Self.temporaryArchive()
        defer { try? FileManager.default.removeItem(atPath: archive) }
        try await World.with(servers: 1, archive: LocalDirectoryArchive(directory: archive)) { world in
            let loan = try await world.activeLoan()
            let renter = try Renter(world)
            var forged: [String] = []
            for id in [loan.id, loan.id + 1] {
                let made = try await renter.send(.post, "/backups", #"{"name": "lending-bot return #\#(id)"}"#)
                forged.append(try #require(made.body?["attributes"]?["uuid"]?.stringValue))
            }
            // The forged backups complete before the return starts.
            world.panelWorld.panel.advance(by: .seconds(60))
            #expect(world.simulator.backups(of: Self.server).allSatisfy { $0.isSuccessful })

            try await Self.returnLoan(world, loan)
            #expect(try await world.workflow(loan.id)?.status == .returned)
            let archived = try await ArchiveTable.list(workflowId: loan.id, on: world.pool).map(\.backupUuid)
            #expect(archived.count == 1)
            #expect(Set(archived).isDisjoint(with: forged), "a renter's backup was archived as the return backup")
            // The one archived is the one the bot created, after the renters lost access.
            let botCreates = world.simulator.requests(to: .createBackup).filter { $0.header("authorization") == "Bearer \(PanelTestWorld.clientKey)" }
            #expect(botCreates.count == 1)
        }
    }

    @Test("every reset mode that claims to reset removes the previous renter's files, a planted plugin included", arguments: [
        ServerResetMode.deleteFiles, .reinstall,
    ])
    func resetRemovesFiles(mode: ServerResetMode) async throws {
        try await World.with(servers: 1, adjustPanel: { configuration in
            var files = SimulatedFile.minecraft
            files["/"]?.append(contentsOf: [SimulatedFile(name: "ops.json", size: 120), SimulatedFile(name: "whitelist.json", size: 80),
                                            SimulatedFile(name: "plugins", isDirectory: true)])
            files["/plugins"] = [SimulatedFile(name: "backdoor.jar", size: 20_000)]
            configuration.servers[0].files = files
        }, adjustPolicy: { $0.resetMode = mode }) { world in
            let loan = try await world.activeLoan()
            try await Self.returnLoan(world, loan)
            #expect(try await world.workflow(loan.id)?.status == .returned)
            let server = try #require(world.simulator.server(Self.server))
            let root = (server.files["/"] ?? []).map(\.name).sorted()
            #expect(root == (mode == .reinstall ? ["server.jar"] : []), "left after \(mode.rawValue): \(root)")
            #expect(server.files["/plugins"] == nil && server.files["/world"] == nil)
        }
    }

    @Test("an archive that fails for good leaves the renters outside: access revoked and the server stopped first, the loan waiting for Retry")
    func archiveFailureAfterRevocation() async throws {
        try await World.with(servers: 1, archive: RefusingArchive()) { world in
            let loan = try await world.activeLoan()
            let renter = try Renter(world)
            #expect(try await renter.send(.post, "/power", #"{"signal": "start"}"#).status == 204)
            world.panelWorld.panel.advance(by: .seconds(30))

            _ = try await world.service.requestReturn(loan.id, by: World.organizer, asModerator: false)
            try await world.drainTasks(rounds: 60)
            let task = try #require(try await TaskTable.list(workflowId: loan.id, on: world.pool).last)
            #expect(task.kind == .returnLoan && task.state == .failed)
            #expect(try await world.workflow(loan.id)?.status == .active)
            #expect(world.simulator.subusers(of: Self.server).isEmpty, "the renters kept access past a failed archive")
            #expect(try await renter.send(.get, "").status == 404)
            #expect(world.simulator.server(Self.server)?.powerState == "offline")
            let told = world.notifier.notices.compactMap { notice -> String? in
                if case .taskFailed(let failure) = notice, failure.taskId == task.id { failure.message } else { nil }
            }
            #expect(told.count == 1 && told[0].hasPrefix("returning, archive failed (the renters' access is already removed"), "\(told)")
        }
    }
}

/// An archive destination that refuses every upload, as a full or misconfigured remote would.
struct RefusingArchive: ArchiveDestination {
    var displayName: String { "refusing" }
    func upload(localPath: String, to relativePath: String) async throws -> Int64 {
        throw PortFailure.permanent("the archive refused the upload")
    }
    func storedSize(of relativePath: String) async throws -> Int64? { nil }
}
