public import Clocks
public import Foundation
public import Logging
public import Postgres

/// The workflow's decisions: filing, approving, rejecting, extending, returning and retrying.
///
/// Each method is one transaction that locks the request's row first (before any of its task
/// rows; the task runner keeps the same order, so no two paths wait on each other in a cycle),
/// checks its status and writes the change with its audit row, so a double click or two moderators at once do exactly
/// one thing and the other is told who got there first. Work on the panel is never done here:
/// it is queued as a durable task (`TaskRunner`) and the runner is woken.
public struct WorkflowService: Sendable {
    let pool: PostgresPool
    let policy: LendingPolicy
    let clock: BotClock
    let panel: any LendingPanel
    let wakeRunner: @Sendable () -> Void
    /// Tells applicants about rejections (the other notices come from tasks and the scheduler).
    let notifier: (any LendingNotifier)?
    /// The notices a decision sends after its commit, queued in its transaction; nil without a notifier.
    let outbox: NoticeOutbox?
    /// Which Minecraft versions exist (a request for one that does not is refused) and the Java
    /// each needs (the approval checks the server's egg offers it).
    let versions: any MinecraftVersionCatalog
    let logger: Logger

    public init(pool: PostgresPool, policy: LendingPolicy, clock: BotClock = .system, panel: any LendingPanel,
                notifier: (any LendingNotifier)? = nil, versions: any MinecraftVersionCatalog = BuiltInMinecraftVersionCatalog(),
                wakeRunner: @escaping @Sendable () -> Void = {}, logger: Logger) {
        self.pool = pool
        self.policy = policy
        self.clock = clock
        self.panel = panel
        self.notifier = notifier
        self.outbox = notifier.map { NoticeOutbox(pool: pool, notifier: $0, clock: clock, logger: logger) }
        self.versions = versions
        self.wakeRunner = wakeRunner
        self.logger = logger
    }

    /// Reads the version catalog (which refreshes itself when stale) outside any member's request.
    public func warmVersionCatalog() async {
        do {
            _ = try await versions.release("latest")
        } catch {
            logger.info("the Minecraft version catalog could not be refreshed", metadata: ["error": "\(TaskRunner.describe(error))"])
        }
    }

    // MARK: Filing

    /// Stores a member's request as PENDING with its panel users. The version must be `latest`
    /// or a release that exists (asked before the transaction: the catalog may read the network);
    /// the server type must be one the pool has (`typeToFile`).
    public func file(_ request: NewWorkflow, panelUsers: [String]) async throws -> WorkflowRecord {
        try RequestRules.check(request, panelUsers: panelUsers, policy: policy)
        try await RequestRules.checkExists(request.mcVersion, in: versions)
        let now = clock.date
        let inserted = try await pool.withTransaction { transaction in
            // The member's lock, then their open requests and the pool's types, in one round trip.
            transaction.queue(Self.memberLock(request.applicantDiscordId), named: "lock member")
            let (open, types) = try await transaction.query(Self.openRequests(of: request.applicantDiscordId), named: "count open requests of member",
                                                            ServerBindingTable.listingTypes, named: "list server types")
            try refuseBeyondOpenLimit(open)
            var typed = request
            typed.serverType = try typeToFile(request.serverType, available: try ServerBindingTable.types(from: types))
            // The request, the rows that belong to it and the COMMIT travel in one round trip: the
            // rows name the request by the id the server just gave it, so none waits for it to
            // come back: two waits for the database per submission where there were up to four.
            let workflow = WorkflowTable.queueInsert(typed, at: now, in: transaction)
            WorkflowPanelUserTable.queueInsert(workflow: .insertedLast, discordIds: panelUsers, in: transaction)
            AuditTable.queueRecord(workflow: .insertedLast, actor: request.applicantDiscordId, action: .request, from: nil, to: .pending,
                                   detail: ["panelUsers": panelUsers.joined(separator: ",")], at: now, in: transaction)
            filingsOutbox?.queue(.requestFiled, workflow: .insertedLast, keyPrefix: Self.filedKeyPrefix, at: now, in: transaction)
            return workflow
        }
        // Read after the commit: a row the server returned for its own insert, in the columns
        // this module asked for, so its decoding fails only where the schema drifted from the code.
        return try inserted.get().decodeSingle(as: WorkflowRecord.self)
    }

