import Clocks
import TestSupport
import Foundation
import Lending
import PanelSimulator
import PanelTesting
import Postgres
import Pterodactyl
import Testing

@Suite("Scheduler")
struct SchedulerTests {
    typealias World = LendingWorld

    /// A second scheduler instance on the same database, as another bot process would run.
    static func secondScheduler(_ world: World) -> Scheduler {
        Scheduler(pool: world.pool, service: world.service, notifier: world.notifier, policy: world.policy, clock: world.clock, logger: world.logger)
    }

    @Test("each reminder is sent exactly once across 100 ticks of two scheduler instances")
    func remindersOnce() async throws {
        try await World.with { world in
            let loan = try await world.activeLoan()
            let end = try #require(loan.endDate)
            let other = Self.secondScheduler(world)
            var reminders: [Int] = []
            // 100 ticks of each instance, concurrently, from 4 days before the end to just before it.
            let step = (end.timeIntervalSince(world.clock.date) - 60) / 100
            for _ in 0..<100 {
                world.panelWorld.panel.advance(by: .seconds(Int64(step)))
                async let a = world.scheduler.tick()
                async let b = other.tick()
                _ = try await (a, b)
            }
            // Every delivery counts, repeats included: a resend would show here.
            for notice in world.notifier.delivered {
                if case .returnReminder(let summary, let organizer, let daysLeft) = notice {
                    #expect(summary.workflowId == loan.id && organizer == World.organizer)
                    reminders.append(daysLeft)
                }
            }
            #expect(reminders.count == 2, "reminders sent: \(reminders)")
            #expect(try await NoticeTable.kinds(workflowId: loan.id, on: world.pool).sorted() == ["reminder:1", "reminder:3"])
            #expect(try await world.workflow(loan.id)?.status == .active)
        }
    }

    @Test("a bot that was down sends only the most urgent reminder due")
    func lateReminder() async throws {
        try await World.with { world in
            let loan = try await world.activeLoan()
            let end = try #require(loan.endDate)
            world.panelWorld.panel.advance(by: .seconds(Int64(end.timeIntervalSince(world.clock.date) - 12 * 3_600)))
            _ = try await world.scheduler.tick()
            _ = try await world.scheduler.tick()
            let reminders = world.notifier.delivered.filter { if case .returnReminder = $0 { true } else { false } }
            #expect(reminders.count == 1)
            #expect(try await NoticeTable.kinds(workflowId: loan.id, on: world.pool).sorted() == ["reminder:1", "reminder:3"])
        }
    }

    @Test("a reminder that could not be delivered is sent on a later tick")
    func reminderRetried() async throws {
        try await World.with { world in
            let loan = try await world.activeLoan()
            let end = try #require(loan.endDate)
            world.panelWorld.panel.advance(by: .seconds(Int64(end.timeIntervalSince(world.clock.date) - 2 * 86_400)))
            world.notifier.failNext(1)
            let first = try await world.scheduler.tick()
            #expect(first.remindersSent == 0 && first.failures == 1)
            let second = try await world.scheduler.tick()
            #expect(second.remindersSent == 1)
        }
    }

    @Test("an expired loan is returned once by two instances, its sub-users removed, and its server assignable again")
    func expiryReturns() async throws {
        try await World.with(servers: 1) { world in
            let loan = try await world.activeLoan()
            #expect(!world.simulator.subusers(of: World.serverIdentifier(1)).isEmpty)
            let end = try #require(loan.endDate)
            world.panelWorld.panel.advance(by: .seconds(Int64(end.timeIntervalSince(world.clock.date) + 60)))
            let other = Self.secondScheduler(world)
            async let a = world.scheduler.tick()
            async let b = other.tick()
            let (ra, rb) = try await (a, b)
            #expect(ra.returnsQueued + rb.returnsQueued == 1)
            try await world.drainTasks()
            let returned = try #require(try await world.workflow(loan.id))
            #expect(returned.status == .returned)
            #expect(try await TaskTable.list(workflowId: loan.id, on: world.pool).filter { $0.kind == .returnLoan }.count == 1)
            #expect(world.simulator.subusers(of: World.serverIdentifier(1)).isEmpty)
            let last = try #require(try await AuditTable.list(workflowId: loan.id, on: world.pool).last)
            #expect(last.action == .return && last.actor == AuditEntry.scheduler)

            let next = try await world.file(panelUsers: [World.otherMember])
            let approval = try await world.service.approve(next.id, by: World.moderator, usernames: [World.otherMember: "bob"])
            #expect(approval.serverAlias == "server01")
        }
    }

