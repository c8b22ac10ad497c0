extension Modal: Validatable {
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        validator.customID(customID)
        validator.length(of: title, at: "title", minimum: .modalTitleMinimum, maximum: .modalTitle)
        // The spec allows 40; the docs (and Discord) allow five top-level components.
        validator.count(components.count, at: "components", minimum: .modalComponentsMinimum, maximum: .modalComponents)
        validator.include(components, at: "components")
        validator.uniqueCustomIDs(in: components, at: "components")
        return validator.errors
    }
}
