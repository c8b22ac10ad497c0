import Foundation
import SimulatorSupport

/// Backups (docs/PANEL-API.md §3.3): the per-server throttle, then the limit; a toggling lock; single-use signed
/// download URLs served by the simulator's own Wings endpoint.
extension PanelWorld {
    mutating func backups(_ route: PanelSimulatedRoute, context: ClientContext, body: [String: SimulatorJSON], query: [String: String], now: Date) -> SimulatedResponse {
        let server = servers[context.index]
        switch route {
        case .listBackups:
            let visible = server.backups.filter { !$0.isDeleted }
            let perPage = min(Int(query["per_page"] ?? "") ?? 20, 50)
            return .json(200, PanelJSON.page("backup", visible.map(Self.backupAttributes), page: Int(query["page"] ?? "") ?? 1, perPage: perPage,
                                             linkBase: "\(baseURL)/api/client/servers/\(server.identifier)/backups",
                                             extraMeta: ["backup_count": .integer(Int64(visible.filter { !$0.isFailed }.count))]))
        case .createBackup:
            return createBackup(context: context, body: body, now: now)
        default:
            guard let uuid = context.child, let b = server.backups.firstIndex(where: { $0.uuid == uuid && !$0.isDeleted }) else { return PanelJSON.notFound() }
            switch route {
            case .getBackup:
                return .json(200, PanelJSON.item("backup", Self.backupAttributes(server.backups[b])))
            case .toggleBackupLock:
                servers[context.index].backups[b].isLocked.toggle()
                return .json(200, PanelJSON.item("backup", Self.backupAttributes(servers[context.index].backups[b])))
            case .backupDownloadURL:
                let token = randomString(length: 40)
                downloadTokens[token] = DownloadToken(serverID: server.id, backupUUID: uuid,
                                                      expiresAt: now.addingTimeInterval(configuration.downloadURLLifetime.seconds), isUsed: false)
                return .json(200, PanelJSON.item("signed_url", ["url": .string("\(baseURL)/download/backup?token=\(token)")]))
            default:
                let backup = server.backups[b]
                if backup.isLocked && backup.isSuccessful && backup.completedAt != nil {
                    return PanelJSON.badRequest("BackupLockedException", "Cannot delete a backup that is marked as locked.")
                }
                servers[context.index].backups[b].isDeleted = true
                return .noContent
            }
        }
    }

    private mutating func createBackup(context: ClientContext, body: [String: SimulatorJSON], now: Date) -> SimulatedResponse {
        var violations = Violations()
        let name = violations.optionalString(body, "name")
        let ignored = violations.optionalString(body, "ignored", max: 100_000)
        if let locked = body["is_locked"], locked != .null, locked.boolValue == nil {
            violations.add("is_locked", rule: "boolean", "The is locked field must be true or false.")
        }
        guard violations.isEmpty, let name, let ignored else { return violations.response! }
        let server = servers[context.index]
        let period = configuration.backupThrottlePeriod.seconds
        let windowStart = now.addingTimeInterval(-period)
        let failed = Set(server.backups.filter(\.isFailed).map(\.createdAt))
        let recent = (backupCreations[server.id] ?? []).filter { $0 > windowStart && !failed.contains($0) }.sorted()
        if recent.count >= configuration.backupThrottleLimit, let oldest = recent.first {
            let retryAfter = max(1, Int(oldest.addingTimeInterval(period).timeIntervalSince(now).rounded(.up)))
            return PanelJSON.error(429, code: "TooManyRequestsHttpException",
                                   detail: "Only \(configuration.backupThrottleLimit) backups may be generated within a \(Int(period)) second span of time.",
                                   headers: ["Retry-After": String(retryAfter)])
        }
        let limit = server.backupLimit ?? 0
        let active = server.backups.filter { !$0.isDeleted && !$0.isFailed }.count
        if limit == 0 || active >= limit {
            return PanelJSON.badRequest("TooManyBackupsException", "Cannot create a new backup, this server has reached its limit of \(limit) backups.")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let backup = SimulatedBackup(
            uuid: SimulatedIDs.uuid(kind: 2, number: nextBackupNumber), name: name ?? "Backup at \(formatter.string(from: now))",
            ignoredFiles: ignored.map { $0.split(separator: "\n").map(String.init) } ?? [],
            isLocked: (body["is_locked"]?.boolValue ?? false) && context.granted.contains("backup.delete"),
            isSuccessful: false, checksum: nil, bytes: 0, createdAt: now, completedAt: nil, isDeleted: false
        )
        nextBackupNumber += 1
        servers[context.index].backups.append(backup)
        backupCreations[server.id, default: []].append(now)
        return .json(200, PanelJSON.item("backup", Self.backupAttributes(backup)))
    }

    static func backupAttributes(_ backup: SimulatedBackup) -> SimulatorJSON {
        ["uuid": .string(backup.uuid), "is_successful": .bool(backup.isSuccessful), "is_locked": .bool(backup.isLocked),
         "name": .string(backup.name), "ignored_files": .array(backup.ignoredFiles.map { .string($0) }),
         "checksum": .optional(backup.checksum), "bytes": .integer(backup.bytes),
         "created_at": PanelJSON.timestamp(backup.createdAt), "completed_at": PanelJSON.timestamp(backup.completedAt)]
    }

    /// Wings' `GET /download/backup?token=`: a token works once and for 15 minutes (docs/PANEL-API.md §3.3, panel#4947).
    mutating func wingsDownload(token: String, now: Date) -> PanelReply {
        let missing = PanelReply.response(.json(404, ["error": "The requested resource was not found on this server."]))
        guard var entry = downloadTokens[token], !entry.isUsed, entry.expiresAt > now,
              let server = servers.first(where: { $0.id == entry.serverID }),
              let backup = server.backups.first(where: { $0.uuid == entry.backupUUID && !$0.isDeleted }) else { return missing }
        entry.isUsed = true
        downloadTokens[token] = entry
        let fault = downloadFaults.isEmpty ? nil : downloadFaults.removeFirst()
        return .download(bytes: backup.bytes, name: backup.uuid + ".tar.gz", fault: fault)
    }
}
