import Foundation
import Lending
import Pterodactyl

/// One call of the panel adapter, in the words its failure message uses.
struct PanelCall: Sendable {
    /// What the bot was doing, as a verb phrase: "create the panel account".
    let action: String
    let server: String?
    let backup: String?

    init(_ action: String, server: String? = nil, backup: String? = nil) {
        self.action = action
        self.server = server
        self.backup = backup
    }

    var serverPhrase: String { server.map { "the panel server \($0)" } ?? "the panel server" }
    /// What a 404 or a busy server refers to.
    var subject: String { backup.map { "the backup \($0) of \(serverPhrase)" } ?? serverPhrase }
}

extension PortFailure {
    /// Turns the client's error into what the task runner acts on.
    ///
    /// Transient, worth retrying later: 429, 5xx (Wings' 504 included), transport failures and
    /// timeouts, and a backup still running. Permanent, waiting for a person: every 4xx, identity
    /// conflicts, input the panel would refuse, a failed backup, a download of the wrong size, and
    /// an answer that is not the panel's API (a wrong URL or a proxy page).
    ///
    /// The message is built from the error's kind, the panel's exception class and field names
    /// only. The panel's `detail` text can echo submitted values, so it never appears; nor do keys,
    /// passwords or signed URLs, which `PanelError` does not carry.
    init(panel error: PanelError, during call: PanelCall) {
        switch error.kind {
        case .invalidInput(let field):
            self = .permanent(Self.refusedInput(field))
        case .invalidConfiguration(let problem):
            self = .permanent(problem)
        case .unauthorized:
            self = .permanent("the panel refused the bot's key while trying to \(call.action): check \(Self.keyVariable(error))")
        case .forbidden:
            self = .permanent("the panel denied the bot permission to \(call.action): the key in \(Self.keyVariable(error)) lacks a permission")
        case .notFound:
            self = .permanent("\(call.subject) was not found")
        case .serverStateConflict:
            self = .permanent("\(call.serverPhrase) is installing, restoring a backup or suspended, so the bot could not \(call.action)")
        case .validation:
            self = .permanent(Self.invalidFields(error, call: call))
        case .rejected(let status, let code):
            self = .permanent(Self.rejected(status: status, code: code, call: call))
        case .rateLimited:
            self = .transient(error.code == "TooManyRequestsHttpException"
                ? "\(call.serverPhrase) has made too many backups in the last minutes; the bot will try again later"
                : "the panel is rate limiting the bot while it tries to \(call.action)")
        case .server(let status):
            self = .transient(error.code == "DaemonConnectionException"
                ? "the panel could not reach the node that runs \(call.serverPhrase) while trying to \(call.action)"
                : "the panel failed with HTTP \(status) while the bot tried to \(call.action)")
        case .transport(let reason):
            self = .transient("the bot could not reach the panel (\(reason)) while trying to \(call.action)")
        case .invalidResponse:
            self = .permanent("the panel's answer while trying to \(call.action) is not its API's: check PTERODACTYL_URL and any proxy in front of the panel")
        case .identityConflict("external_id"):
            self = .permanent("a panel account with this username and email already exists, but the bot did not make it for this member:"
                              + " a moderator must check that account, or choose another username")
        case .identityConflict(let field):
            self = .permanent(field == "username"
                ? "the panel refused the username: it is taken by another account"
                : "the panel refused the \(Self.fieldName(field)): it belongs to another account")
        case .timedOut:
            self = .transient("\(call.serverPhrase) took too long while the bot tried to \(call.action)")
        case .backupFailed:
            self = .permanent("a backup of \(call.serverPhrase) failed on the node")
        case .backupNotReady:
            self = .transient("\(call.subject) has not finished yet")
        case .sizeMismatch(let expected, let received):
            self = .permanent("the download of \(call.subject) had \(received) bytes where the panel reports \(expected)")
        }
    }

    private static func refusedInput(_ field: String) -> String {
        switch field {
        case "username":
            "the panel refused the username: it must be 3 to 191 letters, digits, '_', '.' or '-', starting and ending with a letter or digit"
        case "email": "the panel refused the email address: it is not a valid address"
        case "server": "the server identifier is not a panel identifier (8 hexadecimal characters)"
        case "permissions": "the sub-user permissions are empty or name one the panel does not know"
        case "name": "the backup name is empty or longer than 191 characters"
        case "password": "the panel refused the password: it is empty"
        default: "the panel refused the \(fieldName(field))"
        }
    }

    /// 422: the fields by name, and "taken" when a unique rule failed (a race with another create).
    private static func invalidFields(_ error: PanelError, call: PanelCall) -> String {
        let fields = error.invalidFields
        if let taken = fields.first(where: { error.hasViolation(field: $0, rule: "unique") }) {
            return "the panel refused the \(fieldName(taken)): it is taken by another account"
        }
        guard !fields.isEmpty else { return "the panel refused the request to \(call.action)" }
        return "the panel refused the \(fields.map(fieldName).joined(separator: ", ")) while the bot tried to \(call.action)"
    }

    private static func rejected(status: Int, code: String, call: PanelCall) -> String {
        switch code {
        case "UserIsServerOwnerException":
            "that account owns \(call.serverPhrase), so it cannot be made a sub-user of it"
        case "ServerSubuserExistsException":
            "the account is already a sub-user of \(call.serverPhrase)"
        case "TooManyBackupsException":
            "\(call.serverPhrase) has reached its backup limit (or backups are off): delete or unlock old backups first"
        case "BackupLockedException":
            "\(call.subject) is locked: unlock it first"
        case "DaemonConnectionException":
            "the node that runs \(call.serverPhrase) refused to \(call.action) (HTTP \(status))"
        default:
            "the panel refused to \(call.action) (\(code), HTTP \(status))"
        }
    }

    /// Which key a refused call used: application routes carry the application key.
    private static func keyVariable(_ error: PanelError) -> String {
        error.operation.contains("application/") ? "PTERODACTYL_APPLICATION_KEY" : "PTERODACTYL_CLIENT_KEY"
    }

    private static func fieldName(_ field: String) -> String {
        switch field {
        case "email": "email address"
        case "external_id": "external id"
        default: field.replacingOccurrences(of: "_", with: " ")
        }
    }
}