    /// The key of a request's "New request" post is this and the request's id.
    private static let filedKeyPrefix = "filed-"

    /// Posts a request just filed to the moderators (their "New request" post, with its Approve
    /// and Reject buttons). The caller sends it once the member has had their answer, so the post
    /// never delays that; the request queued it when it was stored, so a post that fails here, or
    /// is never sent because the bot stopped, goes out with the scheduler's next pass.
    public func announceFiled(_ workflow: WorkflowRecord) async {
        await filingsOutbox?.deliver(key: Self.filedKeyPrefix + String(workflow.id))
    }

    /// Where a new request's post is queued; nil when there is no one to post it to (no
    /// notifier, or moderators with no channel), so a filing writes and reads back nothing for it.
    private var filingsOutbox: NoticeOutbox? {
        guard notifier?.tellsModerators ?? false else { return nil }
        return outbox
    }

    /// The panel users of a request who have no panel account yet: a moderator must choose
    /// their usernames before approving.
    public func usersWithoutAccount(_ id: Int) async throws -> [String] {
        try await WorkflowPanelUserTable.listWithAccounts(workflowId: id, on: pool).filter { !$0.hasAccount }.map(\.discordId)
    }

    // MARK: Approving and rejecting

    /// What an approval started.
    public struct Approval: Sendable, Equatable {
        public let workflow: WorkflowRecord
        public let serverAlias: String
        public let task: TaskRecord
    }

    /// Reserves a server for a PENDING request and queues its approval task. The request stays
    /// PENDING (holding the server) until the task has installed the requested version, started
    /// the server and granted access; then it is ACTIVE.
    ///
    /// Before anything is reserved, the version is looked up and the server's egg is read from the
    /// panel: a server with no version variable, or no image with the Java the version needs, is
    /// refused (a named server) or passed over (the automatic choice), so a reservation is only
    /// ever made on a server that can run the loan.
    ///
    /// Only a server of the request's type (`WorkflowRecord.serverType`) is taken: a named one of
    /// another type is refused, and the automatic choice passes the others over.
    ///
    /// - Parameters:
    ///   - serverAlias: the server a moderator chose; it must be free and of the request's type.
    ///     Nil picks the first free server of that type in alias order that can run the version.
    ///   - usernames: panel usernames, by Discord id, for panel users without an account.
    public func approve(_ id: Int, by moderator: String, serverAlias: String? = nil, usernames: [String: String] = [:]) async throws -> Approval {
        // The refusals that need no panel come first: decided already, or being approved.
        let workflow = try await pool.withTransaction { try await lockPending(id, action: "approved", on: $0) }
        let release = try await resolve(workflow.mcVersion)
        var unsuitable: [String: ProvisionRefusal] = [:]
        var attempt = 1
        while true {
            let candidate: ServerBindingRecord
            if let serverAlias {
                guard let named = try await ServerBindingTable.find(name: serverAlias, on: pool) else { throw LendingError.serverNotFound(alias: serverAlias) }
                try Self.requireType(of: named, fits: workflow)
                candidate = named
            } else {
                let free = try await ServerAllocator.freeCandidates(on: pool)
                let fitting = free.filter { workflow.serverType == nil || $0.serverType == workflow.serverType }
                guard let next = fitting.first(where: { unsuitable[$0.name] == nil }) else {
                    if fitting.isEmpty { throw try await noFreeServer(for: workflow, free: free) }
                    throw LendingError.noSuitableServer(reasons: fitting.compactMap { unsuitable[$0.name]?.description })
                }
                candidate = next
            }
            let egg = try await panel.egg(of: candidate.pteroId, versionVariables: policy.versionVariables)
            if case .failure(let refusal) = egg.plan(for: release, server: candidate.name) {
                if serverAlias != nil { throw LendingError.serverUnsuitable(alias: candidate.name, reason: refusal.description) }
                unsuitable[candidate.name] = refusal
                continue
            }
            do {
                let approval = try await reserve(id, by: moderator, binding: candidate.name, usernames: usernames)
                wakeRunner()
                return approval
            } catch let error as PostgresError where error.constraint == "Workflow_pteroServerId_held_key" && attempt < 20 {
                // Another approval took the same server between our snapshot and our write.
                if let serverAlias { throw LendingError.serverNotFree(alias: serverAlias, heldBy: nil) }
                attempt += 1
            } catch LendingError.serverNotFree where serverAlias == nil && attempt < 20 {
                // Another approval reserved it since the list was read: try the next free one.
                attempt += 1
            } catch ServerTypeRefusal.wrongType where serverAlias == nil && attempt < 20 {
                // Bound again as another type since the list was read: the list is read again.
                attempt += 1
            }
        }
    }

