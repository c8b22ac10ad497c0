/// The few fields the floor reads of a gateway payload: the envelope's `op`, `s` and `t`, and the
/// scalar fields of `d` (an interaction's `id`, `token` and `type`; HELLO's `heartbeat_interval`;
/// READY's nothing). One pass over the bytes, nothing decoded beyond them: a lower bound on what
/// any bot must do to act on an event, not a JSON parser (string escapes are kept as they are,
/// which none of these fields has).
struct PayloadScan {
    private(set) var envelope: [String: String] = [:]
    private(set) var data: [String: String] = [:]
    /// READY's `application.id`, the one nested field the floor needs.
    private(set) var applicationID: String?

    var op: Int? { envelope["op"].flatMap { Int($0) } }
    var sequence: Int? { envelope["s"].flatMap { Int($0) } }
    var event: String? { envelope["t"] }

    init(_ bytes: [UInt8]) {
        var keys: [String?] = []           // the current key of each open object (nil in arrays)
        var isObject: [Bool] = []
        var expectingKey = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                isObject.append(byte == UInt8(ascii: "{"))
                keys.append(nil)
                expectingKey = byte == UInt8(ascii: "{")
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                isObject.removeLast()
                keys.removeLast()
                index += 1
            case UInt8(ascii: ","):
                expectingKey = isObject.last == true
                index += 1
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\""):
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                    end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                let text = String(decoding: bytes[(index + 1)..<min(end, bytes.count)], as: UTF8.self)
                index = end + 1
                if expectingKey {
                    keys[keys.count - 1] = text
                    expectingKey = false
                } else {
                    record(text, keys: keys)
                }
            default:
                var end = index
                while end < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[end]) { end += 1 }
                record(String(decoding: bytes[index..<end], as: UTF8.self), keys: keys)
                index = end
            }
        }
    }

    private mutating func record(_ value: String, keys: [String?]) {
        switch keys.count {
        case 1: if let key = keys[0] { envelope[key] = value }
        case 2: if keys[0] == "d", let key = keys[1] { data[key] = value }
        case 3: if keys[0] == "d", keys[1] == "application", keys[2] == "id" { applicationID = value }
        default: break
        }
    }
}
