/// A power signal a moderator sends to a server from Discord (`/mcserver-admin server power`),
/// the four the panel's power route accepts (docs/PANEL-API.md §3.4).
public enum PanelPowerSignal: String, Sendable, CaseIterable {
    case start, stop, restart, kill
}
