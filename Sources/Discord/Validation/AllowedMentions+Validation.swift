extension AllowedMentions: Validatable {
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        validator.count(users?.count, at: "users", maximum: .allowedMentionsUsers)
        validator.count(roles?.count, at: "roles", maximum: .allowedMentionsRoles)
        let parsed = parse ?? []
        if parsed.contains(.users), users != nil { validator.fail(.mentionConflict(.users), at: "users") }
        if parsed.contains(.roles), roles != nil { validator.fail(.mentionConflict(.roles), at: "roles") }
        return validator.errors
    }
}
