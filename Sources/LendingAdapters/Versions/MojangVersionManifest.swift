public import Foundation
public import HTTP
public import Lending
public import Logging

/// Mojang's version manifest (`version_manifest_v2.json`, the launcher's source of truth) and each
/// version's own JSON, read through the bot's HTTP client.
///
/// Bodies are decoded here and nowhere else. An answer that is not 2xx, not the manifest's shape,
/// or larger than the caps is a `PortFailure` that says which, never a crash; 5xx, 429 and network
/// failures are transient, the rest permanent. Only public URLs are read, so the URL itself is
/// safe, but logs and errors still name the request by its label.
public struct MojangVersionManifest: VersionManifestSource {
    /// Mojang's public manifest, which `MINECRAFT_VERSION_MANIFEST_URL` overrides.
    public static let defaultURL = URL(string: "https://piston-meta.mojang.com/mc/game/version_manifest_v2.json")!

    public struct Limits: Sendable {
        /// Time for the whole exchange. Short, because a stale cache is read again while a member
        /// waits for the request form's answer; a slower network serves the built-in table instead.
        public var timeout: Duration = .seconds(5)
        public var connectTimeout: Duration = .seconds(3)
        /// The manifest is about 200 KB today (some 900 versions); 8 MiB leaves room for decades.
        public var maxManifestBytes = 8 << 20
        /// A version's JSON is tens of kilobytes.
        public var maxVersionBytes = 2 << 20

        public init() {}
    }

    let url: URL
    let transport: any HTTPTransport
    let limits: Limits
    let logger: Logger

    public init(url: URL = Self.defaultURL, transport: any HTTPTransport, limits: Limits = Limits(), logger: Logger) {
        self.url = url
        self.transport = transport
        self.limits = limits
        self.logger = logger
    }

    public func manifest() async throws -> VersionManifest {
        let body = try await get(url.absoluteString, label: "GET version manifest", maxBytes: limits.maxManifestBytes)
        guard let wire = try? Self.decoder.decode(WireManifest.self, from: body) else {
            throw PortFailure.permanent("the version manifest at MINECRAFT_VERSION_MANIFEST_URL is not a manifest (latest.release and versions[] with id, type, url, releaseTime)")
        }
        return VersionManifest(latestRelease: wire.latest.release, versions: wire.versions.map {
            VersionManifest.Entry(id: $0.id, type: $0.type, url: $0.url, releaseTime: $0.releaseTime)
        })
    }

    public func javaMajorVersion(of entry: VersionManifest.Entry) async throws -> Int? {
        let body = try await get(entry.url, label: "GET version JSON", maxBytes: limits.maxVersionBytes)
        guard let wire = try? Self.decoder.decode(WireVersion.self, from: body), wire.id == entry.id else {
            throw PortFailure.permanent("the JSON of Minecraft \(entry.id) is not that version's JSON")
        }
        return wire.javaVersion?.majorVersion
    }

    private func get(_ url: String, label: String, maxBytes: Int) async throws -> Data {
        let request = HTTPRequest(url: url, headers: ["Accept": "application/json"], label: label,
                                  connectTimeout: limits.connectTimeout, timeout: limits.timeout)
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as HTTPError {
            throw PortFailure.transient("cannot reach the version manifest's host (\(error.kind))")
        }
        logger.debug("version manifest request", metadata: ["http.route": "\(label)", "http.status": "\(response.status)"])
        guard response.isSuccess else {
            let message = "\(label) answered HTTP \(response.status)"
            throw response.status >= 500 || response.status == 429 ? PortFailure.transient(message) : PortFailure.permanent(message)
        }
        guard response.body.count <= maxBytes else {
            throw PortFailure.permanent("\(label) answered more than \(maxBytes / (1 << 20)) MiB")
        }
        return response.body
    }

    // MARK: The wire format

    private struct WireManifest: Decodable {
        struct Latest: Decodable { let release: String }
        struct Version: Decodable {
            let id: String
            let type: String
            let url: String
            let releaseTime: Date
        }
        let latest: Latest
        let versions: [Version]
    }

    private struct WireVersion: Decodable {
        struct Java: Decodable { let majorVersion: Int }
        let id: String
        let javaVersion: Java?
    }

    /// `releaseTime` is ISO 8601 with an offset, e.g. `2024-12-03T10:12:57+00:00`.
    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time"))
            }
            return date
        }
        return decoder
    }
}
