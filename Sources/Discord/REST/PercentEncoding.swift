/// Percent-encoding of UTF-8 (RFC 3986 §2.1) for path segments and header values.
enum PercentEncoding {
    /// RFC 3986's unreserved characters: never encoded.
    static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    static func encode(_ text: String, keeping allowed: Set<UInt8> = unreserved) -> String {
        let digits = Array("0123456789ABCDEF")
        var encoded = ""
        for byte in text.utf8 {
            if allowed.contains(byte) {
                encoded.append(Character(UnicodeScalar(byte)))
            } else {
                encoded += "%\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
            }
        }
        return encoded
    }
}

/// `X-Audit-Log-Reason`: at most 512 characters, sent percent-encoded as UTF-8 (reasons are often
/// Japanese, and raw non-ASCII bytes are not a valid header value).
enum AuditLogReason {
    static let maximumLength = 512

    static func headerValue(_ reason: String) -> String? {
        let trimmed = String(String.UnicodeScalarView(reason.unicodeScalars.prefix(maximumLength)))
        guard !trimmed.isEmpty else { return nil }
        return PercentEncoding.encode(trimmed, keeping: PercentEncoding.unreserved.union([UInt8(ascii: " ")]))
    }
}