    /// `latest` or a release id, as the version catalog knows it; an unknown one is refused with
    /// the closest releases.
    private func resolve(_ requested: String) async throws -> MinecraftRelease {
        if let release = try await versions.release(requested) { return release }
        let closest = (try? await versions.closestReleases(to: requested, limit: 3)) ?? []
        throw LendingError.unknownMinecraftVersion(requested, closest: closest)
    }

    private func reserve(_ id: Int, by moderator: String, binding alias: String, usernames: [String: String]) async throws -> Approval {
        let now = clock.date
        return try await pool.withTransaction { transaction in
            let workflow = try await lockPending(id, action: "approved", on: transaction)
            let chosen = try await chooseUsernames(for: workflow, usernames: usernames, on: transaction)
            let binding = try await ServerAllocator.named(alias, on: transaction)
            // Checked again under the binding's lock: it may have been bound as another type.
            try Self.requireType(of: binding, fits: workflow)
            var reserved = workflow
            reserved.pteroServerId = binding.pteroId
            guard let stored = try await WorkflowTable.update(reserved, expectedStatus: .pending, at: now, on: transaction) else {
                throw LendingError.workflowNotFound(id: id)
            }
            let input = ApprovalInput(approvedAt: now, serverAlias: binding.name, usernames: chosen)
            let task = try await TaskTable.insert(.approve(input), workflowId: id, pteroServerId: binding.pteroId, actor: moderator,
                                                  at: now, on: transaction)
            try await AuditTable.record(workflowId: id, actor: moderator, action: .approvalRequested, from: .pending, to: .pending,
                                        detail: ["server": binding.name, "task": String(task.id)], at: now, on: transaction)
            return Approval(workflow: stored, serverAlias: binding.name, task: task)
        }
    }

    /// Refuses a PENDING request. If its approval failed for good, the failed task is cancelled
    /// and a release task undoes what it did on the panel.
    public func reject(_ id: Int, by moderator: String, reason: String?) async throws -> WorkflowRecord {
        let now = clock.date
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let trimmed, trimmed.count > RequestRules.maxReasonLength {
            throw LendingError.invalidRequest(field: "reason", rule: "at most \(RequestRules.maxReasonLength) characters")
        }
        let reason = trimmed.flatMap { $0.isEmpty ? nil : $0 }
        let (rejected, released, notice) = try await pool.withTransaction { transaction in
            guard let workflow = try await WorkflowTable.lock(id: id, on: transaction) else { throw LendingError.workflowNotFound(id: id) }
            guard workflow.status == .pending else { throw try await alreadyDecided(workflow, on: transaction) }
            var detail: [String: String] = [:]
            if let reason { detail["reason"] = reason }
            let (rejected, released) = try await closePending(workflow, by: moderator, action: .reject, detail: detail, at: now, on: transaction)
            let notice = try await outbox?.queue(.requestRejected(applicant: workflow.applicantDiscordId, moderator: moderator, reason: reason),
                                                 workflowId: id, key: "rejected-\(id)", at: now, on: transaction)
            return (rejected, released, notice)
        }
        if released { wakeRunner() }
        await deliver(notice)
        return rejected
    }

