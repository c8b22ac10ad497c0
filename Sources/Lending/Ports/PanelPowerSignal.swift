/// A power signal a moderator sends to a server from Discord (`/mcserver-admin server power`),
/// the four the panel's power route accepts (docs/PANEL-API.md §3.4).
public enum PanelPowerSignal: String, Sendable, CaseIterable {
    case start, stop, restart, kill
}

/// What the panel answered a moderator's backup request.
public enum PanelBackupRequest: Sendable, Equatable {
    /// The backup is being made.
    case started(PanelBackup)
    /// The server holds as many backups as its limit allows (`limit` when the panel said it).
    case limitReached
    /// The panel allows only a few backups per server in a span of minutes; `retryAfter`
    /// seconds until the next, when the panel said it.
    case throttled(retryAfter: Int?)
}
