import Clocks
public import Foundation
import Postgres

/// The panel work of a return, then ACTIVE → RETURNED and the notices.
///
/// Access goes first, so a return that cannot archive never leaves the renters inside: revoke
/// the panel users' sub-user access (except the keep-list), delete every schedule on the server
/// (a renter's cron would otherwise keep running console commands, power actions or backups
/// through later loans), and stop the server. Then, with an archive target, the backups of the
/// loan are archived: every backup locked when access ended and one fresh backup made by the
/// bot, each downloaded to a temporary file of its own, uploaded, size-checked and recorded in
/// `"WorkflowArchive"` (a backup already recorded there is never uploaded again). Every backup
/// left on the server is then deleted, archived ones only after their record, so the next
/// renter (who gets `backup.read`, `backup.download` and `backup.restore`) finds none of this
/// loan's and the server's backup limit is free. Then the reset (`RESET_MODE`), the description,
/// RETURNED with its audit row, and the notices. A failure after the revocation leaves the task
/// FAILED with the moderators told and a Retry button, and the renters already outside.
public struct ReturnTask: TaskHandler {
    let panel: any LendingPanel
    let community: any Community
    let notifier: any LendingNotifier
    let archive: (any ArchiveDestination)?
    let policy: LendingPolicy
    let temporaryDirectory: URL

    /// How many backups the return makes before it gives up on a node that fails every one.
    static let backupAttempts = 3

    public init(panel: any LendingPanel, community: any Community, notifier: any LendingNotifier, archive: (any ArchiveDestination)?,
                policy: LendingPolicy, temporaryDirectory: URL = FileManager.default.temporaryDirectory) {
        self.panel = panel
        self.community = community
        self.notifier = notifier
        self.archive = archive
        self.policy = policy
        self.temporaryDirectory = temporaryDirectory
    }

