/// One step of a durable task, by the name it is recorded under in `"LendingTaskStep"`.
///
/// The names are the stored format: a task resumed after an upgrade finds its finished steps by
/// them, so a name that changes makes a half-done task do that step again (a second panel
/// account, a second backup, a second upload). Never change one: a case may be renamed in code,
/// its `name` stays; `TaskStepTests` pins every name that releases have recorded.
public enum TaskStep: Hashable, Sendable {
    // An approval preparing the server.
    /// The release the request names, resolved, and the Java it needs.
    case version
    /// The egg's version variable and the image with the lowest fitting Java.
    case plan
    /// The server stopped (an approval before it prepares, a return after access is revoked).
    case stop
    case versionVariable
    case dockerImage
    /// The reinstall started, recorded apart from the wait so that a resumed task waits for it.
    case reinstall
    /// The install waited for (or started again after a failure).
    case install
    case start

    // An approval granting access.
    /// The panel account created for a panel user, with its `"PterodactylUser"` row.
    case account(discordId: String)
    case role(discordId: String)
    case subuser(discordId: String)
    /// The server's description: set by an approval, cleared by a return or a release.
    case serverDescription
    /// PENDING → ACTIVE with its audit row.
    case activate
    case notifyOrganizer
    case notifyPanelUser(discordId: String)

    // A change of an ACTIVE loan's panel users (its grants and revocations are the steps above).
    /// The removed users' rows deleted, once their access is revoked.
    case forgetRemoved

    // A return (and a release, which revokes too).
    case revoke(discordId: String)
    /// A player the loan's members whitelisted from Discord, taken off the server's whitelist
    /// (`player` lowercased).
    case unwhitelist(player: String)
    case schedules
    /// The backups on the server when access ended.
    case backupsBefore
    /// The names in the archive's path, fixed once so every retry uploads to the same place.
    case archiveNaming
    case deleteBackup(uuid: String)
    /// The return's own backup, `attempt` counting from 1 (the node may fail one).
    case backupCreate(attempt: Int)
    case backupWait(attempt: Int)
    /// One backup uploaded to the archive, with its `"WorkflowArchive"` row.
    case archive(backupUuid: String)
    /// The backups left to delete once archiving is done.
    case backupsLeft
    case reset
    /// ACTIVE → RETURNED with its audit row.
    case complete
    case notifyReturned(discordId: String)
    /// The moderators' post of the return.
    case notifyModeratorsReturned

    /// The name the step is recorded under.
    public var name: String {
        switch self {
        case .version: "version"
        case .plan: "plan"
        case .stop: "stop"
        case .versionVariable: "version-variable"
        case .dockerImage: "docker-image"
        case .reinstall: "reinstall"
        case .install: "install"
        case .start: "start"
        case .account(let discordId): "account:\(discordId)"
        case .role(let discordId): "role:\(discordId)"
        case .subuser(let discordId): "subuser:\(discordId)"
        case .serverDescription: "description"
        case .activate: "activate"
        case .notifyOrganizer: "notify:organizer"
        case .notifyPanelUser(let discordId): "notify:panel:\(discordId)"
        case .forgetRemoved: "forget-removed"
        case .revoke(let discordId): "revoke:\(discordId)"
        case .unwhitelist(let player): "unwhitelist:\(player)"
        case .schedules: "schedules"
        case .backupsBefore: "backups-before"
        case .archiveNaming: "archive-naming"
        case .deleteBackup(let uuid): "delete-backup:\(uuid)"
        case .backupCreate(let attempt): "backup-create:\(attempt)"
        case .backupWait(let attempt): "backup-wait:\(attempt)"
        case .archive(let backupUuid): "archive:\(backupUuid)"
        case .backupsLeft: "backups-left"
        case .reset: "reset"
        case .complete: "complete"
        case .notifyReturned(let discordId): "notify:\(discordId)"
        case .notifyModeratorsReturned: "notify:moderators"
        }
    }

    /// The step a recorded name stands for; nil for a name no release records.
    public init?(name: String) {
        if let plain = Self.plain[name] {
            self = plain
            return
        }
        guard let colon = name.firstIndex(of: ":") else { return nil }
        let prefix = name[..<colon]
        let argument = String(name[name.index(after: colon)...])
        guard !argument.isEmpty else { return nil }
        switch prefix {
        case "account": self = .account(discordId: argument)
        case "role": self = .role(discordId: argument)
        case "subuser": self = .subuser(discordId: argument)
        case "revoke": self = .revoke(discordId: argument)
        case "unwhitelist": self = .unwhitelist(player: argument)
        case "delete-backup": self = .deleteBackup(uuid: argument)
        case "archive": self = .archive(backupUuid: argument)
        case "backup-create", "backup-wait":
            guard let attempt = Int(argument), attempt >= 1, String(attempt) == argument else { return nil }
            self = prefix == "backup-create" ? .backupCreate(attempt: attempt) : .backupWait(attempt: attempt)
        case "notify":
            if argument.hasPrefix("panel:") {
                let discordId = String(argument.dropFirst("panel:".count))
                guard !discordId.isEmpty else { return nil }
                self = .notifyPanelUser(discordId: discordId)
            } else {
                self = .notifyReturned(discordId: argument)
            }
        default: return nil
        }
    }

    /// The steps without an argument, by name.
    private static let plain: [String: TaskStep] = Dictionary(uniqueKeysWithValues: [
        TaskStep.version, .plan, .stop, .versionVariable, .dockerImage, .reinstall, .install, .start, .serverDescription, .activate,
        .notifyOrganizer, .forgetRemoved, .schedules, .backupsBefore, .archiveNaming, .backupsLeft, .reset, .complete, .notifyModeratorsReturned,
    ].map { ($0.name, $0) })
}

extension TaskStep: CustomStringConvertible {
    public var description: String { name }
}
