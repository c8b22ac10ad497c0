import Postgres
import Testing

@Suite("Reading DATABASE_URL")
struct ConnectionConfigurationTests {
    @Test("the URI form is understood and printed without its password")
    func uri() throws {
        let configuration = try ConnectionConfiguration("postgresql://bot:s3cr%40t@db.example:6543/lending?sslmode=require")
        #expect(configuration.host == "db.example")
        #expect(configuration.port == "6543")
        #expect(configuration.user == "bot")
        #expect(configuration.database == "lending")
        #expect("\(configuration)" == "bot@db.example:6543/lending")
        #expect(!String(reflecting: configuration).contains("s3cr"))
    }

    @Test("the keyword form is understood")
    func keywords() throws {
        let configuration = try ConnectionConfiguration("host=/run/postgresql port=5433 user=bot dbname=lending password=hunter2")
        #expect(configuration.host == "/run/postgresql")
        #expect(configuration.port == "5433")
        #expect(!"\(configuration)".contains("hunter2"))
    }

    @Test("malformed values are refused with a reason that never repeats the password", arguments: [
        "postgresql://bot:hunter2@[::1/db",
        "postgresql://bot:hunter2@host:port/db",
        "host=x password=hunter2 port",
        "postgresql://bot:hunter2@host/db?nonsense=hunter2",
        "password='hunter2",
    ])
    func malformed(text: String) {
        let error = #expect(throws: PostgresError.self) { try ConnectionConfiguration(text) }
        let printed = "\(String(describing: error)) \(String(reflecting: error))"
        #expect(error?.kind == .invalidConnectionString)
        #expect(printed.contains("DATABASE_URL"))
        #expect(!printed.contains("hunter2"), "\(printed)")
    }

    @Test("an empty value is refused")
    func empty() {
        #expect(throws: PostgresError.self) { try ConnectionConfiguration("   ") }
    }
}
