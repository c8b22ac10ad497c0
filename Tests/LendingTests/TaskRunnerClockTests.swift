import Clocks
import Foundation
import Lending
import PanelSimulator
import Postgres
import Synchronization
import Testing
import TestSupport

/// The task runner's own waits (the idle poll, the pace of lease renewal) on a manual clock: the
/// test moves time, and the claims in the database show what the runner did at each step.
@Suite("The task runner on its clock")
struct TaskRunnerClockTests {
    typealias World = LendingWorld

    /// Runs until cancelled, as a long install would; says whether it started and how it ended.
    final class HeldTask: TaskHandler {
        let started = Mutex(false)
        let cancelled = Mutex(false)

        func run(_ context: TaskContext) async throws {
            started.withLock { $0 = true }
            do {
                // Only a cancellation ends this: the claim being lost, or the test.
                try await Task.sleep(for: .seconds(86_400))
            } catch {
                cancelled.withLock { $0 = true }
                throw error
            }
        }
    }

    /// Succeeds at once and counts its runs.
    final class CountingTask: TaskHandler {
        let runs = Mutex(0)
        func run(_ context: TaskContext) async throws { runs.withLock { $0 += 1 } }
    }

    /// A request approved, so that one approval task waits in the queue.
    static func queuedApproval(_ world: World, for member: String = World.member, username: String = "alice") async throws -> TaskRecord {
        let workflow = try await world.file(panelUsers: [member])
        _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [member: username])
        return try #require(try await TaskTable.open(workflowId: workflow.id, on: world.pool))
    }

    static func runner(_ world: World, _ handler: any TaskHandler, waits: ManualClock, lease: Duration = .seconds(90)) -> TaskRunner {
        var configuration = World.fastRunner
        configuration.lease = lease
        configuration.idlePoll = .seconds(5)
        configuration.waitClock = waits
        return TaskRunner(pool: world.pool, handlers: [.approve: handler], notifier: world.notifier, clock: world.clock,
                          configuration: configuration, logger: world.logger)
    }

    @Test("a running task's claim is renewed every third of the lease, from the workflow's time; a claim taken by another runner cancels the work")
    func leaseRenewal() async throws {
        try await World.with(servers: 1) { world in
            let queued = try await Self.queuedApproval(world)
            let waits = ManualClock()
            let held = HeldTask()
            let runner = Self.runner(world, held, waits: waits)
            let running = Task { try await runner.runDue() }

            try await eventually("the task to start and the renewal to wait") { held.started.withLock { $0 } && waits.sleeperCount == 1 }
            let claimed = try #require(try await TaskTable.find(id: queued.id, on: world.pool)?.claimExpiresAt)
            #expect(claimed == world.clock.date.addingTimeInterval(90))

            // The workflow's time moves 30 s, then the runner's wait ends: the lease is pushed to 90 s from then.
            world.simulator.advance(by: .seconds(30))
            waits.advance(by: .seconds(30))
            try await eventually("the renewal") {
                try await TaskTable.find(id: queued.id, on: world.pool)?.claimExpiresAt == claimed.addingTimeInterval(30)
            }
            #expect(!held.cancelled.withLock { $0 })

            // Another runner has the task now (as after a lapse); the next renewal finds out and stops the work.
            _ = try await world.pool.query(#"UPDATE "LendingTask" SET "claimToken" = 'another runner' WHERE "id" = \#(queued.id)"#,
                                           named: "steal the claim")
            try await eventually("the next renewal to wait") { waits.sleeperCount == 1 }
            waits.advance(by: .seconds(30))
            let ran = try await running.value
            #expect(ran == 1)
            #expect(held.cancelled.withLock { $0 })
            let task = try #require(try await TaskTable.find(id: queued.id, on: world.pool))
            #expect(task.state == .queued && task.claimToken == "another runner" && task.finishedAt == nil,
                    "the runner that lost the claim leaves the task to its new owner")
        }
    }

    @Test("an idle runner looks again when its poll interval has passed on its clock, and at once when woken")
    func idlePoll() async throws {
        try await World.with(servers: 2) { world in
            let waits = ManualClock()
            let counting = CountingTask()
            let runner = Self.runner(world, counting, waits: waits)
            let running = Task { await runner.run() }
            defer { running.cancel() }

            try await eventually("the runner to go idle") { waits.sleeperCount == 1 }
            let first = try await Self.queuedApproval(world)
            // Nobody woke the runner and its clock stands still: the task waits.
            #expect(try await TaskTable.find(id: first.id, on: world.pool)?.state == .queued)
            #expect(counting.runs.withLock { $0 } == 0)
            waits.advance(by: .seconds(5))
            try await eventually("the polled task") { try await TaskTable.find(id: first.id, on: world.pool)?.state == .succeeded }

            try await eventually("the runner to go idle again") { waits.sleeperCount == 1 }
            let second = try await Self.queuedApproval(world, for: World.otherMember, username: "bob")
            runner.wake()
            try await eventually("the woken task") { try await TaskTable.find(id: second.id, on: world.pool)?.state == .succeeded }
            #expect(counting.runs.withLock { $0 } == 2)
        }
    }

    /// Runs until the test opens its gate, then succeeds; counts its starts.
    final class GatedTask: TaskHandler {
        let starts = Mutex(0)
        let isOpen = Mutex(false)

        func run(_ context: TaskContext) async throws {
            starts.withLock { $0 += 1 }
            while !isOpen.withLock({ $0 }) {
                try await Task.sleep(for: .milliseconds(5))
            }
        }
    }

    @Test("told to finish its current task, the runner lets that task succeed, claims no other, and returns")
    func finishCurrentTask() async throws {
        try await World.with(servers: 2) { world in
            let first = try await Self.queuedApproval(world)
            let second = try await Self.queuedApproval(world, for: World.otherMember, username: "bob")
            let waits = ManualClock()
            let gated = GatedTask()
            let runner = Self.runner(world, gated, waits: waits)
            let running = Task { await runner.run() }
            defer { running.cancel() }

            try await eventually("the first task to start") { gated.starts.withLock { $0 } == 1 }
            runner.finishCurrentTask()
            gated.isOpen.withLock { $0 = true }
            await running.value

            #expect(gated.starts.withLock { $0 } == 1)
            let started = try #require(try await TaskTable.find(id: first.id, on: world.pool))
            let waiting = try #require(try await TaskTable.find(id: second.id, on: world.pool))
            // Which of the two ran first is the queue's choice; one succeeded, the other was never claimed.
            let states = [started.state, waiting.state]
            #expect(states.filter { $0 == .succeeded }.count == 1)
            #expect(states.filter { $0 == .queued }.count == 1)
            #expect([started, waiting].first { $0.state == .queued }?.claimToken == nil)
        }
    }

    /// Counts the scheduler's passes.
    final class PassCounter: LendingObserver {
        let passes = Mutex(0)
        func taskFinished(_ kind: TaskKind, outcome: TaskOutcome) {}
        func schedulerRan(succeeded: Bool) { passes.withLock { $0 += 1 } }
    }

    @Test("the scheduler passes once at start, then once per interval of its clock, and never while the clock stands still")
    func schedulerInterval() async throws {
        try await World.with(servers: 1) { world in
            let waits = ManualClock()
            let counter = PassCounter()
            let scheduler = Scheduler(pool: world.pool, service: world.service, notifier: world.notifier, policy: world.policy,
                                      clock: world.clock, observer: counter, logger: world.logger)
            let running = Task { await scheduler.run(every: .seconds(60), waitClock: waits) }
            defer { running.cancel() }
            for pass in 1...3 {
                try await eventually("pass \(pass) and the wait after it") { counter.passes.withLock { $0 } == pass && waits.sleeperCount == 1 }
                #expect(waits.nextDeadline == waits.instant(.seconds(60 * pass)))
                waits.advance(by: .seconds(60))
            }
            try await eventually("the fourth pass") { counter.passes.withLock { $0 } == 4 }
        }
    }
}
