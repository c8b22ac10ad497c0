/// `RESET_MODE` (README, *Configuration*): what happens to a server when a loan ends.
public enum ResetMode: String, Sendable, CaseIterable {
    /// Stop the server and delete every entry under `/` except those kept.
    case deleteFiles = "delete-files"
    /// Delete every entry under `/` like `deleteFiles`, then reinstall from the egg and wait for
    /// the install to finish. A reinstall alone runs the egg's script over the existing volume,
    /// which keeps the world, `ops.json`, the whitelist and any plugin, so it wipes nothing.
    case reinstall
    case none
}

extension PanelClient {
    /// Brings a server back to a clean state. Each step is idempotent, so a retried task repeats
    /// it safely: kill (204 every time), wait until offline, then delete (missing names are 204)
    /// and, for `reinstall`, reinstall on the emptied volume (waiting out any install already
    /// running rather than deleting what it writes).
    /// - Parameter keeping: names under `/` that `deleteFiles` leaves (e.g. the server jar).
    public func resetServer(_ server: String, mode: ResetMode, keeping: Set<String> = [], timeout: Duration = .seconds(600)) async throws(PanelError) {
        guard mode != .none else { return }
        try await sendPowerSignal(.kill, to: server)
        try await waitForPowerState(.offline, of: server, timeout: .seconds(60))
        switch mode {
        case .deleteFiles:
            try await deleteEveryFile(on: server, keeping: keeping)
        case .reinstall:
            let details = try await self.server(server)
            if details.status != "installing" {
                try await deleteEveryFile(on: server, keeping: keeping)
                try await reinstall(server)
            }
            try await waitForInstall(of: server, timeout: timeout)
        case .none:
            break
        }
    }

    /// Deletes every entry under `/` (directories with their contents) except `keeping`.
    private func deleteEveryFile(on server: String, keeping: Set<String>) async throws(PanelError) {
        let names = try await files(of: server, in: "/").map(\.name).filter { !keeping.contains($0) }
        try await deleteFiles(on: server, root: "/", names: names)
    }
}
