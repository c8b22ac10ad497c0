/// A payload that can be checked against Discord's limits before it is sent.
public protocol Validatable {
    /// Every problem, with field paths under `path` (`""` for the body itself, `"data"` for a
    /// callback's data).
    func validationErrors(at path: String) -> [ValidationError]
}

extension Validatable {
    /// Throws the first problem found; see `validationErrors(at:)` for all of them.
    public func validate(at path: String = "") throws(ValidationError) {
        if let first = validationErrors(at: path).first { throw first }
    }

    public var isValid: Bool { validationErrors(at: "").isEmpty }
}
