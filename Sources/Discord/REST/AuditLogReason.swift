import HTTP

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
