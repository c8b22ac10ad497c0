/// `RESET_MODE` (DESIGN §4): what happens to a server when a loan ends.
public enum ResetMode: String, Sendable, CaseIterable {
    /// Stop the server and delete every entry under `/` except those kept.
    case deleteFiles = "delete-files"
    /// Reinstall from the egg and wait for the install to finish.
    case reinstall
    case none
}

extension PanelClient {
    /// Brings a server back to a clean state. Each step is idempotent, so a retried task repeats
    /// it safely: kill (204 every time), wait until offline, then delete (missing names are 204)
    /// or reinstall (waiting out any install already running).
    /// - Parameter keeping: names under `/` that `deleteFiles` leaves (e.g. the server jar).
    public func resetServer(_ server: String, mode: ResetMode, keeping: Set<String> = [], timeout: Duration = .seconds(600)) async throws(PanelError) {
        guard mode != .none else { return }
        try await sendPowerSignal(.kill, to: server)
        try await waitForPowerState(.offline, of: server, timeout: .seconds(60))
        switch mode {
        case .deleteFiles:
            let names = try await files(of: server, in: "/").map(\.name).filter { !keeping.contains($0) }
            try await deleteFiles(on: server, root: "/", names: names)
        case .reinstall:
            let details = try await self.server(server)
            if details.status != "installing" { try await reinstall(server) }
            try await waitForInstall(of: server, timeout: timeout)
        case .none:
            break
        }
    }
}
