/// A Minecraft Java Edition release number as Mojang spells it: `1.MINOR[.PATCH]` for the
/// releases up to the end of 2025 (1.20.1, 1.21), `YY.DROP[.HOTFIX]` from 2026 on, where YY is
/// the year (26.1, 26.1.1, 26.2). Snapshots and pre-releases (`25w14a`, `1.21.5-pre1`,
/// `26.1-snapshot-1`) are not releases and do not parse.
///
/// The syntax says only what could be a release; whether it is one is the catalog's answer
/// (`MinecraftVersionCatalog`).
public struct MinecraftVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// What a member types to ask for the newest release, resolved when the server is prepared.
    public static let latest = "latest"

    /// Two or three numbers: first 1 or a year from 26, then the minor or drop, then the patch or hotfix.
    public let components: [Int]

    /// Parses a release id; nil for anything else (including `latest`).
    public init?(_ text: String) {
        guard text.utf8.count <= RequestRules.maxVersionLength else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for part in parts {
            // Mojang never writes a leading zero or more than three digits in a release id.
            guard (1...3).contains(part.count), part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                  part == "0" || !part.hasPrefix("0"), let number = Int(part) else { return nil }
            numbers.append(number)
        }
        // 1.x is the old scheme; a year-based release starts at 26 (2026) with drop 1.
        guard numbers[0] == 1 || numbers[0] >= Self.firstYear && numbers[1] >= 1 else { return nil }
        components = numbers
    }

    /// The first year of year-based numbering (2026).
    public static let firstYear = 26

    /// `latest`, or text that parses as a release number: what the request form accepts before
    /// asking whether the release exists.
    public static func isValid(_ text: String) -> Bool {
        text == latest || MinecraftVersion(text) != nil
    }

    /// True for the year-based releases (26.1 and later).
    public var isYearBased: Bool { components[0] >= Self.firstYear }

    public var description: String { components.map(String.init).joined(separator: ".") }

    /// Release order: 1.21 < 1.21.1 < 1.21.11 < 26.1 < 26.1.1 < 26.2. A missing patch sorts before
    /// patch 0, so ordering agrees with equality.
    public static func < (lhs: MinecraftVersion, rhs: MinecraftVersion) -> Bool {
        for (left, right) in zip(lhs.components, rhs.components) where left != right {
            return left < right
        }
        return lhs.components.count < rhs.components.count
    }
}
