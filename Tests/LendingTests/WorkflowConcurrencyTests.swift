import Clocks
import Foundation
import Lending
import PanelSimulator
import PanelTesting
import Postgres
import Pterodactyl
import Testing

/// Races, crashes and a flaky panel: the workflow must still do each thing exactly once.
@Suite("Workflow under concurrency and failure")
struct WorkflowConcurrencyTests {
    typealias World = LendingWorld

    @Test("50 concurrent approvals for 3 free servers: exactly 3 reserved, 47 PENDING told no server is free")
    func fiftyApprovalsThreeServers() async throws {
        try await World.with(servers: 3) { world in
            var ids: [Int] = []
            for index in 0..<50 {
                let user = "3000000000000\(String(format: "%05d", index))"
                ids.append(try await world.file(panelUsers: [user]).id)
            }
            let outcomes = try await withThrowingTaskGroup(of: Result<String, LendingError>.self) { group in
                for (index, id) in ids.enumerated() {
                    group.addTask {
                        let user = "3000000000000\(String(format: "%05d", index))"
                        do {
                            return .success(try await world.service.approve(id, by: World.moderator, usernames: [user: "user\(index)"]).serverAlias)
                        } catch let error as LendingError {
                            return .failure(error)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let servers = outcomes.compactMap { if case .success(let alias) = $0 { alias } else { nil } }
            #expect(servers.sorted() == ["server01", "server02", "server03"])
            #expect(outcomes.filter { if case .failure(.noFreeServer) = $0 { true } else { false } }.count == 47)

            try await world.drainTasks(rounds: 40)
            let rows = try await world.pool.query("""
                SELECT "status"::text AS status, count(*)::int AS n, count(DISTINCT "pteroServerId")::int AS servers
                FROM "Workflow" GROUP BY "status" ORDER BY "status"
                """).rows
            let byStatus = try Dictionary(uniqueKeysWithValues: rows.map { (try $0.decode("status", as: String.self), (try $0.decode("n", as: Int.self), try $0.decode("servers", as: Int.self))) })
            #expect(byStatus["ACTIVE"]?.0 == 3)
            #expect(byStatus["ACTIVE"]?.1 == 3)
            #expect(byStatus["PENDING"]?.0 == 47)
            #expect(byStatus["PENDING"]?.1 == 0)
        }
    }

    @Test("the database itself refuses a second loan on one server")
    func uniqueIndexGuards() async throws {
        try await World.with(servers: 1) { world in
            let loan = try await world.activeLoan()
            var second = try await world.file(panelUsers: [World.otherMember])
            second.pteroServerId = loan.pteroServerId
            second.status = .active
            await #expect {
                _ = try await WorkflowTable.update(second, expectedStatus: .pending, at: world.clock.date, on: world.pool)
            } throws: { error in
                (error as? PostgresError)?.constraint == "Workflow_pteroServerId_held_key"
            }
        }
    }

    @Test("panel 500s and 429s during an approval: the task retries and completes once")
    func flakyPanel() async throws {
        // A client-API limit this low makes the approval meet real 429s with Retry-After.
        try await World.with(adjustPanel: { $0.clientRateLimit = 6 }) { world in
            let workflow = try await world.file(panelUsers: [World.member, World.otherMember])
            for _ in 0..<3 { world.simulator.injectFault(.status(500), on: .createSubuser) }
            world.simulator.injectFault(.status(502), on: .createUser)
            world.simulator.injectFault(.daemonUnavailable, on: .getServer)
            world.simulator.injectFault(.daemonUnavailable, on: .getServer)
            _ = try await world.service.approve(workflow.id, by: World.moderator,
                                                usernames: [World.member: "alice", World.otherMember: "bob"])
            try await world.drainTasks(rounds: 40)
            #expect(try await world.workflow(workflow.id)?.status == .active)
            #expect(world.simulator.users.filter { ["alice", "bob"].contains($0.username) }.count == 2)
            #expect(world.simulator.subusers(of: World.serverIdentifier(1)).map(\.email).sorted() == ["alice@kpw.local", "bob@kpw.local"])
            #expect(try await TaskTable.list(workflowId: workflow.id, on: world.pool).map(\.state) == [.succeeded])
            #expect(world.simulator.requests.contains { $0.status == 429 })
        }
    }

    @Test("a permanent panel failure stops the task, tells the moderators, keeps the server reserved; retry completes it")
    func permanentFailureAndRetry() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file()
            // The panel already has an account with this username but another email: a person must choose again.
            _ = try await world.panelWorld.client.createUser(.init(username: "alice", email: "alice@elsewhere.example", firstName: "A", lastName: "B"))
            let approval = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            try await world.drainTasks()
            let failed = try #require(try await TaskTable.find(id: approval.task.id, on: world.pool))
            #expect(failed.state == .failed)
            guard case .taskFailed(let summary) = world.notifier.notices.last else { Issue.record("moderators not told"); return }
            #expect(summary.taskId == approval.task.id)
            #expect(!summary.message.contains("ptla_") && !summary.message.contains("ptlc_"))
            #expect(try await world.workflow(workflow.id)?.pteroServerId == World.serverIdentifier(1))
            let other = try await world.file(panelUsers: [World.otherMember])
            await #expect(throws: LendingError.noFreeServer) {
                _ = try await world.service.approve(other.id, by: World.moderator, usernames: [World.otherMember: "bob"])
            }

            // The moderator frees the name on the panel and retries.
            let stray = try #require(world.simulator.user(username: "alice"))
            _ = try await world.panelWorld.client.updateUser(id: stray.id, username: "alice-old", email: stray.email, firstName: "A", lastName: "B")
            _ = try await world.service.retry(taskId: approval.task.id, by: World.moderator)
            try await world.drainTasks()
            #expect(try await world.workflow(workflow.id)?.status == .active)
            await #expect(throws: LendingError.taskNotFailed(id: approval.task.id, state: .succeeded)) {
                _ = try await world.service.retry(taskId: approval.task.id, by: World.moderator)
            }
        }
    }

    @Test("an account with the chosen username and email that the bot did not make stops the approval; no record, no access")
    func strangersAccountStopsApproval() async throws {
        try await World.with(servers: 1) { world in
            let (workflow, approval) = try await Self.approveOverStrayAccount(world, email: "alice@kpw.local")
            #expect(try await TaskTable.find(id: approval.task.id, on: world.pool)?.state == .failed)
            guard case .taskFailed(let summary) = world.notifier.notices.last else { Issue.record("moderators not told"); return }
            #expect(summary.message.contains("the bot did not make it for this member"), "\(summary.message)")
            #expect(try await PterodactylUserTable.find(discordId: World.member, on: world.pool) == nil, "reset-password has nothing to reset")
            #expect(world.simulator.subusers(of: World.serverIdentifier(1)).isEmpty)
            #expect(try await world.workflow(workflow.id)?.status == .pending)
        }
    }

    @Test("retry and reject of one failed approval lock the request before the task: the reject commits, the retry is told")
    func retryAndRejectLockOrder() async throws {
        try await World.with(servers: 1) { world in
            let (workflow, approval) = try await Self.approveOverStrayAccount(world, email: "alice@elsewhere.example")
            try #require(try await TaskTable.find(id: approval.task.id, on: world.pool)?.state == .failed)
            // A reject's first half by hand: the request's row is locked, then the retry starts,
            // and only once it waits for a lock does the reject touch the task.
            let retry = try await world.pool.withTransaction { transaction in
                _ = try await WorkflowTable.lock(id: workflow.id, on: transaction)
                let retry = Task { try await world.service.retry(taskId: approval.task.id, by: World.moderator) }
                try await Self.waitForLockWait(world.pool)
                // The waiting retry holds no lock on the task: taken in the other order, it would
                // (and the pool's re-run after Postgres broke the deadlock would hide it).
                try await transaction.query("""
                    SELECT 1 FROM "LendingTask" WHERE "id" = \(approval.task.id) FOR UPDATE NOWAIT
                    """, named: "task row is free")
                _ = try await TaskTable.cancel(id: approval.task.id, at: world.clock.date, on: transaction)
                return retry
            }
            await #expect(throws: LendingError.taskNotFailed(id: approval.task.id, state: .cancelled)) { _ = try await retry.value }
            #expect(try await TaskTable.find(id: approval.task.id, on: world.pool)?.state == .cancelled)
        }
    }

    /// Files a request and approves it with the panel username `alice`, which an account the bot
    /// did not make already has (with `email`), then runs the tasks: the approval fails for good.
    static func approveOverStrayAccount(_ world: World, email: String) async throws -> (WorkflowRecord, WorkflowService.Approval) {
        let workflow = try await world.file()
        _ = try await world.panelWorld.client.createUser(.init(username: "alice", email: email, firstName: "A", lastName: "B"))
        let approval = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
        try await world.drainTasks()
        return (workflow, approval)
    }

    /// Until some session of this database waits for a row lock (the retry behind the reject).
    static func waitForLockWait(_ pool: PostgresPool) async throws {
        for _ in 0..<2_000 {
            let waiting = try await pool.query("""
                SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                """, named: "sessions waiting for a lock")
            if !waiting.isEmpty { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the retry never waited for a lock")
    }

    @Test("rejecting a request whose approval failed releases its server and undoes its panel access")
    func rejectAfterFailedApproval() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file(panelUsers: [World.member, World.otherMember])
            _ = try await world.panelWorld.client.createUser(.init(username: "bob", email: "bob@elsewhere.example", firstName: "B", lastName: "C"))
            _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice", World.otherMember: "bob"])
            try await world.drainTasks()
            #expect(world.simulator.subusers(of: World.serverIdentifier(1)).map(\.email) == ["alice@kpw.local"])
            _ = try await world.service.reject(workflow.id, by: World.moderator, reason: "cannot set up")
            try await world.drainTasks()
            #expect(world.simulator.subusers(of: World.serverIdentifier(1)).isEmpty)
            let next = try await world.file(panelUsers: [World.member])
            let approval = try await world.service.approve(next.id, by: World.moderator)
            #expect(approval.serverAlias == "server01")
        }
    }
}

extension WorkflowConcurrencyTests {
    @Test("two runners sharing the queue run every task exactly once")
    func twoRunners() async throws {
        try await World.with(servers: 3) { world in
            let second = TaskRunner(pool: world.pool, handlers: [
                .approve: ApprovalTask(panel: world.panel, community: world.community, notifier: world.notifier, versions: world.versions,
                                       policy: world.policy),
            ], notifier: world.notifier, clock: world.clock, configuration: World.fastRunner, logger: world.logger)
            var ids: [Int] = []
            for (index, user) in [World.member, World.otherMember, "200000000000000004"].enumerated() {
                let workflow = try await world.file(panelUsers: [user])
                _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [user: "runner\(index)"])
                ids.append(workflow.id)
            }
            async let a = world.runner.runDue()
            async let b = second.runDue()
            let (ranA, ranB) = try await (a, b)
            #expect(ranA + ranB == 3)
            for id in ids {
                #expect(try await world.workflow(id)?.status == .active)
                #expect(try await AuditTable.list(workflowId: id, on: world.pool).filter { $0.action == .approve }.count == 1)
            }
            #expect(world.simulator.requests(to: .createUser).filter { $0.status == 201 }.count == 3)
        }
    }
}
