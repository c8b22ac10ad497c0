/// Percent-encoding of UTF-8 (RFC 3986 §2.1) for path segments, query values and header values.
public enum PercentEncoding {
    /// RFC 3986's unreserved characters: never encoded.
    public static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// Every byte outside `allowed` becomes `%XX`; `+` is encoded too, since servers may read a raw
    /// `+` in a query as a space.
    public static func encode(_ text: String, keeping allowed: Set<UInt8> = unreserved) -> String {
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
