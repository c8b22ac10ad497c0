import Clocks
import Foundation
import HTTP
import Lending
import LendingAdapters
import Logging
import PanelSimulator
import PanelTesting
import Postgres
import SimulatorSupport
import Testing

/// The cached catalog against a real database and the version-manifest simulator behind the
/// bot's own adapter and HTTP client, on a manual clock.
@Suite("Minecraft versions from Mojang's manifest, cached")
struct VersionCatalogTests {
    struct World {
        let pool: PostgresPool
        let simulator: VersionManifestSimulator
        let source: MojangVersionManifest
        let clock: BotClock
        let logs: CapturedLogs

        func catalog() -> CachedMinecraftVersionCatalog {
            CachedMinecraftVersionCatalog(pool: pool, source: source, clock: clock,
                                          configuration: .init(refreshInterval: .seconds(24 * 3600), retryAfterFailure: .seconds(600)),
                                          logger: logs.logger)
        }

        func storedJava(_ id: String) async throws -> Int? {
            try await MinecraftReleaseTable.list(on: pool).first { $0.id == id }?.javaMajorVersion
        }
    }

    static func with(versions: [SimulatedMinecraftVersion] = VersionManifestSimulator.sampleVersions, reachable: Bool = true,
                     limits: MojangVersionManifest.Limits = .init(), _ body: (World) async throws -> Void) async throws {
        try await withLendingDatabase { pool in
            let simulator = VersionManifestSimulator(versions: versions)
            try await simulator.start()
            defer { Task { await simulator.stop() } }
            if !reachable { try await simulator.setReachable(false) }
            let logger = Logger(label: "test.versions")
            let http = try HTTPClient(logger: logger)
            defer { http.shutdown() }
            let source = MojangVersionManifest(url: simulator.manifestURL, transport: http, limits: limits, logger: logger)
            try await body(World(pool: pool, simulator: simulator, source: source, clock: .manual(), logs: CapturedLogs()))
        }
    }

    /// A release the simulator lists and the built-in table does not: it exists only if the manifest was read.
    static let onlyInManifest = SimulatedMinecraftVersion(id: "26.3", javaMajorVersion: 25, releaseTime: Date(timeIntervalSince1970: 1_790_000_000))

    @Test("the manifest is read once per refresh interval on the injected clock; calls between are answered from the cache")
    func refreshInterval() async throws {
        try await Self.with(versions: VersionManifestSimulator.sampleVersions + [Self.onlyInManifest]) { world in
            let catalog = world.catalog()
            #expect(try await catalog.release("26.3")?.id == "26.3")
            #expect(try await catalog.release("1.21.12") == nil)
            #expect(try await catalog.closestReleases(to: "1.21.12", limit: 3) == ["26.1", "1.21.11", "1.21.4"])
            #expect(world.simulator.manifestRequestCount == 1)
            world.clock.advance(by: .seconds(23 * 3600))
            _ = try await catalog.release("1.20.1")
            #expect(world.simulator.manifestRequestCount == 1)
            // A restart reads the stored rows, not the network.
            _ = try await world.catalog().release("1.20.1")
            #expect(world.simulator.manifestRequestCount == 1)
            world.clock.advance(by: .seconds(3600))
            world.simulator.versions.removeAll { $0.id == "26.3" }
            #expect(try await catalog.release("26.3") == nil)
            #expect(world.simulator.manifestRequestCount == 2)
            #expect(try await MinecraftReleaseTable.list(on: world.pool).contains { $0.id == "26.3" } == false)
        }
    }

    @Test("only releases count, and latest is the manifest's latest.release")
    func releasesOnly() async throws {
        try await Self.with { world in
            world.simulator.latestRelease = "1.21.11"
            let catalog = world.catalog()
            #expect(try await catalog.release("26.3-snapshot-1") == nil)
            #expect(try await catalog.release("b1.7.3") == nil)
            #expect(try await catalog.release("latest") == MinecraftRelease(id: "1.21.11", javaMajorVersion: 21))
            let stored = try await MinecraftReleaseTable.list(on: world.pool)
            #expect(stored.count == 11)
            #expect(stored.filter(\.isLatest).map(\.id) == ["1.21.11"])
        }
    }

    @Test("a release's own JSON is read once, when its Java is first asked for, and kept in its row")
    func lazyJava() async throws {
        var versions = VersionManifestSimulator.sampleVersions
        // A figure the built-in table would not give, so the answer can only come from the JSON.
        if let index = versions.firstIndex(where: { $0.id == "1.21.4" }) { versions[index].javaMajorVersion = 22 }
        if let index = versions.firstIndex(where: { $0.id == "1.12.2" }) { versions[index].javaMajorVersion = nil }
        try await Self.with(versions: versions) { world in
            let catalog = world.catalog()
            _ = try await catalog.closestReleases(to: "1.21.12", limit: 3)
            #expect(world.simulator.versionRequestCount == 0, "reading the manifest reads no version's JSON")
            #expect(try await catalog.release("1.21.4") == MinecraftRelease(id: "1.21.4", javaMajorVersion: 22))
            #expect(try await catalog.release("1.21.4")?.javaMajorVersion == 22)
            #expect(world.simulator.versionRequestCount("1.21.4") == 1)
            #expect(world.simulator.versionRequestCount == 1)
            #expect(try await world.storedJava("1.21.4") == 22)
            #expect(try await world.storedJava("1.20.1") == nil)
            // No javaVersion in an old release's JSON: Java 8.
            #expect(try await catalog.release("1.12.2")?.javaMajorVersion == 8)
            // Another instance finds the Java in the row.
            #expect(try await world.catalog().release("1.21.4")?.javaMajorVersion == 22)
            #expect(world.simulator.versionRequestCount("1.21.4") == 1)
            #expect(world.simulator.manifestRequestCount == 1)
        }
    }

