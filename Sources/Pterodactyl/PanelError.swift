/// The one error type of the `Pterodactyl` module.
///
/// `description` is safe for any log or Discord reply: it names the operation (a phrase such as
/// "create user"), the kind, and the panel's error codes and fields, never a key, a password, a
/// signed URL or a request body. The panel's `detail` texts can echo submitted values ("The email
/// has already been taken." does not, but a `DataValidationException` embeds the row), so they
/// appear only in `debugDescription`. See docs/PANEL-API.md §1.4.
public struct PanelError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Refused before any request: a username, email or argument breaks the panel's rules.
        case invalidInput(field: String)
        /// The configuration is unusable (a key of the wrong type, bad `PTERODACTYL_HEADERS`).
        case invalidConfiguration(String)
        /// 401: the key is missing, unknown or revoked.
        case unauthorized
        /// 403: wrong key type, a missing `r_*` bit or sub-user permission.
        case forbidden
        /// 404: the resource does not exist or the key may not see it.
        case notFound
        /// 409 that outlasted the wait: the server is installing, suspended or restoring.
        case serverStateConflict
        /// 422: one or more fields failed validation; `errors` names them.
        case validation
        /// 400 and other 4xx: a business rule of the panel, by its exception class
        /// (`ServerSubuserExistsException`, `TooManyBackupsException`, `BackupLockedException`, ...).
        case rejected(status: Int, code: String)
        /// 429 whose wait would pass the configured bound.
        case rateLimited(retryAfter: Duration)
        /// 5xx (including Wings' 504 `DaemonConnectionException`) after any retries.
        case server(status: Int)
        /// No complete response: DNS, connect, TLS, timeout, reset.
        case transport(String)
        /// A 2xx answer whose body is not what the endpoint returns.
        case invalidResponse
        /// `ensureUser`: the username or the email already belongs to another panel account, or
        /// (`external_id`) the matching account was not made for the caller's external id.
        case identityConflict(field: String)
        /// A wait (power state, backup, install) ran out of time.
        case timedOut
        /// A backup finished unsuccessfully on Wings.
        case backupFailed
        /// A download was asked for a backup that has not completed successfully.
        case backupNotReady
        /// A download ended with a size other than the backup's `bytes`.
        case sizeMismatch(expected: Int64, received: Int64)
    }

    public let kind: Kind
    /// What was being done, as a fixed phrase: "create user", "GET /servers/{server}/backups".
    public let operation: String
    /// The panel's `errors[]`, in order; empty when the answer carried none.
    public let errors: [PanelErrorEntry]

    public init(_ kind: Kind, operation: String, errors: [PanelErrorEntry] = []) {
        self.kind = kind
        self.operation = operation
        self.errors = errors
    }

    /// The first entry's exception class, e.g. `ServerSubuserExistsException`.
    public var code: String? { errors.first?.code }

    /// Fields named by 422 entries (`meta.source_field`), in order, without repeats.
    public var invalidFields: [String] {
        var seen: [String] = []
        for field in errors.compactMap(\.sourceField) where !seen.contains(field) { seen.append(field) }
        return seen
    }

    /// Whether any entry has this field and (when given) this rule, e.g. `("email", "unique")`.
    public func hasViolation(field: String, rule: String? = nil) -> Bool {
        errors.contains { $0.sourceField == field && (rule == nil || $0.rule == rule) }
    }

    public var description: String {
        var text = "panel: \(operation) failed (\(kind))"
        let codes = errors.map { entry in
            entry.sourceField.map { "\(entry.code)[\($0)\(entry.rule.map { ":" + $0 } ?? "")]" } ?? entry.code
        }
        if !codes.isEmpty { text += ": " + codes.joined(separator: ", ") }
        return text
    }

    public var debugDescription: String {
        let details = errors.map(\.detail).filter { !$0.isEmpty }
        return details.isEmpty ? description : description + " [" + details.joined(separator: " | ") + "]"
    }
}
