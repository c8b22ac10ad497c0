/// A payload broke one of Discord's limits. Raised before anything is sent (as
/// `twilight-validate` does), so the bad field names itself here rather than in a 400 from Discord.
///
/// `field` uses Discord's own path style (`data.embeds.0.title`), and the description says the
/// field, the limit's name and number, and the actual size; never the text itself, which may be
/// user input.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// More characters (Unicode scalars) than the limit.
        case tooLong(Limit, actual: Int)
        /// Fewer characters than the limit's minimum.
        case tooShort(Limit, actual: Int)
        /// More items than the limit.
        case tooMany(Limit, actual: Int)
        /// Fewer items than the limit's minimum.
        case tooFew(Limit, actual: Int)
        /// A number outside its allowed range; the limit is the bound that was crossed.
        case outOfRange(Limit, actual: Int)
        /// A command or option name with characters outside `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]`.
        case invalidCommandName
        /// A chat-input command or option name with an uppercase letter.
        case notLowercase
        /// `parse` lists this kind and the explicit list of the same kind is also set: a 400.
        case mentionConflict(AllowedMentions.Kind)
        /// A field this shape requires is absent (a button without `custom_id`, …).
        case missing
        /// A field this shape must not have (a link button with `custom_id`, …).
        case notAllowed
        /// A `custom_id` used twice in one message or modal.
        case duplicateCustomID
    }

    public let field: String
    public let kind: Kind

    public init(field: String, kind: Kind) {
        self.field = field
        self.kind = kind
    }

    public var description: String {
        let location = field.isEmpty ? "payload" : field
        switch kind {
        case .tooLong(let limit, let actual): return "\(location): \(actual) characters, over the \(limit.name) limit of \(limit.value)"
        case .tooShort(let limit, let actual): return "\(location): \(actual) characters, under the \(limit.name) of \(limit.value)"
        case .tooMany(let limit, let actual): return "\(location): \(actual) items, over the \(limit.name) limit of \(limit.value)"
        case .tooFew(let limit, let actual): return "\(location): \(actual) items, under the \(limit.name) of \(limit.value)"
        case .outOfRange(let limit, let actual): return "\(location): \(actual) is outside the \(limit.name) bound of \(limit.value)"
        case .invalidCommandName: return "\(location): only letters, digits, '-', '_' and ''' are allowed in command names"
        case .notLowercase: return "\(location): chat-input command and option names must be lowercase"
        case .mentionConflict(let kind): return "\(location): parse includes \"\(kind.rawValue)\" and an explicit list is given too"
        case .missing: return "\(location): required here but missing"
        case .notAllowed: return "\(location): not allowed here"
        case .duplicateCustomID: return "\(location): custom_id is used more than once"
        }
    }
}
