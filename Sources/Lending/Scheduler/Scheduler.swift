public import Clocks
import Foundation
public import Logging
public import Postgres

/// Reminds organizers before their loans end and deals with expired loans; run at start-up
/// and every `SCHEDULER_INTERVAL_SECONDS`.
///
/// Several bot instances may run it on one database: a reminder or expiry notice is sent only
/// by the instance whose insert into `"WorkflowNotice"` succeeded, and an expiry return is a
/// task, of which a workflow can have only one open.
public struct Scheduler: Sendable {
    let pool: PostgresPool
    let service: WorkflowService
    let notifier: any LendingNotifier
    let policy: LendingPolicy
    let clock: BotClock
    let logger: Logger
    let observer: (any LendingObserver)?

    public init(pool: PostgresPool, service: WorkflowService, notifier: any LendingNotifier, policy: LendingPolicy,
                clock: BotClock = .system, observer: (any LendingObserver)? = nil, logger: Logger) {
        self.observer = observer
        self.pool = pool
        self.service = service
        self.notifier = notifier
        self.policy = policy
        self.clock = clock
        self.logger = logger
    }

    /// What one tick did.
    public struct Report: Sendable, Equatable {
        public var remindersSent = 0
        public var returnsQueued = 0
        public var expiryNotices = 0
        public var failures = 0
        /// The queued notices of decisions (`NoticeOutbox`) this pass delivered, postponed again
        /// or gave up on.
        public var outbox = NoticeOutbox.Report()
    }

    /// Runs `tick()` now and then every `interval` of `waitClock` until cancelled; a failed tick is
    /// logged and the next one runs on time.
    public func run(every interval: Duration, waitClock: any Clock<Duration> = ContinuousClock()) async {
        while !Task.isCancelled {
            // The version cache is read again here when it is stale, so that no member's request
            // form waits for Mojang's manifest within Discord's three seconds.
            await service.warmVersionCatalog()
            do {
                let report = try await tick()
                logger.debug("scheduler tick", metadata: ["reminders": "\(report.remindersSent)", "returns": "\(report.returnsQueued)"])
                observer?.schedulerRan(succeeded: true)
            } catch {
                observer?.schedulerRan(succeeded: false)
                logger.error("scheduler tick failed", metadata: ["error": "\(TaskRunner.describe(error))"])
            }
            try? await waitClock.sleep(for: interval)
        }
    }

    /// One pass: the decisions' notices still to deliver, reminders for loans ending within the
    /// largest reminder window, then expired loans.
    public func tick() async throws -> Report {
        var report = Report()
        if let outbox = service.outbox {
            report.outbox = try await outbox.deliverDue()
        }
        let now = clock.date
        let horizon = now.addingTimeInterval(Double(policy.reminderDays.max() ?? 0) * 86_400)
        for loan in try await WorkflowTable.activeEnding(before: horizon, on: pool) {
            guard let end = loan.endDate else { continue }
            do {
                if end <= now {
                    try await expire(loan, endDate: end, now: now, report: &report)
                } else {
                    try await remind(loan, endDate: end, now: now, report: &report)
                }
            } catch {
                report.failures += 1
                logger.warning("scheduler could not handle a loan", metadata: ["workflow": "\(loan.id)", "error": "\(TaskRunner.describe(error))"])
            }
        }
        return report
    }

    /// Sends the most urgent reminder that is due and not sent yet. The less urgent ones that
    /// are also due are claimed with it, so a bot that was down does not send them late.
    private func remind(_ loan: WorkflowRecord, endDate: Date, now: Date, report: inout Report) async throws {
        let due = policy.reminderDays.filter { days in now >= endDate.addingTimeInterval(-Double(days) * 86_400) }.sorted()
        guard let urgent = due.first else { return }
        // Claim first: a reminder already sent (every later tick of the loan) costs one insert.
        // The summary is read in the claim's transaction, so a failed read gives the claims back.
        let claimed: LoanSummary? = try await pool.withTransaction { transaction in
            var urgentClaimed = false
            for days in due {
                let won = try await NoticeTable.claim(workflowId: loan.id, kind: "reminder:\(days)", endDate: endDate, at: now, on: transaction)
                if days == urgent { urgentClaimed = won }
            }
            return urgentClaimed ? try await LoanSummary.load(loan, address: nil, on: transaction) : nil
        }
        guard let summary = claimed else { return }
        let daysLeft = CalendarDate(containing: now, in: policy.timeZone).days(until: CalendarDate(containing: endDate, in: policy.timeZone))
        do {
            try await notifier.deliver(.returnReminder(summary, organizer: loan.organizerDiscordId, daysLeft: daysLeft),
                                       deduplicationKey: "reminder-\(loan.id)-\(urgent)-\(Timestamp.format(endDate))")
            report.remindersSent += 1
        } catch {
            // Give the claims back so the next tick tries again.
            for days in due {
                try await NoticeTable.release(workflowId: loan.id, kind: "reminder:\(days)", endDate: endDate, on: pool)
            }
            throw error
        }
    }

    private func expire(_ loan: WorkflowRecord, endDate: Date, now: Date, report: inout Report) async throws {
        switch policy.expiryAction {
        case .returnLoan:
            if try await TaskTable.open(workflowId: loan.id, on: pool) != nil { return }
            do {
                _ = try await service.requestReturn(loan.id, by: AuditEntry.scheduler, asModerator: true, onlyIfEnded: true)
                report.returnsQueued += 1
            } catch LendingError.returnInProgress, LendingError.alreadyDecided, LendingError.approvalInProgress,
                    LendingError.panelUsersChangeInProgress, LendingError.notEnded {
                // Another instance or a person got there first, the approval's last notices or a
                // change of panel users are still under way, or the loan was extended since the
                // list was read: the next tick looks again.
            } catch let error as PostgresError where error.constraint == "LendingTask_workflowId_open_key" {
                // Another instance queued it between our check and our insert.
            }
        case .notifyModerators:
            let claimed: LoanSummary? = try await pool.withTransaction { transaction in
                guard try await NoticeTable.claim(workflowId: loan.id, kind: "expired", endDate: endDate, at: now, on: transaction) else { return nil }
                return try await LoanSummary.load(loan, address: nil, on: transaction)
            }
            guard let summary = claimed else { return }
            do {
                try await notifier.deliver(.loanExpired(summary), deduplicationKey: "expired-\(loan.id)-\(Timestamp.format(endDate))")
                report.expiryNotices += 1
            } catch {
                try await NoticeTable.release(workflowId: loan.id, kind: "expired", endDate: endDate, on: pool)
                throw error
            }
        }
    }
}