    /// Delivers a notice the decision just queued, after its commit. The decision stands whatever
    /// happens here; a failure leaves the notice to the scheduler's retries.
    func deliver(_ queued: OutboxTable.Row?) async {
        guard let queued, let outbox else { return }
        _ = await outbox.deliver(queued)
    }

    // MARK: Extending

    /// A moderator's extension: a PENDING request's period becomes the whole days from today to
    /// `date`; an ACTIVE loan ends at the end of `date` in `TIMEZONE`.
    public func extend(_ id: Int, by moderator: String, to date: CalendarDate) async throws -> WorkflowRecord {
        let now = clock.date
        guard date <= CalendarDate.latest else { throw LendingError.dateTooLate(date) }
        let (extended, notice): (WorkflowRecord, OutboxTable.Row?) = try await pool.withTransaction { transaction in
            guard let workflow = try await WorkflowTable.lock(id: id, on: transaction) else { throw LendingError.workflowNotFound(id: id) }
            var changed = workflow
            var detail: [String: String] = ["date": date.description]
            switch workflow.status {
            case .pending:
                let days = CalendarDate(containing: now, in: policy.timeZone).days(until: date)
                guard days >= 1 else { throw LendingError.dateNotInFuture(date) }
                changed.periodDays = days
                detail["periodDays"] = "\(workflow.periodDays)→\(days)"
            case .active:
                try await refuseWhileReturning(workflow, on: transaction)
                let end = date.end(in: policy.timeZone)
                guard end > now else { throw LendingError.endBeforeNow(date) }
                changed.endDate = end
                detail["endDate"] = "\(workflow.endDate.map(Timestamp.format) ?? "none")→\(Timestamp.format(end))"
            case .rejected, .returned:
                throw LendingError.notAllowed(id: id, status: workflow.status, action: "extended")
            }
            guard let stored = try await WorkflowTable.update(changed, expectedStatus: workflow.status, at: now, on: transaction) else {
                throw LendingError.workflowNotFound(id: id)
            }
            let audit = try await AuditTable.record(workflowId: id, actor: moderator, action: .extend, from: workflow.status, to: workflow.status,
                                                    detail: detail, at: now, on: transaction)
            guard workflow.status == .active, let end = changed.endDate else { return (stored, nil) }
            let notice = try await queueExtension(.loanExtendedByModerator(previousEnd: workflow.endDate, newEnd: end, moderator: moderator),
                                                  of: id, audit: audit, at: now, on: transaction)
            return (stored, notice)
        }
        await deliver(notice)
        return extended
    }

