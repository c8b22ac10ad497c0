/// Where and how to connect: the value of `DATABASE_URL`, checked but never printed.
///
/// Accepts libpq's two forms, a URI (`postgresql://user:pass@host:5432/db?sslmode=require`) and a
/// keyword string (`host=/run/pg user=bot dbname=lending`). The password is kept only to scrub it from
/// messages; `description` shows `user@host:port/dbname`.
public struct ConnectionConfiguration: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let conninfo: String
    /// A database that replaces the one in `conninfo`, passed to libpq as a second `dbname`.
    let databaseOverride: String?
    private let password: String?
    public let host: String
    public let port: String
    public let user: String?
    public let database: String?

    /// Parses `text` with `PQconninfoParse`; throws `.invalidConnectionString` with libpq's reason, in
    /// which every quoted fragment of the input is elided unless it is an option name, since it could
    /// be part of the password.
    public init(_ text: String) throws(PostgresError) {
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else {
            throw PostgresError(.invalidConnectionString, operation: "DATABASE_URL", message: "is empty")
        }
        let options: [String: String]
        switch LibPQ.parseConninfo(trimmed) {
        case .success(let parsed):
            options = parsed
        case .failure(let failure):
            throw PostgresError(
                .invalidConnectionString,
                operation: "DATABASE_URL",
                message: "not a valid PostgreSQL URL or libpq conninfo string: \(Self.elidingQuotedValues(in: failure.reason))"
            )
        }
        // libpq checks the port only when connecting; a typo there is a configuration error now.
        if let ports = options["port"], ports.split(separator: ",", omittingEmptySubsequences: false).contains(where: { Int($0).map { !(1...65_535).contains($0) } ?? true }) {
            throw PostgresError(.invalidConnectionString, operation: "DATABASE_URL", message: "the port must be a number from 1 to 65535")
        }
        conninfo = trimmed
        databaseOverride = nil
        password = options["password"].flatMap { $0.isEmpty ? nil : $0 }
        host = options["hostaddr"] ?? options["host"] ?? "localhost"
        port = options["port"] ?? "5432"
        user = options["user"]
        database = options["dbname"]
    }

    private init(copying base: ConnectionConfiguration, database: String) {
        conninfo = base.conninfo
        databaseOverride = database
        password = base.password
        host = base.host
        port = base.port
        user = base.user
        self.database = database
    }

    /// The same server and credentials with another database: how tests get a database of their own.
    public func withDatabase(_ name: String) -> ConnectionConfiguration {
        ConnectionConfiguration(copying: self, database: name)
    }

    public var description: String {
        let userPart = user.map { "\($0)@" } ?? ""
        let databasePart = database.map { "/\($0)" } ?? ""
        return "\(userPart)\(host):\(port)\(databasePart)"
    }

    public var debugDescription: String { description }

    /// Removes the password from a libpq message, wherever libpq quoted it back.
    func scrub(_ message: String) -> String {
        guard let password else { return message }
        return message.replacingAll(password, with: "<redacted>")
    }

    /// libpq's option names, which may stay in a parse error; any other quoted text is elided.
    private static let optionNames: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives",
        "sslmode", "sslcert", "sslkey", "sslrootcert", "sslcrl", "target_session_attrs", "service",
    ]

    private static func elidingQuotedValues(in message: String) -> String {
        var output = ""
        var quoted: String?
        for character in message {
            if character == "\"" {
                if let text = quoted {
                    output += optionNames.contains(text) ? "\"\(text)\"" : "\"…\""
                    quoted = nil
                } else {
                    quoted = ""
                }
            } else if quoted != nil {
                quoted?.append(character)
            } else {
                output.append(character)
            }
        }
        return output.trimmingASCIIWhitespace()
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
