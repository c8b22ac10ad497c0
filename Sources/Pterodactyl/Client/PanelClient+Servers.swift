import Foundation

/// Looking servers up: by identifier on the application API, details on the client API.
extension PanelClient {
    /// The server whose 8-character identifier is exactly `identifier`, or `nil`.
    ///
    /// Application paths take only numeric ids, and `filter[uuidShort]` is a substring match
    /// (docs/PANEL-API.md §1.6), so the candidates are compared in full.
    public func findServer(identifier: String) async throws(PanelError) -> ApplicationServer? {
        try ServerIdentifier.validate(identifier)
        let candidates = try await allPages(ApplicationServer.self, .listServers, query: [("filter[uuidShort]", identifier)], perPage: 100).items
        return candidates.first { $0.identifier == identifier }
    }

    /// The egg of the server whose 8-character identifier is exactly `identifier`: the server
    /// list filtered by identifier, with `include=egg` (docs/PANEL-API.md §2.9). `.notFound` when
    /// no server has it; `.forbidden` when the application key may not read eggs, which the panel
    /// says only by leaving the egg out.
    public func egg(ofServer identifier: String) async throws(PanelError) -> PanelEgg {
        try ServerIdentifier.validate(identifier)
        let operation = "read the server's egg"
        let candidates = try await allPages(ApplicationServerEgg.self, .listServers,
                                            query: [("filter[uuidShort]", identifier), ("include", "egg")], perPage: 100).items
        guard let server = candidates.first(where: { $0.identifier == identifier }) else { throw PanelError(.notFound, operation: operation) }
        guard let egg = server.egg else { throw PanelError(.forbidden, operation: operation) }
        return egg
    }

    /// Sets the description shown in the panel and returns the server as it now is.
    ///
    /// `PATCH .../details` is a full replace (docs/PANEL-API.md §2.8): `name` and `user` are required, and an omitted
    /// `external_id` or description is cleared. So the current name, owner and external id are read
    /// first (by exact identifier) and sent back unchanged. A rename made between the read and the
    /// write would be undone; nothing else in the bot renames servers. An unchanged description
    /// sends nothing. Whitespace around the text is trimmed by the panel, so it is trimmed here too.
    @discardableResult
    public func setDescription(of identifier: String, to description: String) async throws(PanelError) -> ApplicationServer {
        let operation = "set server description"
        guard let current = try await findServer(identifier: identifier) else { throw PanelError(.notFound, operation: operation) }
        let wanted = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard current.description != wanted else { return current }
        let body: [String: JSONBody] = [
            "name": .string(current.name), "user": .integer(current.ownerID),
            "external_id": current.externalID.map { .string($0) } ?? .null, "description": .string(wanted),
        ]
        return try await item(ApplicationServer.self, .updateServerDetails(id: current.id), body: Self.encode(body))
    }

    /// The client view of a server (docs/PANEL-API.md §3.1): allocations for the connection address, install state
    /// and feature limits. Allowed even while installing or suspended.
    public func server(_ identifier: String) async throws(PanelError) -> PanelServer {
        try ServerIdentifier.validate(identifier)
        return try await item(PanelServer.self, .getServer(identifier))
    }
}

/// Client paths take the 8-character identifier or the 36-character uuid (docs/PANEL-API.md §1.6); anything else
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
