import Foundation
import Secrets

/// The fast path for the two interactions the bot answers most: slash commands and modal
/// submits. Foundation's decoder was a sixth of the bot's instructions per interaction, most of it
/// Codable's generic containers; this reads the `PlainJSON` document in place, making a `String`
/// only of the values the models keep.
///
/// It mirrors `Interaction.init(from:)` and the models under it field by field, and gives up (nil)
/// on anything it does not mirror: another interaction type, a `message`, resolved roles,
/// channels, messages or attachments, a number option, a focused option, a value of an unexpected
/// JSON type, and everything `PlainJSON.parse` refuses. The caller then decodes with Foundation,
/// so an interaction is accepted or refused exactly as before; the tests hold the two readings of
/// the same payloads equal.
extension GatewayDispatch {
    /// The INTERACTION_CREATE's interaction: by the fast path when it takes the payload, otherwise
    /// by Foundation's decoder, which throws for a payload that is not an interaction.
    public func decodeInteraction() throws -> Interaction {
        if let interaction = Interaction.readPlain(dispatch: payload) { return interaction }
        return try decode(Interaction.self)
    }
}

extension Interaction {
    /// The interaction in a whole INTERACTION_CREATE payload (`{"t":…, "d":{…}}`), or nil.
    static func readPlain(dispatch payload: Data) -> Interaction? {
        payload.withUnsafeBytes { bytes in
            guard let data = PlainJSON.parse(bytes)?["d"] else { return nil }
            return try? read(data)
        }
    }

    private static func read(_ json: PlainJSON.Value) throws(GiveUp) -> Interaction {
        let fields = try Fields(json)
        guard fields.isAbsent("message") else { throw GiveUp() }
        let type = InteractionType(rawValue: try fields.required("type", Read.int))
        let data: InteractionData
        switch type {
        case .applicationCommand: data = .applicationCommand(try fields.required("data", ApplicationCommandData.read))
        case .modalSubmit: data = .modalSubmit(try fields.required("data", ModalSubmitData.read))
        default: throw GiveUp()
        }
        return Interaction(
            id: try fields.required("id", Read.snowflake), applicationID: try fields.required("application_id", Read.snowflake),
            type: type, data: data, token: Secret(try fields.required("token", Read.string)),
            guildID: try fields.optional("guild_id", Read.snowflake), channelID: try fields.optional("channel_id", Read.snowflake),
            member: try fields.optional("member", GuildMember.read), user: try fields.optional("user", User.read),
            locale: try fields.optional("locale", Read.locale), guildLocale: try fields.optional("guild_locale", Read.locale),
            appPermissions: try fields.optional("app_permissions", Read.permissions), message: nil,
            context: try fields.optional("context") { json throws(GiveUp) in InteractionContextType(rawValue: try Read.int(json)) },
            version: try fields.optional("version", Read.int))
    }
}

/// Not something the fast path mirrors: decode with Foundation instead.
struct GiveUp: Error {}

/// One JSON object's fields, read as the synthesized `Codable` reads them: a required field must
/// be present and not null; an optional one that is absent or null is nil.
private struct Fields {
    let object: PlainJSON.Value

    init(_ json: PlainJSON.Value) throws(GiveUp) {
        guard json.kind == .object else { throw GiveUp() }
        object = json
    }

    subscript(key: StaticString) -> PlainJSON.Value? { object[key] }

    func required<Value>(_ key: StaticString, _ read: (PlainJSON.Value) throws(GiveUp) -> Value) throws(GiveUp) -> Value {
        guard let value = self[key], value.kind != .null else { throw GiveUp() }
        return try read(value)
    }

    func optional<Value>(_ key: StaticString, _ read: (PlainJSON.Value) throws(GiveUp) -> Value) throws(GiveUp) -> Value? {
        guard let value = self[key], value.kind != .null else { return nil }
        return try read(value)
    }

    func isAbsent(_ key: StaticString) -> Bool {
        guard let value = self[key] else { return true }
        return value.kind == .null
    }
}

private enum Read {
    static func string(_ json: PlainJSON.Value) throws(GiveUp) -> String {
        guard let text = json.string else { throw GiveUp() }
        return text
    }

