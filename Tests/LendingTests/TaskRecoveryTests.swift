import Clocks
import Foundation
import Lending
import LendingAdapters
import PanelSimulator
import PanelTesting
import Postgres
import Pterodactyl
import Testing

/// A task killed after any one of its steps, and resumed by a new runner once its claim has
/// lapsed, finishes with every side effect done once.
@Suite("Task recovery after a crash")
struct TaskRecoveryTests {
    typealias World = LendingWorld

    /// An approval (one new account, one member who has an account) followed by a return that
    /// archives a fresh backup and one locked backup.
    /// - Returns: how many calls the approval and the return made (in a run without a crash).
    static func scenario(crashAfter: Int?, phase: Phase) async throws -> (approval: Int, return: Int) {
        let point = CrashPoint()
        let archiveRoot = FileManager.default.temporaryDirectory.appendingPathComponent("lending-archive-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: archiveRoot, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: archiveRoot) }
        var calls = (approval: 0, return: 0)
        try await World.with(
            servers: 1,
            archive: CrashingArchive(inner: LocalDirectoryArchive(directory: archiveRoot), point: point),
            wrapPanel: { CrashingPanel(inner: $0, point: point) },
            wrapNotifier: { CrashingNotifier(inner: $0, point: point) }
        ) { world in
            _ = try await PterodactylUserTable.insert(discordId: World.otherMember, username: "bob", email: "bob@kpw.local", at: world.clock.date, on: world.pool)
            _ = try await world.panelWorld.client.createUser(.init(username: "bob", email: "bob@kpw.local", firstName: "B", lastName: "B"))
            let workflow = try await world.file(panelUsers: [World.member, World.otherMember])
            _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            // The approval reads the egg before it reserves; the task's calls are counted from here.
            let beforeTask = point.calls
            if phase == .approval { try await crash(world, point: point, at: crashAfter) }
            try await world.drainTasks()
            #expect(try await world.workflow(workflow.id)?.status == .active)
            calls.approval = point.calls - beforeTask

            let locked = try await world.panelWorld.client.createBackupAndWait(of: World.serverIdentifier(1), name: "../../etc/passwd", locked: true, timeout: .seconds(600))
            _ = try await world.service.requestReturn(workflow.id, by: World.organizer, asModerator: false)
            if phase == .return { try await crash(world, point: point, at: crashAfter) }
            try await world.drainTasks()

            // Each thing happened once.
            #expect(try await world.workflow(workflow.id)?.status == .returned)
            #expect(world.simulator.users.filter { $0.username == "alice" }.count == 1)
            #expect(world.simulator.subusers(of: World.serverIdentifier(1)).isEmpty)
            let archived = try await ArchiveTable.list(workflowId: workflow.id, on: world.pool)
            #expect(archived.count == 2)
            #expect(Set(archived.map(\.backupUuid)).contains(locked.uuid))
            let files = try FileManager.default.subpathsOfDirectory(atPath: archiveRoot).filter { $0.hasSuffix(".tar.gz") }
            #expect(files.count == 2, "archive holds \(files)")
            #expect(files.allSatisfy { $0.contains("\(workflow.id)_") && !$0.contains("..") })
            let backups = world.simulator.backups(of: World.serverIdentifier(1))
            #expect(backups.isEmpty, "left on the server: \(backups.map(\.name))")
            #expect(world.simulator.requests(to: .createBackup).count == 2, "the locked backup and one return backup, never a second")
            let kinds = world.notifier.notices.compactMap { notice -> String? in
                switch notice {
                case .loanApproved: "approved"
                case .panelAccessGranted(_, let user, _): "access \(user)"
                case .loanReturned(_, let user, _): "returned \(user)"
                case .loanReturnedToModerators: "returned, told the moderators"
                // Progress is a courtesy shown again by a resumed task, not a notice people keep.
                case .approvalProgress: nil
                default: "other"
                }
            }
            #expect(kinds.sorted() == ["access \(World.member)", "access \(World.otherMember)", "approved",
                                       "returned \(World.member)", "returned \(World.organizer)", "returned \(World.otherMember)",
                                       "returned, told the moderators"].sorted())
            let audit = try await AuditTable.list(workflowId: workflow.id, on: world.pool).map(\.action)
            #expect(audit.filter { $0 == .approve }.count == 1 && audit.filter { $0 == .return }.count == 1)
            calls.return = point.calls - calls.approval - beforeTask
        }
        return calls
    }

    enum Phase: Sendable { case approval, `return` }

    /// Arms the crash, runs until it hangs, kills the runner, and moves past the claim's lease.
    static func crash(_ world: World, point: CrashPoint, at call: Int?) async throws {
        guard let call else { return }
        point.arm(after: call)
        let runner = Task { try await world.runner.runDue() }
        try await point.waitUntilHung()
        runner.cancel()
        _ = await runner.result
        point.disarm()
        world.panelWorld.panel.advance(by: LendingWorld.fastRunner.lease + .seconds(1))
    }

    @Test("an approval killed after each of its calls, and resumed, completes with everything done once")
    func approvalCrashes() async throws {
        let calls = try await Self.scenario(crashAfter: nil, phase: .approval)
        try #require(calls.approval >= 5)
        for call in 1...calls.approval {
            do {
                _ = try await Self.scenario(crashAfter: call, phase: .approval)
            } catch {
                Issue.record("crash after call \(call) of \(calls.approval): \(error)")
                throw error
            }
        }
    }

    @Test("a return killed after each of its calls, and resumed, completes with everything done once")
    func returnCrashes() async throws {
        let calls = try await Self.scenario(crashAfter: nil, phase: .return)
        try #require(calls.return >= 10)
        for call in 1...calls.return {
            _ = try await Self.scenario(crashAfter: call, phase: .return)
        }
    }
}
