public import Foundation
import Postgres

/// The panel work of a return, then ACTIVE → RETURNED and the notices.
///
/// Steps, each recorded: stop the server; with an archive target, a fresh backup and the list
/// of backups locked at that moment, each of them downloaded to a temporary file of its own,
/// uploaded, size-checked and recorded in `"WorkflowArchive"` (a backup already recorded there
/// is never uploaded again); unlock the locked backups and delete the fresh one; revoke the
/// panel users' sub-user access (except the keep-list); reset the server; clear its
/// description; mark the loan RETURNED with its audit row; notify the organizer and the panel
/// users.
public struct ReturnTask: TaskHandler {
    let panel: any LendingPanel
    let community: any Community
    let notifier: any LendingNotifier
    let archive: (any ArchiveDestination)?
    let policy: LendingPolicy
    let temporaryDirectory: URL

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
        try await context.step("stop") {
            try await panel.stopAndWaitOffline(server)
            return [:]
        }
        let outcome: ArchiveOutcome
        if let archive {
            outcome = try await archiveBackups(of: workflow, server: server, to: archive, context: context)
        } else {
            outcome = .notConfigured
            try await unlockLockedBackups(of: server, context: context)
        }
        let panelUsers = try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: context.pool).map(\.discordId)
        try await context.revokeAccess(of: panelUsers, on: server, panel: panel, policy: policy)
        try await context.step("reset") {
            try await panel.resetServer(server, mode: policy.resetMode)
            return ["mode": policy.resetMode.rawValue]
        }
        try await context.step("description") {
            try await panel.setDescription(of: server, to: "")
            return [:]
        }
        try await context.databaseStep("complete") { transaction in
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
            try await AuditTable.record(workflowId: workflow.id, actor: task.actor, action: .return, from: .active, to: .returned,
                                        detail: detail, at: context.now, on: transaction)
            return [:]
        }
        guard let returned = try await WorkflowTable.find(id: workflow.id, on: context.pool) else { return }
        let summary = try await LoanSummary.load(returned, address: nil, on: context.pool)
        var recipients = [returned.organizerDiscordId]
        for discordId in panelUsers where !recipients.contains(discordId) { recipients.append(discordId) }
        for discordId in recipients {
            try await context.notify("notify:\(discordId)", .loanReturned(summary, recipient: discordId, archive: outcome), notifier: notifier)
        }
    }

    // MARK: Archive

    private func archiveBackups(of workflow: WorkflowRecord, server: String, to archive: any ArchiveDestination,
                                context: TaskContext) async throws -> ArchiveOutcome {
        // The names in the path are fixed once, so every retry uploads to the same place.
        let naming = try await context.step("archive-naming") {
            let organizer = try await community.displayName(of: workflow.organizerDiscordId) ?? workflow.organizerDiscordId
            return ["organizer": organizer]
        }
        let path = ArchivePath(workflowID: workflow.id, loanStart: workflow.startDate ?? workflow.createdAt, description: workflow.description,
                               organizer: naming["organizer"] ?? workflow.organizerDiscordId, timeZone: policy.timeZone)
        let fresh = try await context.step("backup") {
            let backup = try await panel.ensureBackup(of: server, named: "lending-bot return #\(workflow.id)")
            return try BackupList.encode([backup])
        }
        let locked = try await context.step("locked-backups") {
            let freshUUIDs = Set(try BackupList.decode(fresh).map(\.uuid))
            let backups = try await panel.backups(of: server).filter { $0.isLocked && $0.isSuccessful && !freshUUIDs.contains($0.uuid) }
            return try BackupList.encode(backups)
        }
        let freshBackups = try BackupList.decode(fresh)
        let lockedBackups = try BackupList.decode(locked)
        var files = 0
        var bytes: Int64 = 0
        for backup in freshBackups {
            bytes += try await archiveOne(backup, as: path.returnBackupFile(createdAt: backup.createdAt), workflow: workflow, server: server,
                                          archive: archive, context: context)
            files += 1
        }
        for backup in lockedBackups {
            bytes += try await archiveOne(backup, as: path.file(backupCreatedAt: backup.createdAt, backupName: backup.name), workflow: workflow,
                                          server: server, archive: archive, context: context)
            files += 1
        }
        for backup in lockedBackups {
            try await context.step("unlock:\(backup.uuid)") {
                try await panel.unlockBackup(backup.uuid, of: server)
                return [:]
            }
        }
        for backup in freshBackups {
            try await context.step("delete-backup:\(backup.uuid)") {
                try await panel.deleteBackup(backup.uuid, of: server)
                return [:]
            }
        }
        return .archived(target: archive.displayName, folder: path.folder, files: files, bytes: bytes)
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
        try await context.databaseStep("archive:\(backup.uuid)") { transaction in
            _ = try await ArchiveTable.insert(workflowId: workflow.id, backupUuid: backup.uuid, destination: "\(archive.displayName)/\(relativePath)",
                                              bytes: stored, at: context.now, on: transaction)
            return ["path": relativePath, "bytes": String(stored)]
        }
        return stored
    }

    private func unlockLockedBackups(of server: String, context: TaskContext) async throws {
        let locked = try await context.step("locked-backups") {
            try BackupList.encode(try await panel.backups(of: server).filter(\.isLocked))
        }
        for backup in try BackupList.decode(locked) {
            try await context.step("unlock:\(backup.uuid)") {
                try await panel.unlockBackup(backup.uuid, of: server)
                return [:]
            }
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
