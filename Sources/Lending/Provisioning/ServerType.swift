import Foundation

/// What kind of Minecraft server a pool entry is (vanilla, Paper, Forge, Fabric…): a request for
/// one kind is only ever given a server of that kind, so a modded event never lands on a vanilla
/// server. Stored as a short lowercase word in `ServerBinding.serverType` and
/// `Workflow.serverType`.
///
/// The word is read from the name of the server's egg on the panel when the server is bound
/// (`/mcserver-admin server-binding set`), unless a moderator gives it. Well-known eggs fold into
/// a few types; any other egg gets a type spelled from its name, so a pool of custom eggs is
/// still split by egg.
public enum ServerType {
    /// The type of the bindings made before servers had types: the migration gives it to every
    /// existing row, and binding the server again reads its egg.
    public static let unread = "minecraft"

    /// The longest type: fits a slash-command choice, a select option's value and a custom_id.
    public static let maxLength = 32

    /// Well-known eggs by a word of their name, in the order they are tried: the first word the
    /// lowercased egg name contains decides. Longer or more specific words come first, so
    /// "NeoForge" is not read as Forge, and "Sponge (SpongeVanilla)" or "SpongeForge" not as
    /// vanilla or Forge.
    static let knownEggs: [(word: String, type: String)] = [
        ("sponge", "sponge"),
        ("neoforge", "neoforge"),
        ("forge", "forge"),
        ("fabric", "fabric"),
        ("quilt", "quilt"),
        ("purpur", "purpur"),
        ("folia", "folia"),
        ("paper", "paper"),
        ("spigot", "spigot"),
        ("bukkit", "spigot"),
        ("bungee", "bungeecord"),
        ("velocity", "velocity"),
        ("vanilla", "vanilla"),
    ]

    /// The type of a server whose egg is called `eggName`: a well-known egg's type, otherwise
    /// the name itself as a type (lowercased, each run of other characters one `-`, cut to
    /// `maxLength`). A name with no letter or digit at all reads as `unread`.
    public static func fromEgg(named eggName: String) -> String {
        let lowered = eggName.lowercased()
        if let known = knownEggs.first(where: { lowered.contains($0.word) }) { return known.type }
        return normalized(lowered) ?? unread
    }

    /// What a moderator or member typed as a type, in the stored form (trimmed, lowercased); nil
    /// when it breaks `isValid`.
    public static func parse(_ typed: String) -> String? {
        let candidate = typed.trimmingCharacters(in: .whitespaces).lowercased()
        return isValid(candidate) ? candidate : nil
    }

    /// 1 to `maxLength` ASCII lowercase letters, digits, `-` or `_`, starting with a letter or digit.
    public static func isValid(_ type: String) -> Bool {
        guard (1...maxLength).contains(type.count), let first = type.unicodeScalars.first, isWordScalar(first) else { return false }
        return type.unicodeScalars.allSatisfy { isWordScalar($0) || $0 == "-" || $0 == "_" }
    }

    /// The rule `isValid` checks, in the words a refusal uses.
    public static let rule = "1 to \(maxLength) lowercase letters, digits, - or _"

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// An egg's own name as a type: ASCII letters and digits kept, every other run one `-`.
    private static func normalized(_ lowered: String) -> String? {
        var result = ""
        for scalar in lowered.unicodeScalars {
            if isWordScalar(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        let cut = String(result.prefix(maxLength))
        let trimmed = cut.hasSuffix("-") ? String(cut.dropLast()) : cut
        return trimmed.isEmpty ? nil : trimmed
    }
}