    /// The organizer's own extension: `CHECKOUT_EXTEND_DAYS` more days from the current end date,
    /// at most `CHECKOUT_EXTEND_LIMIT` times per loan (counted from the audit rows, under the
    /// row lock, so two clicks at once cannot both pass). The moderators are told of each one.
    /// - Parameter seenEndDate: the end date the organizer was shown (an extend button carries
    ///   it); when the loan ends at another time now, the click was a repeat and changes nothing.
    public func extendOwn(_ id: Int, by organizer: String, seenEndDate: Date? = nil) async throws -> WorkflowRecord {
        let now = clock.date
        let (extended, notice): (WorkflowRecord, OutboxTable.Row?) = try await pool.withTransaction { transaction in
            guard let workflow = try await WorkflowTable.lock(id: id, on: transaction) else { throw LendingError.workflowNotFound(id: id) }
            guard workflow.organizerDiscordId == organizer else { throw LendingError.notOrganizer(id: id) }
            guard workflow.status == .active else { throw LendingError.notAllowed(id: id, status: workflow.status, action: "extended") }
            try await refuseWhileReturning(workflow, on: transaction)
            if let seenEndDate, let current = workflow.endDate, abs(current.timeIntervalSince(seenEndDate)) >= 0.001 {
                throw LendingError.endDateChanged(id: id, current: current)
            }
            if try await AuditTable.selfExtensions(workflowId: id, on: transaction) >= policy.extendLimit {
                throw LendingError.extendLimitReached(id: id, limit: policy.extendLimit)
            }
            let base = max(workflow.endDate ?? now, now)
            var changed = workflow
            changed.endDate = base.addingTimeInterval(Double(policy.extendDays) * 86_400)
            if let end = changed.endDate, end > CalendarDate.latestStorable { throw LendingError.dateTooLate(CalendarDate(containing: end, in: policy.timeZone)) }
            guard let stored = try await WorkflowTable.update(changed, expectedStatus: .active, at: now, on: transaction) else {
                throw LendingError.workflowNotFound(id: id)
            }
            let audit = try await AuditTable.record(workflowId: id, actor: organizer, action: .extend, from: .active, to: .active,
                                                    detail: ["days": String(policy.extendDays), "endDate": changed.endDate.map(Timestamp.format) ?? ""],
                                                    at: now, on: transaction)
            guard let end = changed.endDate else { return (stored, nil) }
            let notice = try await queueExtension(.loanExtendedByOrganizer(previousEnd: workflow.endDate, newEnd: end, days: policy.extendDays),
                                                  of: id, audit: audit, at: now, on: transaction)
            return (stored, notice)
        }
        await deliver(notice)
        return extended
    }

    /// Queues the moderators' notice of an extension, keyed by the extension's audit row: each
    /// extension is one notice (even one back to an end date the loan had before), and every
    /// attempt at it is the same message.
    private func queueExtension(_ entry: OutboxEntry, of id: Int, audit: AuditEntry, at now: Date,
                                on transaction: Transaction) async throws -> OutboxTable.Row? {
        try await outbox?.queue(entry, workflowId: id, key: "extended-\(id)-\(audit.id)", at: now, on: transaction)
    }

    // MARK: Returning and retrying

    /// Queues the return of an ACTIVE loan. Only its organizer or a moderator may ask; the
    /// scheduler asks as `AuditEntry.scheduler` with `asModerator`.
    /// - Parameter onlyIfEnded: the scheduler's expiry: the loan is returned only if it has still
    ///   ended now, checked under the row lock. The scheduler works from a list it read earlier,
    ///   and an extension committed since then must win (`LendingError.notEnded`).
    /// - Parameters:
    ///   - archive: false skips the archive for this return (a moderator's choice, audited).
    ///   - reset: false leaves the server's files as they are for this return (a moderator's choice, audited).
    public func requestReturn(_ id: Int, by actor: String, asModerator: Bool, onlyIfEnded: Bool = false, archive: Bool = true,
                              reset: Bool = true) async throws -> TaskRecord {
        let now = clock.date
        let task = try await pool.withTransaction { transaction in
            guard let workflow = try await WorkflowTable.lock(id: id, on: transaction) else { throw LendingError.workflowNotFound(id: id) }
            guard asModerator || workflow.organizerDiscordId == actor else { throw LendingError.notOrganizer(id: id) }
            switch workflow.status {
            case .active: break
            case .returned, .rejected: throw try await alreadyDecided(workflow, on: transaction)
            case .pending: throw LendingError.notAllowed(id: id, status: .pending, action: "returned")
            }
            if onlyIfEnded, let end = workflow.endDate, end > now { throw LendingError.notEnded(id: id, endDate: end) }
            if let open = try await TaskTable.open(workflowId: id, on: transaction) {
                switch (open.kind, open.state) {
                case (.returnLoan, _): throw LendingError.returnInProgress(id: id, by: open.actor)
                case (.approve, .failed):
                    // The loan is ACTIVE, so only the approval's last notices failed: returning
                    // supersedes them.
                    _ = try await TaskTable.cancel(id: open.id, at: now, on: transaction)
                case (.panelUsers, .failed):
                    // A panel-user change that stopped: the removed users keep their rows until
                    // revoked, so the return revokes them with everyone else.
                    _ = try await TaskTable.cancel(id: open.id, at: now, on: transaction)
                case (.panelUsers, _): throw LendingError.panelUsersChangeInProgress(id: id)
                default: throw LendingError.approvalInProgress(id: id, by: open.actor)
                }
            }
            guard let server = workflow.pteroServerId else { throw LendingError.notAllowed(id: id, status: .active, action: "returned") }
            let input = ReturnInput(requestedAt: now, skipArchive: !archive, skipReset: !reset)
            let task = try await TaskTable.insert(.returnLoan(input), workflowId: id, pteroServerId: server, actor: actor,
                                                  at: now, on: transaction)
            var detail = ["task": String(task.id)]
            if !archive { detail["archive"] = "skipped" }
            if !reset { detail["reset"] = "skipped" }
            try await AuditTable.record(workflowId: id, actor: actor, action: .returnRequested, from: .active, to: .active,
                                        detail: detail, at: now, on: transaction)
            return task
        }
        wakeRunner()
        return task
    }

