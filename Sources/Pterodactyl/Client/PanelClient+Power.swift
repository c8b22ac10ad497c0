/// Client API: power, resources and reinstall (docs/PANEL-API.md §3.4, §3.5).
extension PanelClient {
    /// Sends a signal. 204 means Wings accepted it, not that the state changed; see
    /// `waitForPowerState`.
    public func sendPowerSignal(_ signal: PowerSignal, to server: String) async throws(PanelError) {
        try ServerIdentifier.validate(server)
        _ = try await send(.power(server), body: Self.encode(["signal": .string(signal.rawValue)]))
    }

    /// Runs a command on the server's console (`control.console`). 204 means Wings passed it to
    /// the running server; one that is not running is refused with 502 ("Server must be online in
    /// order to send commands."). Never retried: a command's repeat is a second command.
    public func sendCommand(_ command: String, to server: String) async throws(PanelError) {
        try ServerIdentifier.validate(server)
        _ = try await send(.sendCommand(server), body: Self.encode(["command": .string(command)]))
    }

    /// Current state and usage. The panel caches this for 20 s.
    public func resources(of server: String) async throws(PanelError) -> ResourceUsage {
        try ServerIdentifier.validate(server)
        return try await item(ResourceUsage.self, .resources(server))
    }

    /// Starts a reinstall (202). The server is `installing` until Wings finishes, and every other
    /// client call answers 409 meanwhile, which `send` waits out within its bound.
    public func reinstall(_ server: String) async throws(PanelError) {
        try ServerIdentifier.validate(server)
        _ = try await send(.reinstall(server))
    }
}