    /// A plain integer only (no fraction): what `Int`'s and `Int64`'s decoding take without doubt.
    static func int(_ json: PlainJSON.Value) throws(GiveUp) -> Int {
        guard json.kind == .number, let text = json.text else { throw GiveUp() }
        let isNegative = text.first == UInt8(ascii: "-")
        // A fraction's "." is not a digit, so a decimal is refused here.
        guard let magnitude = UInt64(decimalDigits: UnsafeBufferPointer(rebasing: text[(isNegative ? 1 : 0)...])),
              let value = Int(exactly: isNegative ? -Int128(magnitude) : Int128(magnitude)) else { throw GiveUp() }
        return value
    }

    static func bool(_ json: PlainJSON.Value) throws(GiveUp) -> Bool {
        guard let value = json.bool else { throw GiveUp() }
        return value
    }

    static func snowflake<Kind>(_ json: PlainJSON.Value) throws(GiveUp) -> Snowflake<Kind> {
        guard json.kind == .string, let text = json.text, let id = Snowflake<Kind>(digits: text) else { throw GiveUp() }
        return id
    }

    static func locale(_ json: PlainJSON.Value) throws(GiveUp) -> DiscordLocale {
        DiscordLocale(rawValue: try string(json))
    }

    /// Discord sends permissions as a decimal string.
    static func permissions(_ json: PlainJSON.Value) throws(GiveUp) -> Permissions {
        guard json.kind == .string, let text = json.text, let value = UInt64(decimalDigits: text) else { throw GiveUp() }
        return Permissions(rawValue: value)
    }

    static func array<Element>(_ json: PlainJSON.Value, _ read: (PlainJSON.Value) throws(GiveUp) -> Element) throws(GiveUp) -> [Element] {
        guard let elements = json.elements else { throw GiveUp() }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for element in elements { result.append(try read(element)) }
        return result
    }

    /// An object keyed by snowflakes, as `[Snowflake: Value]` decodes one.
    static func keyed<Kind, Value>(_ json: PlainJSON.Value, _ read: (PlainJSON.Value) throws(GiveUp) -> Value) throws(GiveUp) -> [Snowflake<Kind>: Value] {
        guard let members = json.members else { throw GiveUp() }
        var result: [Snowflake<Kind>: Value] = [:]
        for member in members {
            guard let id = Snowflake<Kind>(digits: member.key) else { throw GiveUp() }
            result[id] = try read(member.value)
        }
        return result
    }
}

extension UInt64 {
    /// One or more ASCII digits whose value fits, leading zeros allowed: what `UInt64(_: String)`
    /// takes of a digits-only text, read from the bytes without making the `String`.
    init?(decimalDigits text: UnsafeBufferPointer<UInt8>) {
        guard !text.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in text {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let (times, timesOverflow) = value.multipliedReportingOverflow(by: 10)
            let (next, nextOverflow) = times.addingReportingOverflow(UInt64(byte - 0x30))
            guard !timesOverflow, !nextOverflow else { return nil }
            value = next
        }
        self = value
    }
}

extension Snowflake {
    /// `init?(_: String)` over the bytes of the wire form: 1–20 ASCII digits that fit in a `UInt64`.
    init?(digits text: UnsafeBufferPointer<UInt8>) {
        guard text.count <= 20, let value = UInt64(decimalDigits: text) else { return nil }
        self.init(value)
    }
}

extension User {
    fileprivate static func read(_ json: PlainJSON.Value) throws(GiveUp) -> User {
        let fields = try Fields(json)
        return User(id: try fields.required("id", Read.snowflake), username: try fields.required("username", Read.string),
                    discriminator: try fields.optional("discriminator", Read.string), globalName: try fields.optional("global_name", Read.string),
                    avatar: try fields.optional("avatar", Read.string), isBot: try fields.optional("bot", Read.bool),
                    isSystem: try fields.optional("system", Read.bool))
    }
}

extension GuildMember {
    fileprivate static func read(_ json: PlainJSON.Value) throws(GiveUp) -> GuildMember {
        let fields = try Fields(json)
        return GuildMember(user: try fields.optional("user", User.read), nick: try fields.optional("nick", Read.string),
                           roles: try fields.required("roles") { json throws(GiveUp) in try Read.array(json, Read.snowflake) },
                           joinedAt: try fields.optional("joined_at", Read.string), permissions: try fields.optional("permissions", Read.permissions),
                           isPending: try fields.optional("pending", Read.bool),
                           communicationDisabledUntil: try fields.optional("communication_disabled_until", Read.string),
                           avatar: try fields.optional("avatar", Read.string))
    }
}

