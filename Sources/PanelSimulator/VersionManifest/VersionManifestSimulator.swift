import FlyingFox
public import Foundation
import SimulatorSupport
import Synchronization

/// Mojang's launcher metadata host on loopback: `GET /mc/game/version_manifest_v2.json` answers
/// the manifest (`latest`, then `versions` newest first, each with `id`, `type`, `url`, `time`,
/// `releaseTime`, `sha1` and `complianceLevel`), and each version's `url`
/// (`/v1/packages/<sha1>/<id>.json`) answers its own JSON with `javaVersion` and the server jar's
/// download. Other paths are 404, other methods 405.
///
/// Knobs: `fault` (a status, a malformed or an oversized body), `setReachable(false)` (the port
/// refuses connections), `versions`; and counts of what was asked, so a test can prove a cache
/// answered instead of the network.
public final class VersionManifestSimulator: Sendable {
    public static let manifestPath = "/mc/game/version_manifest_v2.json"

    private struct State {
        var versions: [SimulatedMinecraftVersion]
        var latestRelease: String?
        var fault: VersionManifestFault?
        var manifestRequests = 0
        var versionRequests: [String: Int] = [:]
        var server: LoopbackHTTPServer?
        var port: UInt16?
    }

    private let state: Mutex<State>

    /// - Parameters:
    ///   - versions: in any order; the manifest lists them newest first.
    ///   - latestRelease: `latest.release`; nil names the newest release.
    public init(versions: [SimulatedMinecraftVersion] = VersionManifestSimulator.sampleVersions, latestRelease: String? = nil) {
        state = Mutex(State(versions: versions, latestRelease: latestRelease))
    }

    /// A few releases with Mojang's Java figures, plus a snapshot and an old beta that a
    /// catalog must not count.
    public static let sampleVersions: [SimulatedMinecraftVersion] = releases([
        ("1.12.2", 8), ("1.16.5", 8), ("1.17.1", 16), ("1.20.1", 17), ("1.20.4", 17), ("1.20.6", 21), ("1.21", 21), ("1.21.4", 21),
        ("1.21.11", 21), ("26.1", 25), ("26.2", 25),
    ]) + [
        SimulatedMinecraftVersion(id: "26.3-snapshot-1", type: "snapshot", javaMajorVersion: 25, releaseTime: Date(timeIntervalSince1970: 1_782_000_000)),
        SimulatedMinecraftVersion(id: "b1.7.3", type: "old_beta", javaMajorVersion: nil, releaseTime: Date(timeIntervalSince1970: 1_310_000_000)),
    ]

    private static func releases(_ list: [(String, Int)]) -> [SimulatedMinecraftVersion] {
        SimulatedMinecraftVersion.releases(list.map { (id: $0.0, java: Optional($0.1)) })
    }

    public func start() async throws {
        let port = state.withLock { $0.port } ?? 0
        let server = try await LoopbackHTTPServer.start(handler: VersionManifestRequestHandler(simulator: self), timeout: 60, port: port)
        state.withLock { state in
            state.server = server
            state.port = server.port
        }
    }

    public func stop() async {
        guard let server = state.withLock({ state in defer { state.server = nil }; return state.server }) else { return }
        await server.stop()
    }

    /// False stops listening, so connections are refused as with a host that is down; true
    /// listens again on the same port, so the URLs already handed out work again. Listening again
    /// after the simulator has served connections can be refused by the system while they close
    /// (the start then times out), so tests make a host come back only if it was down from the start.
    public func setReachable(_ reachable: Bool) async throws {
        if reachable {
            guard state.withLock({ $0.server == nil }) else { return }
            try await start()
        } else {
            await stop()
        }
    }

    /// `http://127.0.0.1:PORT/mc/game/version_manifest_v2.json`. Only valid after `start()`.
    public var manifestURL: URL {
        URL(string: baseURL + Self.manifestPath)!
    }

    var baseURL: String {
        guard let port = state.withLock({ $0.port }) else { preconditionFailure("start() the simulator first") }
        return "http://127.0.0.1:\(port)"
    }

    // MARK: Knobs and inspection

    public var fault: VersionManifestFault? {
        get { state.withLock { $0.fault } }
        set { state.withLock { $0.fault = newValue } }
    }

