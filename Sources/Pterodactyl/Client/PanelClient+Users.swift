public import Secrets

/// Application API: users (docs/PANEL-API.md §2.1–§2.4).
extension PanelClient {
    /// The account whose email is exactly `email` (ASCII case ignored), or `nil`.
    ///
    /// The panel's `filter[email]` is a case-insensitive *substring* match (`bob@x.io` also finds
    /// `jimbob@x.io`, docs/PANEL-API.md §6), so every page of candidates is compared in full here.
    public func findUser(email: String) async throws(PanelError) -> PanelUser? {
        try EmailAddress.validate(email)
        let candidates = try await allPages(PanelUser.self, .listUsers, query: [("filter[email]", email)], perPage: 100).items
        return candidates.first { EmailAddress.same($0.email, email) }
    }

    /// The account whose username is exactly `username` (the panel stores it lowercased), or `nil`.
    public func findUser(username: String) async throws(PanelError) -> PanelUser? {
        try Username.validate(username)
        let wanted = Username.normalized(username)
        let candidates = try await allPages(PanelUser.self, .listUsers, query: [("filter[username]", wanted)], perPage: 100).items
        return candidates.first { $0.username.lowercased() == wanted }
    }

    public func user(id: Int) async throws(PanelError) -> PanelUser {
        try await item(PanelUser.self, .getUser(id: id))
    }

    /// Creates an account. Not idempotent: a repeat gets 422 `unique` on each clashing field;
    /// `ensureUser` is the safe way to call this.
    public func createUser(_ user: NewPanelUser) async throws(PanelError) -> PanelUser {
        try Username.validate(user.username)
        try EmailAddress.validate(user.email)
        var body: [String: JSONBody] = [
            "username": .string(Username.normalized(user.username)), "email": .string(user.email),
            "first_name": .string(user.firstName), "last_name": .string(user.lastName),
        ]
        if let password = user.password { body["password"] = .string(password.revealed()) }
        if let externalID = user.externalID { body["external_id"] = .string(externalID) }
        return try await item(PanelUser.self, .createUser, body: Self.encode(body))
    }

    /// Sets a new password. The panel's PATCH is a full update that requires `email`, `username`,
    /// `first_name` and `last_name` every time (docs/PANEL-API.md §2.4), so the current values are read and re-sent.
    /// Sessions and API keys of the account are not revoked by the panel.
    @discardableResult
    public func resetPassword(userID: Int, to password: Secret) async throws(PanelError) -> PanelUser {
        guard !password.isEmpty else { throw PanelError(.invalidInput(field: "password"), operation: "reset password") }
        let current = try await user(id: userID)
        let body: [String: JSONBody] = [
            "username": .string(current.username), "email": .string(current.email),
            "first_name": .string(current.firstName), "last_name": .string(current.lastName),
            "password": .string(password.revealed()),
        ]
        return try await item(PanelUser.self, .updateUser(id: userID), body: Self.encode(body))
    }

    /// Replaces an account's four required fields (docs/PANEL-API.md §2.4); omitted optional fields stay unchanged.
    public func updateUser(id: Int, username: String, email: String, firstName: String, lastName: String) async throws(PanelError) -> PanelUser {
        try Username.validate(username)
        try EmailAddress.validate(email)
        let body: [String: JSONBody] = [
            "username": .string(Username.normalized(username)), "email": .string(email),
            "first_name": .string(firstName), "last_name": .string(lastName),
        ]
        return try await item(PanelUser.self, .updateUser(id: id), body: Self.encode(body))
    }
}
