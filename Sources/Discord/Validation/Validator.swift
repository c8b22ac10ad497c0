/// Collects problems while a payload is walked; each check names the field by its path.
struct Validator {
    private(set) var errors: [ValidationError] = []
    let path: String

    init(path: String) {
        self.path = path
    }

    /// `path.child`, without a leading dot at the root.
    func field(_ name: String) -> String {
        path.isEmpty ? name : "\(path).\(name)"
    }

    mutating func fail(_ kind: ValidationError.Kind, at name: String) {
        errors.append(ValidationError(field: field(name), kind: kind))
    }

    mutating func include(_ child: some Validatable, at name: String) {
        errors += child.validationErrors(at: field(name))
    }

    mutating func include(_ children: [some Validatable]?, at name: String) {
        for (index, child) in (children ?? []).enumerated() {
            include(child, at: "\(name).\(index)")
        }
    }

    /// Characters are Unicode scalars, as Discord counts them.
    mutating func length(of text: String?, at name: String, minimum: Limit? = nil, maximum: Limit) {
        guard let text else { return }
        let count = text.unicodeScalars.count
        if let minimum, count < minimum.value {
            fail(.tooShort(minimum, actual: count), at: name)
        } else if count > maximum.value {
            fail(.tooLong(maximum, actual: count), at: name)
        }
    }

    mutating func count(_ count: Int?, at name: String, minimum: Limit? = nil, maximum: Limit) {
        guard let count else { return }
        if let minimum, count < minimum.value {
            fail(.tooFew(minimum, actual: count), at: name)
        } else if count > maximum.value {
            fail(.tooMany(maximum, actual: count), at: name)
        }
    }

    /// A number within `minimum...maximum.value`; the failed bound is named by `minimumLimit` or
    /// `maximum`.
    mutating func range(_ value: Int?, at name: String, minimum: Int = 0, minimumLimit: Limit? = nil, maximum: Limit) {
        guard let value else { return }
        if value < minimum {
            fail(.outOfRange(minimumLimit ?? Limit(name: "\(maximum.name) minimum", value: minimum), actual: value), at: name)
        } else if value > maximum.value {
            fail(.outOfRange(maximum, actual: value), at: name)
        }
    }

    mutating func customID(_ id: String?, at name: String = "custom_id") {
        length(of: id, at: name, minimum: .customIDMinimum, maximum: .customID)
    }
}
