public import Clocks
import Foundation
import Lending
public import Logging
import PanelSimulator
public import Postgres

/// The sandbox's own database on the cluster `DATABASE_URL` names (`lending_sandbox` by default),
/// so that its made-up loans never mix with a real bot's. It is created when missing, migrated,
/// and emptied at every start: the simulated Discord and panel start empty too, and rows left
/// from a previous run would point at accounts and messages that no longer exist.
public enum SandboxDatabase {
    public static let defaultName = "lending_sandbox"

    /// What `COMMENT ON DATABASE` says of a database the sandbox created. The sandbox empties only
    /// a database that carries it, so neither a typo in `--database` nor a `DATABASE_URL` whose
    /// database libpq reads from elsewhere (`?dbname=`, the user's name, `PGDATABASE`) can make it
    /// empty a real one.
    static let marker = "lending-bot sandbox: emptied at every start"

    /// `url` with its database replaced by `name`: a URI gets a new path and loses any `dbname`
    /// query parameter (libpq would let it win over the path), a keyword string gets a trailing
    /// `dbname` (libpq keeps the last value of a keyword).
    public static func url(_ url: String, database name: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://"), var components = URLComponents(string: trimmed) {
            components.path = "/" + name
            let query = components.queryItems?.filter { $0.name != "dbname" && $0.name != "service" }
            components.queryItems = query?.isEmpty == true ? nil : query
            if let string = components.string { return string }
        }
        return trimmed + " dbname='\(name)'"
    }

    /// Creates the database on the cluster of `clusterURL`, marked as the sandbox's, unless it
    /// exists. Refuses the database `clusterURL` itself connects to.
    public static func create(named name: String, clusterURL: String, logger: Logger) async throws {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }), !name.isEmpty else {
            throw SandboxError("the sandbox database name may hold only letters, digits and underscores")
        }
        let admin = PostgresPool(try ConnectionConfiguration(clusterURL), maximumConnections: 1, logger: logger)
        do {
            let current = try await admin.query("SELECT current_database() AS name", named: "current database").singleRow().decode("name", as: String.self)
            guard current != name else {
                throw SandboxError("--database: \(name) is DATABASE_URL's own database, and the sandbox empties its database at every start; choose another name")
            }
            let existing = try await admin.query("SELECT 1 FROM pg_database WHERE datname = \(name)", named: "find sandbox database")
            if existing.isEmpty {
                try await admin.query(Query(unsafeSQL: "CREATE DATABASE \"\(name)\""), named: "create sandbox database")
                try await admin.query(Query(unsafeSQL: "COMMENT ON DATABASE \"\(name)\" IS '\(marker)'"), named: "mark sandbox database")
            }
        } catch let error as PostgresError where error.sqlState == SQLState(rawValue: "42P04") {
            // duplicate_database: created (and marked) by a sandbox started at the same moment.
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
    }

    /// Refuses to go on unless `pool` is connected to database `name` and that database carries the
    /// sandbox's mark: what `prepare` empties must be the sandbox's and nothing else.
    static func requireSandboxDatabase(_ pool: PostgresPool, named name: String) async throws {
        let row = try await pool.query(
            "SELECT current_database() AS name, shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = current_database()",
            named: "sandbox database mark").singleRow()
        let connected = try row.decode("name", as: String.self)
        let mark = try row.decode("mark", as: String?.self)
        guard connected == name else {
            throw SandboxError("the sandbox connected to database \(connected), not \(name); check DATABASE_URL for a dbname or service parameter")
        }
        guard mark == marker else {
            throw SandboxError("database \(name) was not created by the sandbox, which empties its database at every start; drop it or choose another --database")
        }
    }

    /// Checks the mark, applies the migrations, empties every table but Prisma's own, and seeds the server pool.
    public static func prepare(pool: PostgresPool, named name: String, migrations: [Migration], clock: BotClock,
                               logger: Logger) async throws -> Migrator.Report {
        try await requireSandboxDatabase(pool, named: name)
        let report = try await Migrator(pool: pool, logger: logger).migrate(migrations)
        let tables = try await pool.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename",
            named: "sandbox tables")
        let names = try tables.rows.map { "\"\(try $0.decode("tablename", as: String.self))\"" }
        if !names.isEmpty {
            try await pool.query(Query(unsafeSQL: "TRUNCATE \(names.joined(separator: ", ")) RESTART IDENTITY CASCADE"), named: "empty sandbox tables")
        }
        for number in 1...SandboxPeople.serverCount {
            // Of the type its egg says, as `server-binding set` would read it (`SandboxSimulators.egg(of:)`).
            _ = try await ServerBindingTable.insert(name: SandboxPeople.serverName(number), pteroId: SandboxPeople.serverIdentifier(number),
                                                    serverType: ServerType.fromEgg(named: SandboxSimulators.egg(of: number).name), at: clock.date,
                                                    on: pool)
        }
        return report
    }
}

/// Why the sandbox could not start: one line for the person who ran it.
public struct SandboxError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