    /// Queues a task that failed for good again, from its first unfinished step.
    ///
    /// Like every path that changes a request and its tasks, it locks the request's row before
    /// the task's, so a reject or a return of the same request waits for it or it for them, and
    /// neither deadlocks; the task is read again under that lock.
    public func retry(taskId: Int, by moderator: String) async throws -> TaskRecord {
        let now = clock.date
        let task = try await pool.withTransaction { transaction in
            guard let found = try await TaskTable.find(id: taskId, on: transaction) else { throw LendingError.taskNotFound(id: taskId) }
            let status = try await WorkflowTable.lock(id: found.workflowId, on: transaction)?.status
            guard let task = try await TaskTable.find(id: taskId, on: transaction) else { throw LendingError.taskNotFound(id: taskId) }
            guard let requeued = try await TaskTable.requeue(id: taskId, at: now, on: transaction) else {
                throw LendingError.taskNotFailed(id: taskId, state: task.state)
            }
            try await AuditTable.record(workflowId: task.workflowId, actor: moderator, action: .retry, from: status, to: status,
                                        detail: ["task": String(taskId), "kind": task.kind.rawValue], at: now, on: transaction)
            return requeued
        }
        wakeRunner()
        return task
    }

    // MARK: Checks shared by the transitions

    private func lockPending(_ id: Int, action: String, on transaction: Transaction) async throws -> WorkflowRecord {
        guard let workflow = try await WorkflowTable.lock(id: id, on: transaction) else { throw LendingError.workflowNotFound(id: id) }
        guard workflow.status == .pending else { throw try await alreadyDecided(workflow, on: transaction) }
        if let task = try await TaskTable.open(workflowId: id, on: transaction) {
            throw LendingError.approvalInProgress(id: id, by: task.actor)
        }
        return workflow
    }

    private func refuseWhileReturning(_ workflow: WorkflowRecord, on transaction: Transaction) async throws {
        if let task = try await TaskTable.open(workflowId: workflow.id, on: transaction), task.kind == .returnLoan {
            throw LendingError.returnInProgress(id: workflow.id, by: task.actor)
        }
    }

