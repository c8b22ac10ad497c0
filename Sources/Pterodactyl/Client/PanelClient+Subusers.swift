/// Client API: sub-users (docs/PANEL-API.md §3.2). Paths take the panel user's uuid.
extension PanelClient {
    /// Every sub-user of the server (the list is not paginated).
    public func subusers(of server: String) async throws(PanelError) -> [Subuser] {
        try ServerIdentifier.validate(server)
        let response = try await send(.listSubusers(server))
        return try decode(ItemList<Subuser>.self, from: response, operation: PanelRoute.listSubusers(server).name).data.map(\.attributes)
    }

    /// Adds `email` with `permissions`. The panel creates an account for an unknown email (docs/PANEL-API.md §3.2).
    /// Not idempotent: a repeat gets 400 `ServerSubuserExistsException`; `ensureSubuser` is safe.
    public func addSubuser(to server: String, email: String, permissions: [String]) async throws(PanelError) -> Subuser {
        try ServerIdentifier.validate(server)
        try EmailAddress.validate(email)
        let cleaned = try Self.checkedPermissions(permissions)
        let body = Self.encode(["email": .string(email), "permissions": .strings(cleaned)])
        return try await item(Subuser.self, .createSubuser(server), body: body)
    }

    /// Replaces a sub-user's permissions. An unchanged list writes nothing on the panel.
    public func updateSubuser(on server: String, userUUID: String, permissions: [String]) async throws(PanelError) -> Subuser {
        try ServerIdentifier.validate(server)
        let cleaned = try Self.checkedPermissions(permissions)
        return try await item(Subuser.self, .updateSubuser(server, user: userUUID), body: Self.encode(["permissions": .strings(cleaned)]))
    }

    /// Removes a sub-user; the panel account stays. A repeat gets 404.
    public func deleteSubuser(from server: String, userUUID: String) async throws(PanelError) {
        try ServerIdentifier.validate(server)
        _ = try await send(.deleteSubuser(server, user: userUUID))
    }

    /// The panel drops unknown strings silently (panel#4328), so they are refused here; the list is
    /// de-duplicated (duplicates make the panel store an object) and sorted.
    static func checkedPermissions(_ permissions: [String]) throws(PanelError) -> [String] {
        guard !permissions.isEmpty, permissions.allSatisfy(SubuserPermission.all.contains) else {
            throw PanelError(.invalidInput(field: "permissions"), operation: "validate sub-user permissions")
        }
        return SubuserPermission.normalized(permissions)
    }
}
