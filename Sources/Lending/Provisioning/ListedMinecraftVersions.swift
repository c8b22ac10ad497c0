/// A version catalog over a fixed list of releases, newest first: for tests and for a bot that
/// must not look anything up.
public struct ListedMinecraftVersions: MinecraftVersionCatalog {
    public let releases: [MinecraftRelease]

    public init(_ releases: [MinecraftRelease]) {
        self.releases = releases
    }

    public func release(_ requested: String) async throws -> MinecraftRelease? {
        requested == "latest" ? releases.first : releases.first { $0.id == requested }
    }

    public func closestReleases(to requested: String, limit: Int) async throws -> [String] {
        Array(releases.map(\.id).filter { $0.hasPrefix(requested.split(separator: ".").prefix(2).joined(separator: ".")) }.prefix(limit))
    }
}

extension ListedMinecraftVersions {
    /// A few releases of each Java generation, newest first.
    public static let sample = ListedMinecraftVersions(
        [("26.2", 25), ("26.1", 25)].map { MinecraftRelease(id: $0.0, javaMajorVersion: $0.1) }
            + (0...11).reversed().map { MinecraftRelease(id: $0 == 0 ? "1.21" : "1.21.\($0)", javaMajorVersion: 21) }
            + [("1.20.6", 21), ("1.20.5", 21), ("1.20.4", 17), ("1.20.2", 17), ("1.20.1", 17), ("1.20", 17), ("1.19.4", 17), ("1.18.2", 17),
               ("1.17.1", 16), ("1.16.5", 8), ("1.12.2", 8), ("1.8.9", 8)].map { MinecraftRelease(id: $0.0, javaMajorVersion: $0.1) })
}
