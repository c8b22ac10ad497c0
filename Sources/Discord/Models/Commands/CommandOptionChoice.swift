/// A fixed choice for a string, integer or number option, also the answer format of autocomplete
/// (callback type 8). `name` is what the user sees, `value` what the bot receives.
public struct CommandOptionChoice: Sendable, Hashable, Codable {
    public enum Value: Sendable, Hashable, Codable {
        case string(String)
        case integer(Int64)
        case number(Double)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if let integer = try? container.decode(Int64.self) {
                self = .integer(integer)
            } else {
                self = .number(try container.decode(Double.self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .integer(let integer): try container.encode(integer)
            case .number(let number): try container.encode(number)
            }
        }
    }

    public var name: String
    public var nameLocalizations: [DiscordLocale: String]?
    public var value: Value

    public init(name: String, nameLocalizations: [DiscordLocale: String]? = nil, value: Value) {
        self.name = name
        self.nameLocalizations = nameLocalizations
        self.value = value
    }

    public init(name: String, nameLocalizations: [DiscordLocale: String]? = nil, value: String) {
        self.init(name: name, nameLocalizations: nameLocalizations, value: .string(value))
    }

    enum CodingKeys: String, CodingKey {
        case name, value
        case nameLocalizations = "name_localizations"
    }
}