    @Test("a loan extended after the scheduler read its list is not returned: the end date is checked again under the row lock")
    func extendedMeanwhile() async throws {
        try await World.with(servers: 1) { world in
            let loan = try await world.activeLoan()
            let end = try #require(loan.endDate)
            world.panelWorld.panel.advance(by: .seconds(Int64(end.timeIntervalSince(world.clock.date) + 60)))
            // A moderator's extension holds the loan's row while the scheduler's tick reads the
            // list (the loan has ended) and then waits for the row; the extension commits first.
            let later = world.clock.date.addingTimeInterval(5 * 86_400)
            let report = try await world.pool.withTransaction { transaction in
                var extended = try #require(try await WorkflowTable.lock(id: loan.id, on: transaction))
                let tick = Task { try await world.scheduler.tick() }
                try await eventually("the scheduler's tick to wait for the row", timeout: .seconds(20)) {
                    try await world.pool.query(#"SELECT count(*)::int AS "n" FROM pg_locks WHERE NOT "granted""#).first?.decode("n", as: Int.self) != 0
                }
                extended.endDate = later
                _ = try await WorkflowTable.update(extended, expectedStatus: .active, at: world.clock.date, on: transaction)
                return tick
            }.value
            #expect(report.returnsQueued == 0)
            #expect(try await TaskTable.list(workflowId: loan.id, on: world.pool).filter { $0.kind == .returnLoan }.isEmpty)
            #expect(try await world.workflow(loan.id)?.endDate == later)
        }
    }

    @Test("with EXPIRY_ACTION=notify the moderators are told once and the loan stays ACTIVE")
    func expiryNotifies() async throws {
        try await World.with(adjustPolicy: { $0.expiryAction = .notifyModerators }) { world in
            let loan = try await world.activeLoan()
            let end = try #require(loan.endDate)
            world.panelWorld.panel.advance(by: .seconds(Int64(end.timeIntervalSince(world.clock.date) + 60)))
            for _ in 0..<5 { _ = try await world.scheduler.tick() }
            let expired = world.notifier.delivered.filter { if case .loanExpired = $0 { true } else { false } }
            #expect(expired.count == 1)
            #expect(try await world.workflow(loan.id)?.status == .active)
        }
    }

    @Test("the scheduler's query uses the status/endDate index")
    func schedulerQueryUsesIndex() async throws {
        try await withLendingDatabase { pool in
            try await pool.query("""
                INSERT INTO "Workflow" ("applicantDiscordId", "description", "mcVersion", "periodDays", "organizerDiscordId", "status", "endDate", "updatedAt")
                SELECT '1', 'x', '1.21', 7, '1', (CASE WHEN i % 10 = 0 THEN 'ACTIVE' ELSE 'RETURNED' END)::"WorkflowStatus",
                       now() + (i || ' minutes')::interval, now()
                FROM generate_series(1, 20000) AS i
                """)
            try await pool.query("ANALYZE \"Workflow\"")
            let plan = try await pool.query("""
                EXPLAIN SELECT * FROM "Workflow" WHERE "status" = 'ACTIVE' AND "endDate" <= now() + interval '3 days' ORDER BY "endDate", "id" LIMIT 500
                """).rows.map { try $0.decode(0, as: String.self) }.joined(separator: "\n")
            #expect(plan.contains("Workflow_status_endDate_idx"), "plan:\n\(plan)")
        }
    }
}
