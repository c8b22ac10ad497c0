public import Backoff
public import Clocks
public import Foundation
public import Logging
public import Postgres

/// The notices a decision sends after its commit: a new request's post, a rejection, a
/// withdrawal, an extension. Each is queued in the decision's own transaction, so it exists
/// exactly when the decision does; the instance that made the decision delivers it right after
/// the commit, and the scheduler delivers whatever that left behind (a crash in between, Discord
/// down), with backoff, until it is delivered or refused for good.
///
/// A notice keeps its deduplication key on every attempt, so Discord's message nonce turns a
/// repeat after a lost answer into the message already posted.
public struct NoticeOutbox: Sendable {
    let pool: PostgresPool
    let notifier: any LendingNotifier
    let clock: BotClock
    let backoff: ExponentialBackoff
    let maxAttempts: Int
    let logger: Logger

    /// How long a notice is left to whoever is delivering it before the scheduler takes it over:
    /// longer than any delivery takes, short enough that a crash costs a minute or two.
    static let hold: TimeInterval = 120

    public init(pool: PostgresPool, notifier: any LendingNotifier, clock: BotClock = .system,
                backoff: ExponentialBackoff = ExponentialBackoff(base: .seconds(30), cap: .seconds(3_600), jitter: 0.8...1.2),
                maxAttempts: Int = 12, logger: Logger) {
        self.pool = pool
        self.notifier = notifier
        self.clock = clock
        self.backoff = backoff
        self.maxAttempts = maxAttempts
        self.logger = logger
    }

    /// What a pass over the due notices did.
    public struct Report: Sendable, Equatable {
        public var delivered = 0
        public var postponed = 0
        public var abandoned = 0

        public init(delivered: Int = 0, postponed: Int = 0, abandoned: Int = 0) {
            self.delivered = delivered
            self.postponed = postponed
            self.abandoned = abandoned
        }
    }

    enum Outcome { case delivered, postponed, abandoned }

    /// Queues a notice in the caller's transaction, held by the caller, who delivers it after the
    /// commit. Nil when a notice with this key was queued before.
    func queue(_ entry: OutboxEntry, workflowId: Int, key: String, at now: Date, on transaction: some QueryExecutor) async throws -> OutboxTable.Row? {
        try await OutboxTable.insert(workflowId: workflowId, key: key, entry: entry, at: now, heldUntil: now.addingTimeInterval(Self.hold),
                                     on: transaction)
    }

    /// Queues a notice in the caller's transaction for a caller that reads nothing back, under
    /// `keyPrefix` followed by the request's id; the request may be the one the transaction
    /// inserted in the same round trip.
    func queue(_ entry: OutboxEntry, workflow: RequestReference, keyPrefix: String, at now: Date, in transaction: Transaction) {
        OutboxTable.queueInsert(workflow: workflow, keyPrefix: keyPrefix, entry: entry, at: now, heldUntil: now.addingTimeInterval(Self.hold),
                                in: transaction)
    }

    /// Delivers the undelivered notice under `key`, if there is one.
    func deliver(key: String) async {
        do {
            guard let row = try await OutboxTable.pending(key: key, on: pool) else { return }
            _ = await deliver(row)
        } catch {
            logger.warning("a queued notice was not read; the scheduler will deliver it", metadata: ["notice.key": "\(key)", "error": "\(TaskRunner.describe(error))"])
        }
    }

    /// Delivers every notice that is due (the scheduler's pass), oldest first.
    public func deliverDue(limit: Int = 50) async throws -> Report {
        let now = clock.date
        var report = Report()
        for row in try await OutboxTable.claimDue(at: now, heldUntil: now.addingTimeInterval(Self.hold), limit: limit, on: pool) {
            switch await deliver(row) {
            case .delivered: report.delivered += 1
            case .postponed: report.postponed += 1
            case .abandoned: report.abandoned += 1
            }
        }
        return report
    }

