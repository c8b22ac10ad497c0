/// The panel's username rule (`p_username`, docs/PANEL-API.md §2.3), checked before any call so that a bad name
/// chosen in a Discord modal is refused with a clear message instead of a 422 halfway through a
/// workflow.
public enum Username {
    /// The panel's column limit.
    public static let maximumLength = 191
    /// The pattern `^[a-z0-9][\w.-]+[a-z0-9]$` needs at least one middle character.
    public static let minimumLength = 3

    /// What the panel stores: the username lowercased.
    public static func normalized(_ username: String) -> String {
        username.lowercased()
    }

    /// Whether the panel would accept `username`: after lowercasing, ASCII only, 3 to 191
    /// characters, letters, digits, `_`, `.` and `-`, starting and ending with a letter or digit.
    public static func isValid(_ username: String) -> Bool {
        let bytes = Array(normalized(username).utf8)
        guard bytes.count >= minimumLength, bytes.count <= maximumLength,
              let first = bytes.first, let last = bytes.last,
              isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// Throws `invalidInput(field: "username")` unless `isValid`.
    public static func validate(_ username: String) throws(PanelError) {
        guard isValid(username) else { throw PanelError(.invalidInput(field: "username"), operation: "validate username") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }
}

/// The shape of an email address the panel's `email` rule accepts, as far as the bot needs it:
/// one `@`, a non-empty local part and a dotted domain, no spaces or control characters, at most
/// 191 characters. It is a pre-check, not a full RFC 5322 parser; the panel stays the judge.
public enum EmailAddress {
    public static let maximumLength = 191

    public static func isValid(_ email: String) -> Bool {
        guard email.utf8.count <= maximumLength, !email.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    public static func validate(_ email: String) throws(PanelError) {
        guard isValid(email) else { throw PanelError(.invalidInput(field: "email"), operation: "validate email") }
    }

    /// Whether two addresses name the same panel account: the whole string, ignoring ASCII case,
    /// because the panel's unique index and its sub-user lookup compare case-insensitively (docs/PANEL-API.md §3.2).
    /// Never a substring match, which is what the panel's `filter[email]` does (docs/PANEL-API.md §6).
    public static func same(_ a: String, _ b: String) -> Bool {
        a.lowercased() == b.lowercased()
    }
}
