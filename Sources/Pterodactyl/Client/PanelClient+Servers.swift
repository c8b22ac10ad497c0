/// Looking servers up: by identifier on the application API, details on the client API.
extension PanelClient {
    /// The server whose 8-character identifier is exactly `identifier`, or `nil`.
    ///
    /// Application paths take only numeric ids, and `filter[uuidShort]` is a substring match
    /// (§1.6), so the candidates are compared in full.
    public func findServer(identifier: String) async throws(PanelError) -> ApplicationServer? {
        try ServerIdentifier.validate(identifier)
        let candidates = try await allPages(ApplicationServer.self, .listServers, query: [("filter[uuidShort]", identifier)], perPage: 100).items
        return candidates.first { $0.identifier == identifier }
    }

    /// The client view of a server (§3.1): allocations for the connection address, install state
    /// and feature limits. Allowed even while installing or suspended.
    public func server(_ identifier: String) async throws(PanelError) -> PanelServer {
        try ServerIdentifier.validate(identifier)
        return try await item(PanelServer.self, .getServer(identifier))
    }
}

/// Client paths take the 8-character identifier or the 36-character uuid (§1.6); anything else
/// (a numeric id, a name) is refused before it becomes a path.
enum ServerIdentifier {
    static func isValid(_ value: String) -> Bool {
        let isHex = value.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) || $0 == UInt8(ascii: "-") }
        return isHex && (value.count == 8 && !value.contains("-") || value.count == 36)
    }

    static func validate(_ value: String) throws(PanelError) {
        guard isValid(value) else { throw PanelError(.invalidInput(field: "server"), operation: "validate server identifier") }
    }
}