    /// One attempt. A failure is recorded on the row: postponed with backoff when it may pass,
    /// abandoned (and logged as an error) when Discord refused for good, the entry cannot be read,
    /// or the attempts are used up.
    func deliver(_ row: OutboxTable.Row) async -> Outcome {
        do {
            let entry = try OutboxEntry.decode(row.entry).get()
            if let notice = try await notice(for: entry, workflowId: row.workflowId) {
                try await notifier.deliver(notice, deduplicationKey: row.key)
            }
            try await OutboxTable.markDelivered(id: row.id, at: clock.date, on: pool)
            return .delivered
        } catch {
            return await recordFailure(of: row, error)
        }
    }

    private func recordFailure(of row: OutboxTable.Row, _ error: any Error) async -> Outcome {
        let message = TaskRunner.describe(error)
        let attempts = row.attempts + 1
        let metadata: Logger.Metadata = ["notice.key": "\(row.key)", "workflow": "\(row.workflowId)", "attempt": "\(attempts)", "error": "\(message)"]
        do {
            if (error as? PortFailure)?.kind == .permanent || attempts >= maxAttempts {
                try await OutboxTable.markAbandoned(id: row.id, error: message, at: clock.date, on: pool)
                logger.error("a notice was given up", metadata: metadata)
                return .abandoned
            }
            let delay = backoff.delay(afterAttempt: attempts)
            try await OutboxTable.markFailed(id: row.id, error: message, nextAttemptAt: clock.date.adding(delay), on: pool)
            logger.warning("a notice will be retried", metadata: metadata.merging(["in": "\(delay)"]) { $1 })
        } catch {
            // The row keeps its hold; once that lapses the scheduler tries the notice again.
            logger.warning("a notice's failure was not recorded", metadata: metadata)
        }
        return .postponed
    }

    /// The notice as it is sent now: the queued facts, with the request as it stands. Nil when
    /// there is nothing left to say: a request decided before its post went out.
    private func notice(for entry: OutboxEntry, workflowId: Int) async throws -> LendingNotice? {
        if case .requestFiled = entry {
            guard let filed = try await filedRequest(workflowId), filed.workflow.status == .pending else { return nil }
            return .requestFiled(filed)
        }
        guard let workflow = try await WorkflowTable.find(id: workflowId, on: pool) else { return nil }
        var summary = try await LoanSummary.load(workflow, address: nil, on: pool)
        switch entry {
        case .requestFiled:
            return nil
        case .requestRejected(let applicant, let moderator, let reason):
            return .requestRejected(summary, applicant: applicant, reason: reason, by: moderator)
        case .requestWithdrawn(let member):
            return .requestWithdrawn(summary, by: member)
        case .loanExtendedByOrganizer(let previousEnd, let newEnd, let days):
            summary.endDate = newEnd
            return .loanExtendedByOrganizer(summary, previousEnd: previousEnd, days: days)
        case .loanExtendedByModerator(let previousEnd, let newEnd, let moderator):
            summary.endDate = newEnd
            return .loanExtendedByModerator(summary, previousEnd: previousEnd, by: moderator)
        }
    }

    /// A new request as its post shows it: the request, and its panel users with whether each has
    /// a panel account, read in one round trip (every filing is posted, and three reads one after
    /// another were most of the post's waits), both from one snapshot. Nil when there is no such
    /// request.
    private func filedRequest(_ workflowId: Int) async throws -> FiledRequest? {
        let (workflow, users) = try await pool.withTransaction(.repeatableRead) { transaction in
            (WorkflowTable.queueFind(id: workflowId, in: transaction),
             WorkflowPanelUserTable.queueListWithAccounts(workflowId: workflowId, in: transaction))
        }
        guard let record = try workflow.get().decodeFirst(as: WorkflowRecord.self) else { return nil }
        let panelUsers = try WorkflowPanelUserTable.withAccounts(from: users.get())
        return FiledRequest(workflow: record, panelUsers: panelUsers.map(\.discordId),
                            panelUsersWithAccount: Set(panelUsers.filter(\.hasAccount).map(\.discordId)))
    }
}
