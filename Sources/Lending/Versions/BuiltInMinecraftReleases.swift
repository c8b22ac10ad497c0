/// Every Minecraft Java Edition release Mojang has published up to this build, so existence can
/// be judged without the network. Compact on purpose: per `1.MINOR` line the patches that were
/// released (0 is the bare `1.MINOR`), then the year-based releases. Snapshots, pre-releases and
/// the old alphas and betas are not releases and are not listed.
public enum BuiltInMinecraftReleases {
    /// `(minor, patches)` of the 1.x releases. Gaps are real: 1.2, 1.3, 1.4.1, 1.4.3, 1.6, 1.6.3,
    /// 1.7 and 1.7.3 never came out as releases.
    static let lines: [(minor: Int, patches: [Int])] = [
        (0, [0]), (1, [0]), (2, [1, 2, 3, 4, 5]), (3, [1, 2]), (4, [2, 4, 5, 6, 7]), (5, [0, 1, 2]), (6, [1, 2, 4]),
        (7, [2, 4, 5, 6, 7, 8, 9, 10]), (8, Array(0...9)), (9, Array(0...4)), (10, Array(0...2)), (11, Array(0...2)),
        (12, Array(0...2)), (13, Array(0...2)), (14, Array(0...4)), (15, Array(0...2)), (16, Array(0...5)), (17, Array(0...1)),
        (18, Array(0...2)), (19, Array(0...4)), (20, Array(0...6)), (21, Array(0...11)),
    ]

    /// Year-based releases: 26.1 (March 2026) and 26.2 (June 2026).
    static let yearBased = ["26.1", "26.2"]

    /// Every release id, oldest first.
    public static let ids: [String] = lines.flatMap { line in
        line.patches.map { $0 == 0 ? "1.\(line.minor)" : "1.\(line.minor).\($0)" }
    } + yearBased

    public static let index = MinecraftReleaseIndex(ids: ids)
}

/// The catalog that needs nothing but this build: the built-in release list and Java table. It is
/// what serves when Mojang's manifest cannot be read, and what tests and the workflow use when
/// no other catalog is given.
public struct BuiltInMinecraftVersionCatalog: MinecraftVersionCatalog {
    public init() {}

    public func release(_ requested: String) async throws -> MinecraftRelease? {
        BuiltInMinecraftReleases.index.resolve(requested).map { MinecraftRelease(id: $0.description, javaMajorVersion: $0.builtInJavaMajorVersion) }
    }

    public func closestReleases(to requested: String, limit: Int) async throws -> [String] {
        BuiltInMinecraftReleases.index.closest(to: requested, limit: limit)
    }
}
