import Foundation
import Hashing

/// One folder of `Prisma/migrations`: its name and the SQL in its `migration.sql`.
public struct Migration: Sendable, Equatable {
    public let name: String
    public let sql: String
    /// Lowercase hex SHA-256 of the file's bytes, as Prisma Migrate records it.
    public let checksum: String

    public init(name: String, sql: String) {
        self.init(name: name, bytes: Array(sql.utf8))
    }

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.sql = String(decoding: bytes, as: UTF8.self)
        self.checksum = Digest.sha256.hexString(bytes)
    }

    /// Reads every migration folder below `path`, in name order (Prisma's timestamps make that the
    /// order they were written in).
    ///
    /// A `migration_lock.toml` naming another provider than postgresql, or a folder without
    /// `migration.sql`, is an error rather than something to skip.
    public static func load(from path: String) throws(PostgresError) -> [Migration] {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PostgresError(.migrationsNotFound(path: path), operation: "load migrations", message: "no such folder")
        }
        let root = URL(fileURLWithPath: path, isDirectory: true)
        try checkLockFile(in: root)
        let entries: [String]
        do {
            entries = try files.contentsOfDirectory(atPath: path)
        } catch {
            throw PostgresError(.migrationsNotFound(path: path), operation: "load migrations", message: "cannot be read")
        }
        var migrations: [Migration] = []
        for name in entries.sorted() where !name.hasPrefix(".") {
            var entryIsDirectory: ObjCBool = false
            let folder = root.appendingPathComponent(name, isDirectory: true)
            guard files.fileExists(atPath: folder.path, isDirectory: &entryIsDirectory), entryIsDirectory.boolValue else { continue }
            guard let data = files.contents(atPath: folder.appendingPathComponent("migration.sql").path) else {
                throw PostgresError(.invalidMigration(name: name), operation: "load migrations", message: "it has no readable migration.sql")
            }
            migrations.append(Migration(name: name, bytes: Array(data)))
        }
        return migrations
    }

    private static func checkLockFile(in root: URL) throws(PostgresError) {
        let lockFile = root.appendingPathComponent("migration_lock.toml")
        guard let data = FileManager.default.contents(atPath: lockFile.path) else { return }
        var provider: String?
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2, parts[0] == "provider" {
                provider = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        guard provider == "postgresql" else {
            throw PostgresError(
                .invalidMigration(name: "migration_lock.toml"),
                operation: "load migrations",
                message: "the lock file names provider \(provider ?? "(none)"), expected postgresql"
            )
        }
    }
}
