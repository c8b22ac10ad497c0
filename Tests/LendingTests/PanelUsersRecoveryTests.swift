import Foundation
import Lending
import PanelSimulator
import PanelTesting
import Postgres
import Testing

/// A change of an ACTIVE loan's panel users killed after any one of its calls, and resumed by a
/// new runner once its claim has lapsed, finishes with every side effect done once.
@Suite("Panel-user change recovery after a crash")
struct PanelUsersRecoveryTests {
    typealias World = LendingWorld

    /// A loan lent to the member; the change adds the other member (a new account) and removes the member.
    /// - Returns: how many calls the change made (in a run without a crash).
    static func scenario(crashAfter: Int?) async throws -> Int {
        let point = CrashPoint()
        var calls = 0
        try await World.with(
            servers: 1,
            wrapPanel: { CrashingPanel(inner: $0, point: point) },
            wrapNotifier: { CrashingNotifier(inner: $0, point: point) }
        ) { world in
            let workflow = try await world.file(panelUsers: [World.member])
            _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            try await world.drainTasks()
            #expect(try await world.workflow(workflow.id)?.status == .active)
            let aliceEmail = try #require(try await PterodactylUserTable.find(discordId: World.member, on: world.pool)?.email)

            let beforeTask = point.calls
            let change = try await world.service.changePanelUsers(workflow.id, by: World.moderator, add: [World.otherMember], remove: [World.member],
                                                                  usernames: [World.otherMember: "bob"])
            try await TaskRecoveryTests.crash(world, point: point, at: crashAfter)
            try await world.drainTasks()

            let task = try #require(change.task)
            #expect(try await TaskTable.find(id: task.id, on: world.pool)?.state == .succeeded)
            #expect(world.simulator.users.filter { $0.username == "bob" }.count == 1)
            let bobEmail = try #require(try await PterodactylUserTable.find(discordId: World.otherMember, on: world.pool)?.email)
            #expect(world.simulator.subusers(of: World.serverIdentifier(1)).map(\.email) == [bobEmail])
            #expect(!world.simulator.subusers(of: World.serverIdentifier(1)).contains { $0.email == aliceEmail })
            #expect(try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: world.pool).map(\.discordId) == [World.otherMember])
            let access = world.notifier.notices.filter { notice in
                if case .panelAccessGranted(_, let user, _) = notice { user == World.otherMember } else { false }
            }
            #expect(access.count == 1)
            calls = point.calls - beforeTask
        }
        return calls
    }

    @Test("a panel-user change killed after each of its calls, and resumed, completes with everything done once")
    func changeCrashes() async throws {
        let calls = try await Self.scenario(crashAfter: nil)
        try #require(calls >= 4)
        for call in 1...calls {
            do {
                _ = try await Self.scenario(crashAfter: call)
            } catch {
                Issue.record("crash after call \(call) of \(calls): \(error)")
                throw error
            }
        }
    }
}
