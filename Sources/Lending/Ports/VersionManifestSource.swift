public import Foundation

/// Where Mojang's version manifest comes from: the launcher's `version_manifest_v2.json` over
/// HTTP in production, a simulator in tests. The adapter decodes the wire format; the domain
/// decides what counts (releases only) and how long an answer stays good.
public protocol VersionManifestSource: Sendable {
    /// The whole manifest. Throws when it cannot be read or is not a manifest.
    func manifest() async throws -> VersionManifest

    /// `javaVersion.majorVersion` of one version's own JSON (the entry's `url`); nil when that
    /// JSON names no Java, as the oldest releases' do. Throws when it cannot be read.
    func javaMajorVersion(of entry: VersionManifest.Entry) async throws -> Int?
}

/// The manifest as the domain needs it.
public struct VersionManifest: Sendable, Equatable {
    /// One version of the manifest's `versions`.
    public struct Entry: Sendable, Equatable {
        public var id: String
        /// `release`, `snapshot`, `old_beta` or `old_alpha`; only `release` counts.
        public var type: String
        /// The version's own JSON.
        public var url: String
        public var releaseTime: Date

        public init(id: String, type: String, url: String, releaseTime: Date) {
            self.id = id
            self.type = type
            self.url = url
            self.releaseTime = releaseTime
        }

        public static let releaseType = "release"
    }

    /// `latest.release`.
    public var latestRelease: String
    public var versions: [Entry]

    public init(latestRelease: String, versions: [Entry]) {
        self.latestRelease = latestRelease
        self.versions = versions
    }
}
