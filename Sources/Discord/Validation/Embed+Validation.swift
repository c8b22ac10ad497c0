extension Embed: Validatable {
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        validator.length(of: title, at: "title", maximum: .embedTitle)
        validator.length(of: description, at: "description", maximum: .embedDescription)
        validator.length(of: url, at: "url", maximum: .embedURL)
        validator.range(color, at: "color", maximum: .embedColor)
        validator.count(fields?.count, at: "fields", maximum: .embedFields)
        for (index, field) in (fields ?? []).enumerated() {
            validator.length(of: field.name, at: "fields.\(index).name", maximum: .embedFieldName)
            validator.length(of: field.value, at: "fields.\(index).value", maximum: .embedFieldValue)
        }
        validator.length(of: footer?.text, at: "footer.text", maximum: .embedFooterText)
        validator.length(of: author?.name, at: "author.name", maximum: .embedAuthorName)
        return validator.errors
    }

    /// What counts toward the 6000-character total of a message's embeds.
    var countedCharacters: Int {
        let texts: [String?] = [title, description, footer?.text, author?.name]
        let fieldTexts: [String] = (fields ?? []).flatMap { [$0.name, $0.value] }
        return texts.reduce(0) { $0 + ($1?.unicodeScalars.count ?? 0) } + fieldTexts.reduce(0) { $0 + $1.unicodeScalars.count }
    }
}