    public var versions: [SimulatedMinecraftVersion] {
        get { state.withLock { $0.versions } }
        set { state.withLock { $0.versions = newValue } }
    }

    public var latestRelease: String? {
        get { state.withLock { $0.latestRelease } }
        set { state.withLock { $0.latestRelease = newValue } }
    }

    /// Requests for the manifest, answered or not.
    public var manifestRequestCount: Int { state.withLock { $0.manifestRequests } }

    /// Requests for one version's JSON.
    public func versionRequestCount(_ id: String) -> Int { state.withLock { $0.versionRequests[id] ?? 0 } }

    /// Requests for any version's JSON.
    public var versionRequestCount: Int { state.withLock { $0.versionRequests.values.reduce(0, +) } }

    // MARK: Answers

    func handle(method: String, path: String) -> (status: Int, body: Data) {
        state.withLock { state in
            let version = state.versions.first { Self.versionPath(of: $0.id) == path }
            if path == Self.manifestPath {
                state.manifestRequests += 1
            } else if let version {
                state.versionRequests[version.id, default: 0] += 1
            } else {
                return (404, Data(#"{"error":"Not Found"}"#.utf8))
            }
            guard method == "GET" || method == "HEAD" else { return (405, Data(#"{"error":"Method Not Allowed"}"#.utf8)) }
            switch state.fault {
            case .status(let status): return (status, Data(#"{"error":"simulated failure"}"#.utf8))
            case .malformed: return (200, Data("<html><body>Sign in to the network</body></html>".utf8))
            case .oversized(let bytes): return (200, Data(("[" + String(repeating: " ", count: max(0, bytes - 2)) + "]").utf8))
            case nil: break
            }
            let base = "http://127.0.0.1:\(state.port ?? 0)"
            if let version { return (200, Self.versionJSON(version, base: base)) }
            return (200, Self.manifestJSON(state.versions, latest: state.latestRelease, base: base))
        }
    }

    static func versionPath(of id: String) -> String {
        "/v1/packages/\(sha1(of: id))/\(id).json"
    }

    /// A stable 40-digit hex stand-in for the file's SHA-1, so urls look like Mojang's.
    static func sha1(of id: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(String(repeating: "0", count: 16 - hex.count) + hex + String(repeating: "a", count: 24))
    }

    static func manifestJSON(_ versions: [SimulatedMinecraftVersion], latest: String?, base: String) -> Data {
        let newestFirst = versions.sorted { $0.releaseTime > $1.releaseTime }
        let entries: [[String: Any]] = newestFirst.map { version in
            let time = timestamp(version.releaseTime)
            return ["id": version.id, "type": version.type, "url": base + versionPath(of: version.id), "time": time,
                    "releaseTime": time, "sha1": sha1(of: version.id), "complianceLevel": 1]
        }
        let newestRelease = newestFirst.first { $0.type == "release" }?.id ?? ""
        let newestSnapshot = newestFirst.first { $0.type == "snapshot" }?.id ?? newestRelease
        return json(["latest": ["release": latest ?? newestRelease, "snapshot": newestSnapshot], "versions": entries])
    }

    static func versionJSON(_ version: SimulatedMinecraftVersion, base: String) -> Data {
        var object: [String: Any] = [
            "id": version.id, "type": version.type, "releaseTime": timestamp(version.releaseTime), "time": timestamp(version.releaseTime),
            "mainClass": "net.minecraft.client.main.Main", "minimumLauncherVersion": 21,
            "downloads": ["server": ["sha1": sha1(of: version.id + "-server"), "size": 51_627_615,
                                     "url": "\(base)/v1/objects/\(sha1(of: version.id + "-server"))/server.jar"]],
        ]
        if let java = version.javaMajorVersion {
            object["javaVersion"] = ["component": java >= 21 ? "java-runtime-delta" : "java-runtime-gamma", "majorVersion": java]
        }
        return json(object)
    }

    /// Mojang writes `2024-12-03T10:12:57+00:00`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date).replacingOccurrences(of: "Z", with: "+00:00")
    }

    private static func json(_ object: [String: Any]) -> Data {
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    }
}
