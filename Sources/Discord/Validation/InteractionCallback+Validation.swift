extension InteractionCallback: Validatable {
    /// Paths start at the callback body, so data fields read `data.embeds.0.title`, as in
    /// Discord's own 400 answers.
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        switch self {
        case .pong, .deferredUpdateMessage:
            break
        case .channelMessage(let message):
            validator.include(message, at: "data")
        case .deferredChannelMessage(let flags):
            // Only EPHEMERAL is accepted when deferring.
            if let flags, !flags.subtracting(.ephemeral).isEmpty { validator.fail(.notAllowed, at: "data.flags") }
        case .updateMessage(let edit):
            validator.include(edit, at: "data")
        case .autocompleteResult(let choices):
            validator.count(choices.count, at: "data.choices", maximum: .commandChoices)
            validator.include(choices, at: "data.choices")
        case .modal(let modal):
            validator.include(modal, at: "data")
        }
        return validator.errors
    }
}
