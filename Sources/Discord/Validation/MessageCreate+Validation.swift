extension MessageCreate: Validatable {
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        validator.message(content: content, embeds: embeds, components: components, allowedMentions: allowedMentions, flags: flags)
        return validator.errors
    }
}
