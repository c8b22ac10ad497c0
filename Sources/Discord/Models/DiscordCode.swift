/// A number from one of Discord's open lists: a component's, an interaction's or an option's `type`,
/// a button's `style`, a JSON error code. `Kind` is a marker type, as for `Snowflake<Kind>`, that keeps
/// one list's values from being passed where another's are expected.
///
/// A struct rather than an enum so that a value Discord adds later still decodes: a component of an
/// unknown type becomes `.unknown(type)`, an interaction of an unknown type decodes with
/// `data == .other`, instead of failing the whole payload. The named values are in
/// `DiscordCodeKinds.swift`.
public struct DiscordCode<Kind>: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public var description: String { String(rawValue) }
}
