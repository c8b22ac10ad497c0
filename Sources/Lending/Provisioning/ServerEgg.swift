/// What a server's egg offers for preparing a loan: the startup variable that holds the Minecraft
/// version and the Docker images it may run in, each with the Java it carries.
public struct ServerEgg: Sendable, Equatable {
    /// The first configured version variable the egg has (`PANEL_VERSION_VARIABLE`), or nil.
    public var versionVariable: String?
    /// The egg's images; the panel accepts no other.
    public var images: [EggImage]
    /// The image the server runs in now.
    public var currentImage: String?

    public init(versionVariable: String?, images: [EggImage], currentImage: String?) {
        self.versionVariable = versionVariable
        self.images = images
        self.currentImage = currentImage
    }

    /// How to run `release` on this server: the version variable, and the image with the lowest
    /// Java at or above the release's requirement (a newer Java runs an older release, an older
    /// one never does; the lowest is the one the release was tested with). The current image wins
    /// a tie, so an unchanged server is not touched.
    public func plan(for release: MinecraftRelease, server: String) -> Result<ProvisionPlan, ProvisionRefusal> {
        guard let versionVariable else { return .failure(.noVersionVariable(server: server)) }
        let javas = images.compactMap(\.javaMajorVersion)
        let fitting = images.filter { ($0.javaMajorVersion ?? 0) >= release.javaMajorVersion }
        guard let lowest = fitting.compactMap(\.javaMajorVersion).min() else {
            return .failure(.noSuitableJava(server: server, offered: javas.min().map { $0...(javas.max() ?? $0) },
                                            version: release.id, needs: release.javaMajorVersion))
        }
        let candidates = fitting.filter { $0.javaMajorVersion == lowest }
        let chosen = candidates.first { $0.image == currentImage } ?? candidates.sorted { $0.image < $1.image }[0]
        return .success(ProvisionPlan(release: release, versionVariable: versionVariable, image: chosen))
    }
}

/// One image of an egg. `javaMajorVersion` is nil when neither its label nor its name says.
public struct EggImage: Sendable, Equatable, Codable {
    public var label: String
    public var image: String
    public var javaMajorVersion: Int?

    public init(label: String, image: String, javaMajorVersion: Int?) {
        self.label = label
        self.image = image
        self.javaMajorVersion = javaMajorVersion
    }
}

/// What an approval installs: the release, where the version goes, the image it runs in.
public struct ProvisionPlan: Sendable, Equatable {
    public var release: MinecraftRelease
    public var versionVariable: String
    public var image: EggImage
}

/// Why a server cannot run a release, in words a moderator can act on.
public enum ProvisionRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    case noVersionVariable(server: String)
    case noSuitableJava(server: String, offered: ClosedRange<Int>?, version: String, needs: Int)

    public var description: String {
        switch self {
        case .noVersionVariable(let server):
            "\(server)'s egg has no Minecraft version variable the bot knows: use a Minecraft egg, or name its variable in PANEL_VERSION_VARIABLE"
        case .noSuitableJava(let server, let offered, let version, let needs):
            switch offered {
            case nil: "\(server)'s egg offers no image with a Java version the bot can read; \(version) needs Java \(needs)"
            case let range? where range.lowerBound == range.upperBound:
                "\(server) offers Java \(range.lowerBound) only; \(version) needs Java \(needs)"
            case let range?: "\(server) offers Java \(range.lowerBound) to \(range.upperBound); \(version) needs Java \(needs)"
            }
        }
    }
}
