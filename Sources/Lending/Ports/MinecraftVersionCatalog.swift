/// Which Minecraft Java Edition releases exist and the Java each needs: Mojang's version
/// manifest when it can be read, a built-in table when it cannot.
public protocol MinecraftVersionCatalog: Sendable {
    /// `latest` resolves to the newest release; a release id to itself. Nil when no release has
    /// that id (a typo, a snapshot, a version from the future).
    func release(_ requested: String) async throws -> MinecraftRelease?

    /// Up to `limit` existing release ids nearest to `requested`, newest first, so a refusal can
    /// name what the member probably meant.
    func closestReleases(to requested: String, limit: Int) async throws -> [String]
}

/// A release and the Java major version it needs to run (`javaVersion.majorVersion`).
public struct MinecraftRelease: Sendable, Equatable, Hashable, Codable {
    public var id: String
    public var javaMajorVersion: Int

    public init(id: String, javaMajorVersion: Int) {
        self.id = id
        self.javaMajorVersion = javaMajorVersion
    }
}
