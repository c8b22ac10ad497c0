import CLibPQ
import Foundation
import Glibc
import Logging

/// The one file that calls libpq. Everything here is synchronous and blocking: `LibPQConnection` is
/// owned by a `PostgresConnection` actor whose executor is a dedicated thread.
enum LibPQ {
    /// The options `PQconninfoParse` finds in a URI or keyword string, or libpq's complaint.
    static func parseConninfo(_ text: String) -> Result<[String: String], ParseFailure> {
        var errorMessage: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &errorMessage) else {
            defer { PQfreemem(errorMessage) }
            return .failure(ParseFailure(reason: errorMessage.map { String(cString: $0) } ?? "out of memory"))
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                values[String(cString: keyword)] = String(cString: value)
            }
            option += 1
        }
        return .success(values)
    }

    struct ParseFailure: Error {
        let reason: String
    }
}

/// Receives libpq's NOTICE and WARNING messages, which would otherwise go to stderr.
private final class NoticeSink {
    let logger: Logger

    init(logger: Logger) {
        self.logger = logger
    }
}

private func receiveNotice(_ context: UnsafeMutableRawPointer?, _ result: OpaquePointer?) {
    guard let context, let result else { return }
    let sink = Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue()
    let message = field(result, "M") ?? ""
    let severity = field(result, "V") ?? "NOTICE"
    let level: Logger.Level = severity == "WARNING" ? .info : .debug
    sink.logger.log(level: level, "postgres notice", metadata: [
        "postgres.severity": "\(severity)",
        "postgres.message": "\(message)",
        "postgres.sqlstate": "\(field(result, "C") ?? "")",
    ])
}

/// One field of an error or notice result (`PQresultErrorField`), by its one-letter code.
private func field(_ result: OpaquePointer, _ code: Character) -> String? {
    guard let ascii = code.asciiValue, let value = PQresultErrorField(result, Int32(ascii)) else { return nil }
    return String(cString: value)
}

/// A libpq session (`PGconn`). Not thread-safe and not Sendable: exactly one actor owns it.
///
/// Each statement is prepared (named, parsed and planned by the server) the first time the session
/// sends it, in the same round trip as its execution, and executed by name after that: the bot
/// sends a few dozen fixed texts over and over, and parsing and planning them anew was about 40 %
/// of the server's CPU time per interaction.
final class LibPQConnection {
    private let handle: OpaquePointer
    private let noticeSink: NoticeSink
    private let configuration: ConnectionConfiguration
    /// The statements this session has prepared, by SQL text.
    private var prepared: [String: PreparedStatement] = [:]
    /// How many names the session has given; a name is never given twice in a session.
    private var namesGiven = 0

    private struct PreparedStatement {
        let name: String
        let types: [Oid]
    }

    /// The most statements one session keeps prepared: the bot's texts are fixed, but a text made
    /// per call would otherwise fill the server's memory. Beyond it, statements run unprepared.
    static let maxPreparedStatements = 256

    /// Opens a session with `PQconnectdbParams`. The conninfo goes in as an expandable `dbname`, after
    /// defaults it may override (a connect timeout, the application name).
    static func connect(_ configuration: ConnectionConfiguration, logger: Logger) -> Result<LibPQConnection, PostgresError> {
        var keywords = ["connect_timeout", "fallback_application_name", "dbname"]
        var values = ["10", "lending-bot", configuration.conninfo]
        if let database = configuration.databaseOverride {
            // Only the first dbname is expanded as a URI or conninfo; a later one is a plain name.
            keywords.append("dbname")
            values.append(database)
        }
        let handle = withCStringArray(keywords) { keywordPointers in
            withCStringArray(values) { valuePointers in
                PQconnectdbParams(keywordPointers, valuePointers, 1)
            }
        }
        guard let handle else {
            return .failure(PostgresError(.connectionFailed, operation: "connect", message: "libpq could not allocate a connection"))
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = configuration.scrub(errorMessage(handle))
            PQfinish(handle)
            return .failure(PostgresError(.connectionFailed, operation: "connect", message: message))
        }
        let connection = LibPQConnection(handle: handle, configuration: configuration, logger: logger)
        if case .failure(let error) = connection.configureSession() {
            return .failure(error)
        }
        return .success(connection)
    }

