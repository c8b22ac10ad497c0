/// Percent-encoding of UTF-8 (RFC 3986 §2.1) for path segments, query values and header values.
public enum PercentEncoding {
    /// RFC 3986's unreserved characters: never encoded.
    public static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)

    /// Every byte outside the unreserved characters becomes `%XX`; `+` is encoded too, since
    /// servers may read a raw `+` in a query as a space.
    public static func encode(_ text: String) -> String {
        encode(text) { isUnreservedByte[Int($0)] }
    }

    /// `unreserved` as a table by byte value: a lookup without hashing, from the one list.
    private static let isUnreservedByte: [Bool] = (0...255).map { unreserved.contains(UInt8($0)) }

    /// Every byte outside `allowed` becomes `%XX`.
    public static func encode(_ text: String, keeping allowed: Set<UInt8>) -> String {
        encode(text) { allowed.contains($0) }
    }

    /// Most texts encoded here (ids, interaction tokens) need nothing encoded and are returned as
    /// they are: an interaction token went through a set lookup and a `String` append per byte on
    /// every callback, 7 % of the bot's instructions per interaction.
    private static func encode(_ text: String, where isKept: (UInt8) -> Bool) -> String {
        let bytes = text.utf8
        guard !bytes.allSatisfy(isKept) else { return text }
        var encoded: [UInt8] = []
        encoded.reserveCapacity(bytes.count * 3)
        for byte in bytes {
            if isKept(byte) {
                encoded.append(byte)
            } else {
                encoded += [UInt8(ascii: "%"), hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
