public import Foundation

/// One version the simulated manifest lists, and what its own JSON says.
public struct SimulatedMinecraftVersion: Sendable, Hashable {
    public var id: String
    /// `release`, `snapshot`, `old_beta` or `old_alpha`, as in Mojang's manifest.
    public var type: String
    /// `javaVersion.majorVersion` of the version's JSON; nil leaves `javaVersion` out, as the
    /// oldest versions' JSON does.
    public var javaMajorVersion: Int?
    public var releaseTime: Date

    public init(id: String, type: String = "release", javaMajorVersion: Int?, releaseTime: Date) {
        self.id = id
        self.type = type
        self.javaMajorVersion = javaMajorVersion
        self.releaseTime = releaseTime
    }

    /// Releases in the order given (oldest first), a day apart from `start`: what a test needs
    /// when only the order of release times matters.
    public static func releases(_ versions: [(id: String, java: Int?)], from start: Date = Date(timeIntervalSince1970: 1_300_000_000)) -> [SimulatedMinecraftVersion] {
        versions.enumerated().map { offset, version in
            SimulatedMinecraftVersion(id: version.id, javaMajorVersion: version.java, releaseTime: start.addingTimeInterval(Double(offset) * 86_400))
        }
    }
}

/// What the simulated host does instead of answering normally, until cleared.
public enum VersionManifestFault: Sendable, Hashable {
    /// Every request gets this status with a short error body (a 500, a 404 from a moved file).
    case status(Int)
    /// 200 with a body that is not JSON, as a captive portal or a broken proxy would answer.
    case malformed
    /// 200 with valid JSON of this many bytes: more than any real manifest.
    case oversized(bytes: Int)
}