    @Test("the manifest unreachable: the built-in table serves, one warning is logged, and the source is asked again after the pause")
    func unreachable() async throws {
        try await Self.with(versions: VersionManifestSimulator.sampleVersions + [Self.onlyInManifest], reachable: false) { world in
            let catalog = world.catalog()
            #expect(try await catalog.release("1.20.6") == MinecraftRelease(id: "1.20.6", javaMajorVersion: 21))
            #expect(try await catalog.release("latest")?.id == "26.2")
            #expect(try await catalog.release("26.3") == nil)
            #expect(try await catalog.closestReleases(to: "1.21.12", limit: 3) == ["26.1", "1.21.11", "1.21.10"])
            #expect(world.logs.text.components(separatedBy: "cannot read Mojang's version manifest").count - 1 == 1)
            #expect(try await MinecraftReleaseTable.list(on: world.pool).isEmpty)

            try await world.simulator.setReachable(true)
            _ = try await catalog.release("1.21")
            #expect(world.simulator.manifestRequestCount == 0, "within the pause after a failure the source is left alone")
            world.clock.advance(by: .seconds(601))
            #expect(try await catalog.release("26.3")?.id == "26.3")
            #expect(world.simulator.manifestRequestCount == 1)
            #expect(world.logs.text.contains("can be read again"))
        }
    }

    @Test("in the pause after a failed read, calls are answered without reading the table again (nothing stored, or stale rows)",
          arguments: [false, true])
    func pauseReadsNothing(storedBefore: Bool) async throws {
        try await Self.with(versions: VersionManifestSimulator.sampleVersions + [Self.onlyInManifest], reachable: storedBefore) { world in
            let catalog = world.catalog()
            if storedBefore {
                #expect(try await catalog.release("26.3")?.id == "26.3")
                try await world.simulator.setReachable(false)
                world.clock.advance(by: .seconds(25 * 3600))
            }
            #expect(try await catalog.release("1.20.6")?.id == "1.20.6")
            // Any read of the table fails from here on: the calls below must answer without one.
            try await world.pool.query(Query(unsafeSQL: #"ALTER TABLE "MinecraftRelease" RENAME TO "MinecraftReleaseAway""#), named: "hide the table")
            #expect(try await catalog.release("1.21.4")?.id == "1.21.4")
            #expect(try await catalog.release("26.3")?.id == (storedBefore ? "26.3" : nil))
            #expect(try await catalog.closestReleases(to: "1.21.12", limit: 2) == ["26.1", "1.21.11"])
            world.clock.advance(by: .seconds(599))
            #expect(try await catalog.release("1.21")?.id == "1.21")
            try await world.pool.query(Query(unsafeSQL: #"ALTER TABLE "MinecraftReleaseAway" RENAME TO "MinecraftRelease""#), named: "restore the table")
            #expect(world.simulator.manifestRequestCount == (storedBefore ? 1 : 0))
        }
    }

    @Test("a 500 or a malformed manifest at refresh time: the rows stored before keep serving", arguments: [
        VersionManifestFault.status(500), .malformed, .status(404),
    ])
    func failedRefreshKeepsRows(injected: VersionManifestFault) async throws {
        try await Self.with(versions: VersionManifestSimulator.sampleVersions + [Self.onlyInManifest]) { world in
            let catalog = world.catalog()
            let first = try await catalog.release("26.3")
            #expect(first?.id == "26.3")
            world.simulator.fault = injected
            world.clock.advance(by: .seconds(25 * 3600))
            #expect(try await catalog.release("26.3")?.id == "26.3", "the stale rows serve, not the built-in table")
            #expect(try await catalog.release("1.20.1")?.javaMajorVersion == 17, "a Java that cannot be read comes from the built-in table")
            #expect(try await world.storedJava("1.20.1") == nil, "a guess is not stored")
            #expect(world.simulator.manifestRequestCount == 2)
            #expect(world.logs.text.components(separatedBy: "cannot read Mojang's version manifest").count - 1 == 1)
        }
    }

    @Test("the adapter turns each bad answer into a clear failure", arguments: [
        (VersionManifestFault.status(500), PortFailure.Kind.transient, "HTTP 500"),
        (.status(429), .transient, "HTTP 429"),
        (.status(404), .permanent, "HTTP 404"),
        (.malformed, .permanent, "is not a manifest"),
        (.oversized(bytes: 3 << 20), .permanent, "more than 2 MiB"),
    ])
    func adapterFailures(injected: VersionManifestFault, kind: PortFailure.Kind, fragment: String) async throws {
        var limits = MojangVersionManifest.Limits()
        limits.maxManifestBytes = 2 << 20
        try await Self.with(limits: limits) { world in
            world.simulator.fault = injected
            await #expect { _ = try await world.source.manifest() } throws: { error in
                guard let failure = error as? PortFailure else { return false }
                return failure.kind == kind && failure.message.contains(fragment)
            }
        }
    }

    @Test("the adapter reads the manifest newest first with each version's type, and a down host is transient")
    func adapterReads() async throws {
        try await Self.with { world in
            let manifest = try await world.source.manifest()
            #expect(manifest.latestRelease == "26.2")
            #expect(manifest.versions.first?.id == "26.3-snapshot-1" && manifest.versions.first?.type == "snapshot")
            #expect(manifest.versions.filter { $0.type == "release" }.count == 11)
            let entry = try #require(manifest.versions.first { $0.id == "1.17.1" })
            #expect(try await world.source.javaMajorVersion(of: entry) == 16)
            try await world.simulator.setReachable(false)
            await #expect { _ = try await world.source.manifest() } throws: { ($0 as? PortFailure)?.kind == .transient }
        }
    }
}