    private init(handle: OpaquePointer, configuration: ConnectionConfiguration, logger: Logger) {
        self.handle = handle
        self.noticeSink = NoticeSink(logger: logger)
        self.configuration = configuration
        PQsetNoticeReceiver(handle, receiveNotice, Unmanaged.passUnretained(noticeSink).toOpaque())
    }

    deinit {
        PQfinish(handle)
    }

    /// Every session stores and reads timestamps as UTC, whatever the server's default zone.
    private func configureSession() -> Result<Void, PostgresError> {
        executeScript("SET TIME ZONE 'UTC'", name: "configure session").map { _ in }
    }

    var isInTransaction: Bool {
        PQtransactionStatus(handle) != PQTRANS_IDLE
    }

    /// Whether the session still works, checked without a round trip: an idle session whose socket is
    /// readable has been told something (after a server restart: FATAL 57P01, then end of file), and
    /// `PQconsumeInput` turns that into `CONNECTION_BAD`.
    func isUsable() -> Bool {
        guard PQstatus(handle) == CONNECTION_OK, PQpipelineStatus(handle) == PQ_PIPELINE_OFF else { return false }
        guard PQtransactionStatus(handle) == PQTRANS_IDLE else { return true }
        // One read may return the FATAL message and leave the end of file for the next, so read
        // until the socket has nothing more to say or the session is known to be gone.
        for _ in 0..<4 {
            var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0 else { break }
            guard PQconsumeInput(handle) == 1 else { break }
        }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Re-opens the session with the same parameters (`PQreset`); the new server session has
    /// prepared nothing.
    func reset() -> Result<Void, PostgresError> {
        forgetPreparedStatements()
        PQreset(handle)
        guard PQstatus(handle) == CONNECTION_OK else {
            return .failure(PostgresError(.connectionFailed, operation: "reconnect", message: configuration.scrub(Self.errorMessage(handle))))
        }
        return configureSession()
    }

    /// Runs one parameterised statement with `PQexecParams`, text format in and out, unprepared:
    /// for a session that cannot enter pipeline mode.
    private func execute(_ query: Query) -> Result<QueryResult, PostgresError> {
        let types = query.binds.map { Oid($0.type.rawValue) }
        let texts = query.binds.map(\.text)
        let result = withOptionalCStringArray(texts) { valuePointers in
            PQexecParams(handle, query.sql, Int32(texts.count), types, valuePointers, nil, nil, 0)
        }
        return collect(result, name: query.name)
    }

    /// Sends `earlier` and then `query` in one round trip, with libpq's pipeline mode, and returns
    /// the query's result, or the first failure (the server then skips the statements after it).
    /// A transaction's BEGIN and the statements queued before its next one travel this way, so
    /// they cost no wait of their own.
    func execute(_ query: Query, after earlier: [Query]) -> Result<QueryResult, PostgresError> {
        execute(pipeline: earlier + [query], answers: 1).map { $0[0] }
    }

    /// Sends `statements` in one round trip and returns the results of the last `answers` of them
    /// (`answers` ≥ 1), or the first failure: the server then skips the statements after it.
    ///
    /// A statement whose prepared copy is out of date (a migration changed the columns it returns,
    /// or something made the server forget it) is prepared again on its next use. Outside a
    /// transaction the round trip is then simply sent again, since the server rolled all of it
    /// back; inside one, the failure is `.staleStatement`, which `withTransaction` runs again.
    func execute(pipeline statements: [Query], answers: Int) -> Result<[QueryResult], PostgresError> {
        let outcome = executeOnce(pipeline: statements, answers: answers)
        guard case .failure(let error) = outcome, error.kind == .staleStatement, !isInTransaction else { return outcome }
        return executeOnce(pipeline: statements, answers: answers)
    }

    private func executeOnce(pipeline statements: [Query], answers: Int) -> Result<[QueryResult], PostgresError> {
        let firstAnswer = statements.count - answers
        guard PQenterPipelineMode(handle) == 1 else {
            var results: [QueryResult] = []
            for statement in statements {
                switch execute(statement) {
                case .failure(let error): return .failure(error)
                case .success(let result): results.append(result)
                }
            }
            return .success(Array(results[firstAnswer...]))
        }
        var sending: [Sending] = []
        for statement in statements {
            guard let sent = send(statement) else { break }
            sending.append(sent)
        }
        guard sending.count == statements.count, PQpipelineSync(handle) == 1 else {
            // What was sent is never read: the session is left in pipeline mode, which `isUsable` refuses.
            forgetPreparedStatements()
            return .failure(PostgresError(.connectionLost, operation: statements[0].name, message: configuration.scrub(Self.errorMessage(handle))))
        }
        var failure: PostgresError?
        var results: [QueryResult] = []
        for (index, (statement, sent)) in zip(statements, sending).enumerated() {
            if case .preparing(let name) = sent {
                // The preparation's own result comes before the execution's.
                if case .failure(let error) = nextPipelined(name: statement.name) {
                    forget(statement.sql, named: name)
                    failure = failure ?? error
                }
            }
            switch nextPipelined(name: statement.name) {
            case .failure(let error):
                failure = failure ?? outdated(error, of: statement, sent: sent)
            case .success(let result) where index >= firstAnswer: results.append(result)
            case .success: break
            }
        }
        // The pipeline ends with its sync point; only then may the session leave pipeline mode.
        // A session that cannot (it was lost meanwhile) stays in it, and `isUsable` says no.
        if let sync = PQgetResult(handle) { PQclear(sync) }
        _ = PQexitPipelineMode(handle)
        if let failure { return .failure(failure) }
        guard results.count == answers else {
            return .failure(PostgresError(.connectionLost, operation: statements[firstAnswer].name, message: configuration.scrub(Self.errorMessage(handle))))
        }
        return .success(results)
    }

    /// How a statement went into a pipeline.
    private enum Sending {
        case unprepared
        case byName(String)
        /// Prepared under this name in the same round trip, then executed by it.
        case preparing(String)
    }

    /// Queues `statement` in the pipeline: by name when the session has prepared it, prepared
    /// first otherwise (while there is room). Nil when libpq could not queue it.
    private func send(_ statement: Query) -> Sending? {
        let types = statement.binds.map { Oid($0.type.rawValue) }
        let texts = statement.binds.map(\.text)
        return withOptionalCStringArray(texts) { values -> Sending? in
            let count = Int32(texts.count)
            if let known = prepared[statement.sql], known.types == types {
                return PQsendQueryPrepared(handle, known.name, count, values, nil, nil, 0) == 1 ? .byName(known.name) : nil
            }
            // The same text with other parameter types (none of the bot's) runs as it is rather than
            // replace the prepared copy.
            guard prepared[statement.sql] == nil, prepared.count < Self.maxPreparedStatements else {
                return PQsendQueryParams(handle, statement.sql, count, types, values, nil, nil, 0) == 1 ? .unprepared : nil
            }
            namesGiven += 1
            let name = "lending_\(namesGiven)"
            // Kept at once, so the same text later in this pipeline is sent by name; forgotten if
            // the server refuses or skips the preparation.
            prepared[statement.sql] = PreparedStatement(name: name, types: types)
            guard PQsendPrepare(handle, name, statement.sql, count, types) == 1,
                  PQsendQueryPrepared(handle, name, count, values, nil, nil, 0) == 1 else { return nil }
            return .preparing(name)
        }
    }

    /// `error` as `.staleStatement` when it says the session's prepared copy of `statement` is out
    /// of date: 0A000 (a cached plan's columns changed under it) or 26000 (the server no longer
    /// knows the name). The copy, or every copy for 26000, is forgotten, to be prepared again.
    private func outdated(_ error: PostgresError, of statement: Query, sent: Sending) -> PostgresError {
        guard case .byName(let name) = sent, let state = error.sqlState,
              state == .featureNotSupported || state == .invalidStatementName else { return error }
        if state == .invalidStatementName { forgetPreparedStatements() } else { forget(statement.sql, named: name) }
        return PostgresError(.staleStatement, operation: error.operation, message: error.message)
    }

    private func forget(_ sql: String, named name: String) {
        if prepared[sql]?.name == name { prepared[sql] = nil }
    }

    private func forgetPreparedStatements() {
        prepared.removeAll()
    }

    /// The result of a pipeline's next statement, with the end-of-statement marker after it read.
    private func nextPipelined(name: String) -> Result<QueryResult, PostgresError> {
        guard let result = PQgetResult(handle) else {
            return .failure(PostgresError(.connectionLost, operation: name, message: configuration.scrub(Self.errorMessage(handle))))
        }
        let outcome: Result<QueryResult, PostgresError>
        if PQresultStatus(result) == PGRES_PIPELINE_ABORTED {
            PQclear(result)
            outcome = .failure(PostgresError(.connectionLost, operation: name, message: "skipped: the statement before it failed"))
        } else {
            outcome = collect(result, name: name)
        }
        while let extra = PQgetResult(handle) { PQclear(extra) }
        return outcome
    }

    /// Runs SQL text that may hold several statements (`PQexec`, the simple query protocol), as a
    /// migration file does. Returns the last statement's result.
    func executeScript(_ sql: String, name: String) -> Result<QueryResult, PostgresError> {
        collect(PQexec(handle, sql), name: name)
    }

    private func collect(_ result: OpaquePointer?, name: String) -> Result<QueryResult, PostgresError> {
        guard let result else {
            return .failure(PostgresError(.connectionLost, operation: name, message: configuration.scrub(Self.errorMessage(handle))))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return .success(Self.copy(result, name: name))
        default:
            return .failure(error(from: result, name: name))
        }
    }

    private func error(from result: OpaquePointer, name: String) -> PostgresError {
        let message = field(result, "M") ?? Self.errorMessage(handle)
        // FATAL ends the session (57P01 when the server shuts down), even while libpq, reading a
        // pipeline's results, has not yet seen the socket close.
        let severity = field(result, "V")
        guard PQstatus(handle) == CONNECTION_OK, severity != "FATAL", severity != "PANIC", let state = field(result, "C") else {
            return PostgresError(.connectionLost, operation: name, message: configuration.scrub(message))
        }
        let detail = [field(result, "D"), field(result, "H").map { "hint: \($0)" }].compactMap { $0 }.joined(separator: "; ")
        return PostgresError(
            .server(SQLState(rawValue: state)),
            operation: name,
            message: configuration.scrub(message),
            detail: detail.isEmpty ? nil : configuration.scrub(detail),
            constraint: field(result, "n")
        )
    }

    private static func copy(_ result: OpaquePointer, name: String) -> QueryResult {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { index in
            QueryResult.Column(
                name: String(cString: PQfname(result, Int32(index))),
                type: PostgresType(rawValue: UInt32(PQftype(result, Int32(index))))
            )
        }
        var values: [String?] = []
        values.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                values.append(PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column)))
            }
        }
        let affected = PQcmdTuples(result).map { Int(String(cString: $0)) ?? 0 } ?? 0
        return QueryResult(columns: columns, values: values, affectedRows: affected, statementName: name)
    }

    /// `PQerrorMessage` folded onto one line.
    private static func errorMessage(_ handle: OpaquePointer) -> String {
        let text = PQerrorMessage(handle).map { String(cString: $0) } ?? "unknown libpq error"
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "; ")
    }
}

/// Lends C strings for the duration of `body`; they are freed afterwards.
private func withCStringArray<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    withOptionalCStringArray(strings.map { Optional($0) }) { pointers in
        body(pointers + [nil])
    }
}

private func withOptionalCStringArray<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { $0.flatMap { strdup($0) } }
    defer { copies.forEach { free($0) } }
    return body(copies.map { $0.map { UnsafePointer($0) } })
}
