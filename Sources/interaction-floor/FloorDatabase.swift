import CLibPQ
import Glibc

/// The filing's database work for the floor: one libpq connection in pipeline mode, blocking on
/// the calling thread, and the same shape as lending-bot's filing: two round trips, the first
/// opening the transaction and reading the member's open requests, the second inserting the
/// request, its panel users and an audit row and committing. Its own temporary tables: what is
/// measured is the client's side of the round trips, which does not depend on the schema.
final class FloorDatabase {
    private let connection: OpaquePointer

    private static let statements: [(name: String, sql: String)] = [
        ("begin", "BEGIN"),
        ("open", "SELECT count(*) FROM floor_request WHERE member = $1"),
        ("request", "INSERT INTO floor_request (member, description) VALUES ($1, $2)"),
        ("panel_users", "INSERT INTO floor_panel_user (request, discord_id) SELECT currval(pg_get_serial_sequence('floor_request', 'id')), unnest($1::text[])"),
        ("audit", "INSERT INTO floor_audit (request, action) VALUES (currval(pg_get_serial_sequence('floor_request', 'id')), $1)"),
        ("commit", "COMMIT"),
    ]

    init(url: String) throws {
        guard let connection = PQconnectdb(url), PQstatus(connection) == CONNECTION_OK else {
            throw FloorError("cannot connect to the database")
        }
        self.connection = connection
        try execute("""
            CREATE TEMPORARY TABLE floor_request (id bigserial PRIMARY KEY, member text NOT NULL, description text NOT NULL);
            CREATE TEMPORARY TABLE floor_panel_user (request bigint NOT NULL, discord_id text NOT NULL);
            CREATE TEMPORARY TABLE floor_audit (request bigint NOT NULL, action text NOT NULL);
            """)
        for statement in Self.statements {
            let result = PQprepare(connection, statement.name, statement.sql, 0, nil)
            defer { PQclear(result) }
            guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw FloorError("cannot prepare \(statement.name)") }
        }
        guard PQenterPipelineMode(connection) == 1 else { throw FloorError("libpq has no pipeline mode") }
    }

    /// Files a request of `member`: two round trips.
    func file(member: String, description: String) throws {
        try roundTrip([("begin", []), ("open", [member])])
        try roundTrip([("request", [member, description]), ("panel_users", ["{1400000000000000001,1400000000000000003}"]),
                       ("audit", ["filed"]), ("commit", [])])
    }

    private func roundTrip(_ queries: [(name: String, parameters: [String])]) throws {
        for query in queries {
            let sent = Self.withCStrings(query.parameters) { values in
                PQsendQueryPrepared(connection, query.name, Int32(values.count), values, nil, nil, 0)
            }
            guard sent == 1 else { throw FloorError("cannot send \(query.name)") }
        }
        guard PQpipelineSync(connection) == 1 else { throw FloorError("cannot sync the pipeline") }
        for query in queries {
            guard let result = PQgetResult(connection) else { throw FloorError("no result for \(query.name)") }
            let status = PQresultStatus(result)
            PQclear(result)
            guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw FloorError("\(query.name) failed") }
            PQclear(PQgetResult(connection))   // the NULL that ends each query's results
        }
        guard let sync = PQgetResult(connection) else { throw FloorError("no end of the pipeline") }
        defer { PQclear(sync) }
        guard PQresultStatus(sync) == PGRES_PIPELINE_SYNC else { throw FloorError("the pipeline did not end") }
    }

    private func execute(_ sql: String) throws {
        let result = PQexec(connection, sql)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw FloorError("cannot run \(sql)") }
    }

    private static func withCStrings<Result>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> Result) -> Result {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        return body(copies.map { UnsafePointer($0) })
    }
}
