import Logging

/// Just enough JSON writing for log lines: escaped strings and metadata values. Written by hand
/// so a line costs no encoder and keeps its keys in the order the line wants.
enum JSONText {
    static func value(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let string):
            return self.string(string)
        case .stringConvertible(let convertible):
            // Its description, like every other handler: a `Secret` prints its marker here too.
            return self.string(convertible.description)
        case .dictionary(let dictionary):
            let members = dictionary.keys.sorted().compactMap { key in dictionary[key].map { self.string(key) + ":" + self.value($0) } }
            return "{" + members.joined(separator: ",") + "}"
        case .array(let array):
            return "[" + array.map { self.value($0) }.joined(separator: ",") + "]"
        }
    }

    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