    public func run(_ context: TaskContext) async throws {
        let task = context.task
        let server = task.pteroServerId
        guard let workflow = try await WorkflowTable.find(id: task.workflowId, on: context.pool) else {
            throw PortFailure.permanent("request #\(task.workflowId) no longer exists")
        }
        let input: ReturnInput
        if case .returnLoan(let stored) = context.input { input = stored } else { input = ReturnInput(requestedAt: task.createdAt) }
        let panelUsers = try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: context.pool).map(\.discordId)
        try await context.revokeAccess(of: panelUsers, on: server, panel: panel, policy: policy)
        try await unwhitelistPlayers(of: workflow, on: server, context: context)
        try await context.step(.schedules) {
            ["deleted": String(try await panel.deleteSchedules(of: server))]
        }
        try await context.step(.stop) {
            try await panel.stopAndWaitOffline(server)
            return [:]
        }
        let outcome = try await afterRevocation("archive") { () async throws -> ArchiveOutcome in
            // Taken after the revocation: from here on only the bot makes backups on this server.
            let before = try BackupList.decode(try await context.step(.backupsBefore) {
                try BackupList.encode(try await panel.backups(of: server))
            })
            let outcome: ArchiveOutcome
            if !input.archives {
                outcome = .skipped
            } else if let archive {
                outcome = try await archiveBackups(of: workflow, server: server, before: before, to: archive, context: context)
            } else {
                outcome = .notConfigured
            }
            try await deleteBackupsLeft(on: server, context: context)
            return outcome
        }
        _ = try await afterRevocation("reset") {
            try await context.step(.reset) {
                // Recorded under the same step either way, so the completion's audit row says
                // which it was.
                guard input.resets else { return ["skipped": "true"] }
                try await panel.resetServer(server, mode: policy.resetMode)
                return ["mode": policy.resetMode.rawValue]
            }
        }
        try await context.step(.serverDescription) {
            try await panel.setDescription(of: server, to: "")
            return [:]
        }
        try await context.databaseStep(.complete) { transaction in
            guard var current = try await WorkflowTable.lock(id: workflow.id, on: transaction), current.status == .active else {
                throw PortFailure.permanent("loan #\(workflow.id) is no longer ACTIVE")
            }
            current.status = .returned
            _ = try await WorkflowTable.update(current, expectedStatus: .active, at: context.now, on: transaction)
            var detail = ["task": String(task.id)]
            if case .archived(_, let folder, let files, _) = outcome {
                detail["archive"] = folder
                detail["files"] = String(files)
            }
            if !input.archives { detail["archive"] = "skipped" }
            if !input.resets { detail["reset"] = "skipped" }
            try await AuditTable.record(workflowId: workflow.id, actor: task.actor, action: .return, from: .active, to: .returned,
                                        detail: detail, at: context.now, on: transaction)
            return [:]
        }
        guard let returned = try await WorkflowTable.find(id: workflow.id, on: context.pool) else { return }
        let summary = try await LoanSummary.load(returned, address: nil, on: context.pool)
        var recipients = [returned.organizerDiscordId]
        for discordId in panelUsers where !recipients.contains(discordId) { recipients.append(discordId) }
        for discordId in recipients {
            try await context.notify(.notifyReturned(discordId: discordId), .loanReturned(summary, recipient: discordId, archive: outcome), notifier: notifier)
        }
        try await context.notify(.notifyModeratorsReturned, .loanReturnedToModerators(summary, archive: outcome), notifier: notifier)
    }

    /// Runs a phase that comes after the renters lost access, and says so in its failure, which
    /// the moderators read in the failed-task notice beside its Retry button: the loan stays
    /// ACTIVE while the return is unfinished, but nobody is on the server any more.
    private func afterRevocation<T>(_ phase: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let failure as PortFailure {
            throw PortFailure(failure.kind, "returning, \(phase) failed (the renters' access is already removed and the server stopped): \(failure.message)")
        }
    }

    // MARK: Archive

    /// Archives the backups locked when access ended and a fresh one, deleting each once its
    /// archive record is written. Unlocked backups are not kept: they are deleted first, which
    /// also makes room for the fresh backup under the server's limit.
    private func archiveBackups(of workflow: WorkflowRecord, server: String, before: [PanelBackup], to archive: any ArchiveDestination,
                                context: TaskContext) async throws -> ArchiveOutcome {
        // The names in the path are fixed once, so every retry uploads to the same place.
        let naming = try await context.step(.archiveNaming) {
            let organizer = try await community.displayName(of: workflow.organizerDiscordId) ?? workflow.organizerDiscordId
            return ["organizer": organizer]
        }
        let path = ArchivePath(workflowId: workflow.id, loanStart: workflow.startDate ?? workflow.createdAt, description: workflow.description,
                               organizer: naming["organizer"] ?? workflow.organizerDiscordId, timeZone: policy.timeZone)
        for backup in before where !(backup.isLocked && backup.isSuccessful) {
            try await deleteBackup(backup.uuid, on: server, context: context)
        }
        var files = 0
        var bytes: Int64 = 0
        for backup in before where backup.isLocked && backup.isSuccessful {
            bytes += try await archiveOne(backup, as: path.file(backupCreatedAt: backup.createdAt, backupName: backup.name), workflow: workflow,
                                          server: server, archive: archive, context: context)
            files += 1
            try await deleteBackup(backup.uuid, on: server, context: context)
        }
        let fresh = try await finalBackup(of: workflow, server: server, before: before, context: context)
        bytes += try await archiveOne(fresh, as: path.returnBackupFile(createdAt: fresh.createdAt), workflow: workflow, server: server,
                                      archive: archive, context: context)
        files += 1
        try await deleteBackup(fresh.uuid, on: server, context: context)
        return .archived(target: archive.displayName, folder: path.folder, files: files, bytes: bytes)
    }

    /// The bot's own backup of the server as the loan left it, known by the uuid the panel gave
    /// when the bot created it (recorded with the step), never by its name: a renter with
    /// `backup.create` can name a backup anything, this one's name included.
    ///
    /// A crash after the panel answered the create and before the step was recorded leaves a
    /// backup nobody recorded. At this point the renters have no access and their schedules are
    /// gone, so a backup that was not on the server when access ended (`before`) and is not one
    /// of the bot's failed attempts can only be that one: the repeated step adopts it rather than
    /// making a second. A backup the node fails is recorded as such, and the next attempt of the
    /// task makes another (after the runner's backoff), as many times as the task is retried.
    private func finalBackup(of workflow: WorkflowRecord, server: String, before: [PanelBackup], context: TaskContext) async throws -> PanelBackup {
        var known = Set(before.map(\.uuid))
        var attempt = 1
        while true {
            let created = try await context.step(.backupCreate(attempt: attempt)) {
                if let orphan = try await panel.backups(of: server).last(where: { !known.contains($0.uuid) }) {
                    return ["uuid": orphan.uuid, "adopted": "true"]
                }
                return ["uuid": try await panel.createBackup(of: server, named: "lending-bot return #\(workflow.id)").uuid]
            }
            guard let uuid = created["uuid"] else { throw PortFailure.permanent("the return backup of request #\(workflow.id) has no recorded uuid") }
            var waitedNow = false
            let done = try BackupList.decode(try await context.step(.backupWait(attempt: attempt)) {
                waitedNow = true
                return try BackupList.encode([try await panel.waitForBackup(uuid, of: server)])
            })
            if let backup = done.first, backup.isSuccessful { return backup }
            if waitedNow {
                throw PortFailure.transient("the node failed the return backup \(uuid) of the panel server \(server); the bot will make another")
            }
            known.insert(uuid)
            attempt += 1
        }
    }

    /// Copies one backup to the archive unless it is recorded there already; returns its size.
    private func archiveOne(_ backup: PanelBackup, as relativePath: String, workflow: WorkflowRecord, server: String,
                            archive: any ArchiveDestination, context: TaskContext) async throws -> Int64 {
        if let done = try await ArchiveTable.find(workflowId: workflow.id, backupUuid: backup.uuid, on: context.pool) { return done.bytes }
        let temporary = temporaryDirectory.appendingPathComponent("lending-\(workflow.id)-\(UUID().uuidString).tar.gz").path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let downloaded = try await panel.downloadBackup(backup.uuid, of: server, to: temporary)
        let stored = try await archive.upload(localPath: temporary, to: relativePath)
        guard stored == downloaded else {
            throw PortFailure.transient("the archive stored \(stored) bytes of backup \(backup.uuid), expected \(downloaded)")
        }
        try await context.databaseStep(.archive(backupUuid: backup.uuid)) { transaction in
            _ = try await ArchiveTable.insert(workflowId: workflow.id, backupUuid: backup.uuid, destination: "\(archive.displayName)/\(relativePath)",
                                              bytes: stored, at: context.now, on: transaction)
            return ["path": relativePath, "bytes": String(stored)]
        }
        return stored
    }

    /// Deletes every backup still on the server: unarchived leftovers, a failed attempt, or all
    /// of them when no archive is configured. The list is read once and kept with the step.
    private func deleteBackupsLeft(on server: String, context: TaskContext) async throws {
        let left = try await context.step(.backupsLeft) {
            try BackupList.encode(try await panel.backups(of: server))
        }
        for backup in try BackupList.decode(left) {
            try await deleteBackup(backup.uuid, on: server, context: context)
        }
    }

    /// Takes the players the loan's members whitelisted from Discord off the server's whitelist,
    /// while it still runs (the console takes commands only then), each once. A server that is
    /// not running keeps its whitelist file until the reset (`RESET_MODE`) clears it; the step
    /// says so. Either way the loan's list ends empty.
    private func unwhitelistPlayers(of workflow: WorkflowRecord, on server: String, context: TaskContext) async throws {
        for player in try await WhitelistTable.players(workflowId: workflow.id, on: context.pool) {
            _ = try await context.step(.unwhitelist(player: player.lowercased())) {
                let outcome = try await panel.runConsoleCommand("whitelist remove \(player)", on: server)
                _ = try await WhitelistTable.remove(workflowId: workflow.id, player: player, at: context.clock.date, on: context.pool)
                return ["player": player, "server": outcome == .ran ? "removed" : "not running"]
            }
        }
    }

    /// One recorded deletion; the adapter unlocks a locked backup first and treats 404 as done.
    private func deleteBackup(_ uuid: String, on server: String, context: TaskContext) async throws {
        try await context.step(.deleteBackup(uuid: uuid)) {
            try await panel.deleteBackup(uuid, of: server)
            return [:]
        }
    }
}

/// Backups kept in a step's detail as one JSON text, so a retry works on the list the first
/// attempt saw even after they were unlocked or deleted.
enum BackupList {
    static func encode(_ backups: [PanelBackup]) throws -> [String: String] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return ["backups": String(decoding: try encoder.encode(backups), as: UTF8.self)]
    }

    static func decode(_ detail: [String: String]) throws -> [PanelBackup] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return try decoder.decode([PanelBackup].self, from: Data((detail["backups"] ?? "[]").utf8))
    }
}
