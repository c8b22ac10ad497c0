/// Idempotent account creation for the approve workflow (docs/PANEL-API.md §4: a repeated create is a 422).
extension PanelClient {
    /// Returns the account with exactly this username and email, creating it if neither exists.
    ///
    /// - An account matching both (username exactly, email ignoring case) is returned as is; its
    ///   password is not changed, so a retried workflow step does not lock the user out.
    /// - If the username belongs to one account and the email to another (or to none), it throws
    ///   `identityConflict(field:)` naming the field that is taken: the moderator must pick again.
    /// - When `user.externalID` is set, a matching account is adopted only if it carries that
    ///   external id: an account someone else made with the same username and email is not the
    ///   caller's to hand out (its password would be reset for a stranger), so it throws
    ///   `identityConflict(field: "external_id")` and a person must decide.
    /// - A create that loses a race (422 `unique`) is answered by looking up again once.
    public func ensureUser(_ user: NewPanelUser) async throws(PanelError) -> (user: PanelUser, created: Bool) {
        try Username.validate(user.username)
        try EmailAddress.validate(user.email)
        if let existing = try await existingUser(user) { return (existing, false) }
        do {
            return (try await createUser(user), true)
        } catch where error.kind == .validation && (error.hasViolation(field: "email", rule: "unique") || error.hasViolation(field: "username", rule: "unique")) {
            if let existing = try await existingUser(user) { return (existing, false) }
            throw error
        }
    }

    private func existingUser(_ user: NewPanelUser) async throws(PanelError) -> PanelUser? {
        let byUsername = try await findUser(username: user.username)
        let byEmail = try await findUser(email: user.email)
        switch (byUsername, byEmail) {
        case (nil, nil): return nil
        case (let a?, let b?) where a.id == b.id:
            if let owner = user.externalID, a.externalID != owner {
                throw PanelError(.identityConflict(field: "external_id"), operation: "ensure user")
            }
            return a
        case (.some, _): throw PanelError(.identityConflict(field: "username"), operation: "ensure user")
        case (nil, .some): throw PanelError(.identityConflict(field: "email"), operation: "ensure user")
        }
    }
}
