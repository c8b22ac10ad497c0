extension MessageCreate: Validatable {
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        validator.message(content: content, embeds: embeds, components: components, allowedMentions: allowedMentions, flags: flags)
        validator.length(of: nonce, at: "nonce", minimum: .messageNonceMinimum, maximum: .messageNonce)
        if enforceNonce == true, nonce == nil { validator.fail(.missing, at: "nonce") }
        return validator.errors
    }
}