extension ResolvedData {
    /// Users and members only: the rest (roles, channels, messages, attachments) go to Foundation.
    fileprivate static func read(_ json: PlainJSON.Value) throws(GiveUp) -> ResolvedData {
        let fields = try Fields(json)
        guard fields.isAbsent("roles"), fields.isAbsent("channels"), fields.isAbsent("messages"), fields.isAbsent("attachments") else { throw GiveUp() }
        return ResolvedData(users: try fields.optional("users") { json throws(GiveUp) in try Read.keyed(json, User.read) },
                            members: try fields.optional("members") { json throws(GiveUp) in try Read.keyed(json, GuildMember.read) })
    }
}

extension ApplicationCommandData {
    fileprivate static func read(_ json: PlainJSON.Value) throws(GiveUp) -> ApplicationCommandData {
        let fields = try Fields(json)
        return ApplicationCommandData(
            id: try fields.required("id", Read.snowflake), name: try fields.required("name", Read.string),
            type: ApplicationCommandType(rawValue: try fields.required("type", Read.int)),
            options: try fields.optional("options") { json throws(GiveUp) in try Read.array(json, InteractionOption.read) },
            resolved: try fields.optional("resolved", ResolvedData.read), guildID: try fields.optional("guild_id", Read.snowflake),
            targetID: try fields.optional("target_id", Read.snowflake))
    }
}

extension InteractionOption {
    fileprivate static func read(_ json: PlainJSON.Value) throws(GiveUp) -> InteractionOption {
        let fields = try Fields(json)
        let type = CommandOptionType(rawValue: try fields.required("type", Read.int))
        let isFocused = try fields.optional("focused", Read.bool) ?? false
        var value: OptionValue?
        // Codable reads `value` whenever the key is there, null included; a focused option's text
        // and the types below that are not plain are left to it.
        if let json = fields["value"] {
            guard !isFocused else { throw GiveUp() }
            switch type {
            case .string: value = .string(try Read.string(json))
            case .integer: value = .integer(Int64(try Read.int(json)))
            case .boolean: value = .boolean(try Read.bool(json))
            case .user: value = .user(try Read.snowflake(json))
            case .channel: value = .channel(try Read.snowflake(json))
            case .role: value = .role(try Read.snowflake(json))
            case .mentionable: value = .mentionable(try Read.snowflake(json))
            case .attachment: value = .attachment(try Read.snowflake(json))
            default: throw GiveUp()
            }
        }
        return InteractionOption(name: try fields.required("name", Read.string), type: type, value: value,
                                 options: try fields.optional("options") { json throws(GiveUp) in try Read.array(json, InteractionOption.read) },
                                 isFocused: isFocused)
    }
}

extension ModalSubmitData {
    fileprivate static func read(_ json: PlainJSON.Value) throws(GiveUp) -> ModalSubmitData {
        let fields = try Fields(json)
        return ModalSubmitData(customID: try fields.required("custom_id", Read.string),
                               components: try fields.required("components") { json throws(GiveUp) in try Read.array(json, SubmittedComponent.read) },
                               resolved: try fields.optional("resolved", ResolvedData.read))
    }
}

extension SubmittedComponent {
    fileprivate static func read(_ json: PlainJSON.Value) throws(GiveUp) -> SubmittedComponent {
        let fields = try Fields(json)
        let type = ComponentType(rawValue: try fields.required("type", Read.int))
        let id = try fields.optional("id", Read.int)
        switch type {
        case .actionRow:
            return .actionRow(id: id, components: try fields.optional("components") { json throws(GiveUp) in try Read.array(json, SubmittedComponent.read) } ?? [])
        case .label:
            return .label(id: id, component: try fields.required("component", SubmittedComponent.read))
        case .textInput:
            return .textInput(id: id, customID: try fields.required("custom_id", Read.string), value: try fields.optional("value", Read.string) ?? "")
        case .stringSelect, .userSelect, .roleSelect, .mentionableSelect, .channelSelect, .fileUpload, .checkboxGroup:
            return .values(type: type, id: id, customID: try fields.required("custom_id", Read.string),
                           values: try fields.optional("values") { json throws(GiveUp) in try Read.array(json, Read.string) } ?? [])
        case .radioGroup:
            return .radioGroup(id: id, customID: try fields.required("custom_id", Read.string), value: try fields.optional("value", Read.string))
        case .checkbox:
            return .checkbox(id: id, customID: try fields.required("custom_id", Read.string), isChecked: try fields.optional("value", Read.bool) ?? false)
        case .textDisplay:
            return .textDisplay(id: id)
        default:
            return .unknown(type)
        }
    }
}
