public import struct Foundation.Date

extension Migrator {
    /// Where a database stands against the migrations folder, read without changing anything.
    public struct Status: Sendable, Equatable {
        /// Folder migrations recorded as applied, in folder order.
        public let applied: [String]
        /// Folder migrations not applied yet, in folder order.
        public let pending: [String]
        /// Recorded migrations whose folder no longer exists (a newer release migrated this database).
        public let unknownApplied: [String]
        /// Recorded as started but never finished: `migrate` refuses to go on until it is resolved.
        public let incomplete: [String]
        /// Applied migrations whose file no longer has the recorded checksum.
        public let changed: [String]
        /// When each migration recorded as applied (in the folder or not) finished.
        public let appliedAt: [String: Date]
    }

    /// Reads `_prisma_migrations` (absent: nothing applied) and compares it with `migrations`.
    /// Unlike `migrate`, it creates nothing, takes no lock and applies nothing.
    public func status(of migrations: [Migration]) async throws -> Status {
        let table = try await pool.query(Query(unsafeSQL: "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present"), named: "find _prisma_migrations")
        let isPresent: Bool = try table.rows.first?.decode("present") ?? false
        var finished: [String: String] = [:]
        var appliedAt: [String: Date] = [:]
        var incomplete: [String] = []
        if isPresent {
            let records = try Record.decode(try await pool.query(Record.query, named: "read _prisma_migrations"))
            for record in records where !record.isRolledBack {
                if record.isFinished {
                    finished[record.name] = record.checksum
                    appliedAt[record.name] = record.finishedAt
                } else {
                    incomplete.append(record.name)
                }
            }
        }
        let local = Set(migrations.map(\.name))
        return Status(
            applied: migrations.map(\.name).filter { finished[$0] != nil },
            pending: migrations.map(\.name).filter { finished[$0] == nil && !incomplete.contains($0) },
            unknownApplied: finished.keys.filter { !local.contains($0) }.sorted(),
            incomplete: incomplete,
            changed: migrations.filter { migration in finished[migration.name].map { $0 != migration.checksum } ?? false }.map(\.name),
            appliedAt: appliedAt
        )
    }
}