    /// Ends a PENDING request, locked by the caller, as REJECTED: a moderator's rejection or its
    /// member's withdrawal. An approval that failed for good is cancelled and a release task undoes
    /// what it did on the panel; one queued or running refuses (`approvalInProgress`). Returns the
    /// stored row and whether a release task was queued.
    func closePending(_ workflow: WorkflowRecord, by actor: String, action: AuditAction, detail: [String: String], at now: Date,
                      on transaction: Transaction) async throws -> (WorkflowRecord, released: Bool) {
        var released = false
        if let task = try await TaskTable.open(workflowId: workflow.id, on: transaction) {
            guard task.state == .failed else { throw LendingError.approvalInProgress(id: workflow.id, by: task.actor) }
            _ = try await TaskTable.cancel(id: task.id, at: now, on: transaction)
            _ = try await TaskTable.insert(.release(ReleaseInput()), workflowId: workflow.id, pteroServerId: task.pteroServerId, actor: actor,
                                           at: now, on: transaction)
            released = true
        }
        var changed = workflow
        changed.status = .rejected
        changed.pteroServerId = nil
        guard let stored = try await WorkflowTable.update(changed, expectedStatus: .pending, at: now, on: transaction) else {
            throw LendingError.workflowNotFound(id: workflow.id)
        }
        try await AuditTable.record(workflowId: workflow.id, actor: actor, action: action, from: .pending, to: .rejected,
                                    detail: detail, at: now, on: transaction)
        return (stored, released)
    }

    /// "Already approved by …": the error for a request that has left the status an action needs.
    func alreadyDecided(_ workflow: WorkflowRecord, on database: some QueryExecutor) async throws -> LendingError {
        let actions: [AuditAction] = switch workflow.status {
        case .active, .pending: [.approve]
        case .rejected: [.reject, .withdraw]
        case .returned: [.return]
        }
        let entry = try await AuditTable.latest(workflowId: workflow.id, actions: actions, on: database)
        return .alreadyDecided(id: workflow.id, status: workflow.status, by: entry?.actor)
    }

    /// Validates the usernames chosen for panel users without an account and reserves them:
    /// each must be acceptable to the panel, unique in the request, and held by no account and
    /// no other open approval. Concurrent approvals choosing one name are serialised by a
    /// transaction-scoped advisory lock per name.
    private func chooseUsernames(for workflow: WorkflowRecord, usernames: [String: String], on transaction: Transaction) async throws -> [String: String] {
        let users = try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: transaction).map(\.discordId)
        return try await reserveUsernames(for: users, usernames: usernames, on: transaction)
    }

    /// The usernames for those of `discordIds` without a panel account, checked and reserved as
    /// `chooseUsernames` says: an approval's and a panel-user change's are one pool of names.
    func reserveUsernames(for discordIds: [String], usernames: [String: String], on transaction: Transaction) async throws -> [String: String] {
        var chosen: [String: String] = [:]
        for discordId in discordIds {
            guard try await PterodactylUserTable.find(discordId: discordId, on: transaction) == nil else { continue }
            guard let raw = usernames[discordId]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
                throw LendingError.usernameMissing(discordId: discordId)
            }
            let username = raw.lowercased()
            guard panel.acceptsUsername(username) else { throw LendingError.usernameInvalid(raw) }
            guard !chosen.values.contains(username) else { throw LendingError.usernameTaken(username) }
            chosen[discordId] = username
        }
        let names = chosen.values.sorted()
        if names.isEmpty { return chosen }
        for username in names {
            try await transaction.query("SELECT pg_advisory_xact_lock(\(Self.usernameLockSpace), hashtext(\(username)))", named: "lock username")
        }
        // Read under the locks: an approval that chose one of these names has committed by now.
        // Its input is read as its own version wrote it, so one queued before an upgrade holds
        // its names too.
        var held: Set<String> = []
        for task in try await TaskTable.openApprovals(on: transaction) {
            held.formUnion(task.heldUsernames)
        }
        for username in names {
            let email = "\(username)@\(policy.panelEmailDomain)"
            let taken = try await transaction.query("""
                SELECT 1 FROM "PterodactylUser" WHERE "username" = \(username) OR lower("email") = lower(\(email)) LIMIT 1
                """, named: "check username is free")
            guard taken.isEmpty, !held.contains(username) else { throw LendingError.usernameTaken(username) }
        }
        return chosen
    }

    /// First key of the advisory locks on usernames ("LU" in ASCII), apart from the migrator's.
    static let usernameLockSpace: Int32 = 0x4C55
}
