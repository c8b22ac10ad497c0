/// Discord's permission bitset.
///
/// On the wire it is a decimal string (`"2147483648"`), because the set has outgrown the 2^53 range
/// that JSON numbers hold exactly in JavaScript; bits Discord adds later are kept, not dropped.
/// Bit positions follow the docs' `topics/permissions.mdx` table.
public struct Permissions: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt64

    public init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    public static let createInstantInvite = Permissions(rawValue: 1 << 0)
    public static let kickMembers = Permissions(rawValue: 1 << 1)
    public static let banMembers = Permissions(rawValue: 1 << 2)
    /// Grants every permission and bypasses channel overwrites.
    public static let administrator = Permissions(rawValue: 1 << 3)
    public static let manageChannels = Permissions(rawValue: 1 << 4)
    public static let manageGuild = Permissions(rawValue: 1 << 5)
    public static let addReactions = Permissions(rawValue: 1 << 6)
    public static let viewAuditLog = Permissions(rawValue: 1 << 7)
    public static let viewChannel = Permissions(rawValue: 1 << 10)
    public static let sendMessages = Permissions(rawValue: 1 << 11)
    public static let manageMessages = Permissions(rawValue: 1 << 13)
    public static let embedLinks = Permissions(rawValue: 1 << 14)
    public static let attachFiles = Permissions(rawValue: 1 << 15)
    public static let readMessageHistory = Permissions(rawValue: 1 << 16)
    public static let mentionEveryone = Permissions(rawValue: 1 << 17)
    public static let useExternalEmojis = Permissions(rawValue: 1 << 18)
    public static let changeNickname = Permissions(rawValue: 1 << 26)
    public static let manageNicknames = Permissions(rawValue: 1 << 27)
    /// Needed to add or remove a member's role; the role must also sit below the bot's highest role.
    public static let manageRoles = Permissions(rawValue: 1 << 28)
    public static let manageWebhooks = Permissions(rawValue: 1 << 29)
    public static let manageGuildExpressions = Permissions(rawValue: 1 << 30)
    public static let useApplicationCommands = Permissions(rawValue: 1 << 31)
    public static let manageEvents = Permissions(rawValue: 1 << 33)
    public static let manageThreads = Permissions(rawValue: 1 << 34)
    public static let sendMessagesInThreads = Permissions(rawValue: 1 << 38)
    public static let moderateMembers = Permissions(rawValue: 1 << 40)

    public var description: String { String(rawValue) }
}

extension Permissions: Codable {
    /// Reads the documented string form; a bare integer is accepted too, because the OpenAPI spec
    /// types some permission fields as integers.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = UInt64(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "permissions must be a decimal string")
            }
            self.init(rawValue: value)
        } else if let value = try? container.decode(UInt64.self) {
            self.init(rawValue: value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "permissions must be a decimal string")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(rawValue))
    }
}
