public import Clocks
public import Foundation
public import Logging
public import Postgres

/// Which releases exist, from Mojang's version manifest cached in `"MinecraftRelease"`.
///
/// The manifest is read again when the cache is older than `refreshInterval` (on the workflow's
/// clock), by the first caller that finds it so; callers meanwhile wait for that one read rather
/// than start their own. The table is shared by every bot instance and survives restarts, so a
/// fresh start reads the stored rows instead of the network. A release's own JSON is read only
/// when its Java is asked for and not yet known, then kept in its row: the manifest lists
/// hundreds of versions, and a loan needs one.
///
/// When the source fails, what was last stored serves, or the built-in table when nothing ever
/// was; the source is not asked again before `retryAfterFailure`, so a dead network costs one
/// timeout per interval rather than one per request. The first failure logs a warning, the
/// recovery a notice; the failures between them are quiet.
public actor CachedMinecraftVersionCatalog: MinecraftVersionCatalog {
    public struct Configuration: Sendable {
        /// How long a read manifest stays good (`MINECRAFT_VERSIONS_REFRESH_HOURS`).
        public var refreshInterval: Duration
        /// How long after a failed read the source is left alone.
        public var retryAfterFailure: Duration

        public init(refreshInterval: Duration = .seconds(24 * 3600), retryAfterFailure: Duration = .seconds(600)) {
            self.refreshInterval = refreshInterval
            self.retryAfterFailure = retryAfterFailure
        }
    }

    /// What the cache holds, in memory.
    struct Snapshot: Sendable {
        var index: MinecraftReleaseIndex
        var releases: [String: MinecraftReleaseRecord]
        /// Java read from a release's JSON since the rows were loaded.
        var java: [String: Int] = [:]
        var fetchedAt: Date
    }

    let pool: PostgresPool
    let source: any VersionManifestSource
    let clock: BotClock
    let configuration: Configuration
    let logger: Logger

    private var snapshot: Snapshot?
    private var refreshing: Task<Snapshot?, any Error>?
    /// Set after a failed read: the source is not asked before then.
    private var quietUntil: Date?
    private var isFailing = false

    public init(pool: PostgresPool, source: any VersionManifestSource, clock: BotClock, configuration: Configuration = Configuration(),
                logger: Logger) {
        self.pool = pool
        self.source = source
        self.clock = clock
        self.configuration = configuration
        self.logger = logger
    }

    public func release(_ requested: String) async throws -> MinecraftRelease? {
        guard let current = try await current() else { return try await BuiltInMinecraftVersionCatalog().release(requested) }
        guard let version = current.index.resolve(requested), let record = current.releases[version.description] else { return nil }
        if let java = current.java[record.id] ?? record.javaMajorVersion {
            return MinecraftRelease(id: record.id, javaMajorVersion: java)
        }
        return MinecraftRelease(id: record.id, javaMajorVersion: try await readJava(of: record, version: version))
    }

    public func closestReleases(to requested: String, limit: Int) async throws -> [String] {
        let index = try await current()?.index ?? BuiltInMinecraftReleases.index
        return index.closest(to: requested, limit: limit)
    }

    // MARK: The manifest

    /// The cache, read again when stale; nil when nothing was ever stored and the source fails.
    func current() async throws -> Snapshot? {
        let now = clock.date
        if let snapshot, !isStale(snapshot.fetchedAt, at: now) { return snapshot }
        // In the pause after a failed read, what is held serves as it is (stale rows, or nothing and
        // so the built-in table): reading the table again would find what the failed refresh found,
        // and cost every filing a query for as long as Mojang cannot be reached. Rows another
        // instance stores meanwhile are read when the pause ends.
        if let quietUntil, now < quietUntil { return snapshot }
        if let refreshing { return try await refreshing.value }
        let task = Task { try await self.refresh(at: now) }
        refreshing = task
        defer { refreshing = nil }
        return try await task.value
    }

    private func refresh(at now: Date) async throws -> Snapshot? {
        // Another instance, or an earlier run, may have read the manifest already.
        let stored = try await load()
        if let stored, !isStale(stored.fetchedAt, at: now) {
            snapshot = stored
            return stored
        }
        if let quietUntil, now < quietUntil {
            snapshot = stored ?? snapshot
            return snapshot
        }
        let manifest: VersionManifest
        do {
            manifest = try await source.manifest()
            guard manifest.versions.contains(where: { $0.type == VersionManifest.Entry.releaseType }) else {
                throw PortFailure.permanent("the version manifest lists no release")
            }
        } catch {
            sourceFailed(error, at: now, reading: "the version manifest")
            snapshot = stored ?? snapshot
            return snapshot
        }
        let releases = manifest.versions.filter { $0.type == VersionManifest.Entry.releaseType }
        try await pool.withTransaction { transaction in
            try await MinecraftReleaseTable.replace(with: releases, latest: manifest.latestRelease, at: now, on: transaction)
        }
        sourceRecovered()
        logger.debug("version manifest read", metadata: ["versions.releases": "\(releases.count)", "versions.latest": "\(manifest.latestRelease)"])
        snapshot = try await load()
        return snapshot
    }

    private func load() async throws -> Snapshot? {
        let records = try await MinecraftReleaseTable.list(on: pool)
        guard let fetchedAt = records.map(\.fetchedAt).max() else { return nil }
        let index = MinecraftReleaseIndex(ids: records.map(\.id), latest: records.first(where: \.isLatest)?.id)
        return Snapshot(index: index, releases: Dictionary(records.map { ($0.id, $0) }) { _, last in last }, fetchedAt: fetchedAt)
    }

    private func isStale(_ fetchedAt: Date, at now: Date) -> Bool {
        now >= fetchedAt.adding(configuration.refreshInterval) || now < fetchedAt
    }

    // MARK: One release's Java

    /// Reads the release's own JSON once and keeps its Java in the row; while the source fails,
    /// the built-in table's figure serves and nothing is stored.
    private func readJava(of record: MinecraftReleaseRecord, version: MinecraftVersion) async throws -> Int {
        let now = clock.date
        if let quietUntil, now < quietUntil { return version.builtInJavaMajorVersion }
        let java: Int
        do {
            let entry = VersionManifest.Entry(id: record.id, type: VersionManifest.Entry.releaseType, url: record.url, releaseTime: record.releaseTime)
            // The oldest releases' JSON names no Java: they run on 8, as the built-in table says.
            java = try await source.javaMajorVersion(of: entry) ?? version.builtInJavaMajorVersion
        } catch {
            sourceFailed(error, at: now, reading: "the JSON of release \(record.id)")
            return version.builtInJavaMajorVersion
        }
        sourceRecovered()
        try await MinecraftReleaseTable.setJavaMajorVersion(java, id: record.id, url: record.url, on: pool)
        snapshot?.java[record.id] = java
        return java
    }

    // MARK: Failures

    private func sourceFailed(_ error: any Error, at now: Date, reading what: String) {
        quietUntil = now.adding(configuration.retryAfterFailure)
        guard !isFailing else { return }
        isFailing = true
        logger.warning("cannot read Mojang's version manifest; the last stored releases or the built-in table serve",
                       metadata: ["versions.reading": "\(what)", "error": "\(error)"])
    }

    private func sourceRecovered() {
        quietUntil = nil
        guard isFailing else { return }
        isFailing = false
        logger.notice("Mojang's version manifest can be read again")
    }
}

