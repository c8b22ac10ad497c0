import Foundation
import HTTP
import Secrets
import Testing
@testable import Pterodactyl

@Suite("Passwords")
struct PasswordTests {
    @Test("passwords are at least 16 characters from the documented alphabet with every character class")
    func shape() {
        for _ in 0..<200 {
            let password = PasswordGenerator.makePassword().revealed()
            #expect(password.count == PasswordGenerator.defaultLength)
            #expect(password.allSatisfy { PasswordGenerator.alphabet.contains($0) })
            #expect(password.contains(where: \.isUppercase) && password.contains(where: \.isLowercase) && password.contains(where: \.isNumber))
        }
        #expect(PasswordGenerator.makePassword(length: 4).revealed().count == PasswordGenerator.minimumLength)
    }

    @Test("passwords do not repeat and print as redacted")
    func unique() {
        let passwords = Set((0..<500).map { _ in PasswordGenerator.makePassword().revealed() })
        #expect(passwords.count == 500)
        let password = PasswordGenerator.makePassword()
        #expect("\(password)" == "<redacted>")
        #expect(!String(reflecting: password).contains(password.revealed()))
    }
}

@Suite("Usernames and emails")
struct UsernameTests {
    @Test("the panel's username rule", arguments: [
        ("alice", true), ("Alice", true), ("a.b-c_d", true), ("abc", true), ("ab", false), ("_abc", false), ("abc.", false),
        ("a b c", false), ("名前です", false), ("abc@x", false), (String(repeating: "a", count: 191), true), (String(repeating: "a", count: 192), false),
    ])
    func username(name: String, valid: Bool) {
        #expect(Username.isValid(name) == valid)
    }

    @Test("emails are compared whole, ignoring case, never as substrings")
    func emails() {
        #expect(EmailAddress.same("Bob@X.io", "bob@x.io"))
        #expect(!EmailAddress.same("jimbob@x.io", "bob@x.io"))
        #expect(EmailAddress.isValid("a+b@kpw.local"))
        #expect(!EmailAddress.isValid("no-at-sign"))
        #expect(!EmailAddress.isValid("a@b"))
        #expect(!EmailAddress.isValid("a @b.c"))
    }
}

@Suite("Panel errors")
struct PanelErrorTests {
    @Test("validation entries decode with string status, source field and rule")
    func decodesValidation() throws {
        let body = Data("""
            {"errors":[{"code":"ValidationException","status":"422","detail":"The email has already been taken.","meta":{"source_field":"email","rule":"unique"}},
                       {"code":"ValidationException","status":"422","detail":"The username has already been taken.","meta":{"source_field":"username","rule":"unique"}}]}
            """.utf8)
        let entries = try JSONDecoder().decode(PanelErrorBody.self, from: body).errors
        let error = PanelClient.error(status: 422, errors: entries, operation: "create user")
        #expect(error.kind == .validation)
        #expect(error.invalidFields == ["email", "username"])
        #expect(error.hasViolation(field: "email", rule: "unique"))
        #expect(entries[0].status == 422)
        #expect(!error.description.contains("already been taken"))
        #expect(error.debugDescription.contains("already been taken"))
    }

    @Test("statuses map to kinds", arguments: [
        (401, PanelError.Kind.unauthorized), (403, .forbidden), (404, .notFound), (422, .validation), (504, .server(status: 504)),
        (400, .rejected(status: 400, code: "BackupLockedException")),
    ])
    func kinds(status: Int, kind: PanelError.Kind) {
        let entry = PanelErrorEntry(code: "BackupLockedException", status: status, detail: "")
        #expect(PanelClient.error(status: status, errors: [entry], operation: "x").kind == kind)
    }
}

@Suite("Routes and configuration")
struct RouteTests {
    @Test("paths encode segments and templates name routes")
    func paths() {
        #expect(PanelRoute.getBackup("1a2b3c4d", backup: "u/../x").path == "client/servers/1a2b3c4d/backups/u%2F..%2Fx")
        #expect(PanelRoute.updateUser(id: 7).path == "application/users/7")
        #expect(PanelRoute.toggleBackupLock("1a2b3c4d", backup: "b").name == "POST client/servers/{server}/backups/{backup}/lock")
        #expect(PercentEncoding.query([("filter[email]", "a+b@x.io")]) == "?filter%5Bemail%5D=a%2Bb%40x.io")
        #expect(!PanelRoute.createBackup("1a2b3c4d").isIdempotent && PanelRoute.deleteBackup("1a2b3c4d", backup: "b").isIdempotent)
    }

    @Test("server identifiers are 8 hex characters or a uuid")
    func identifiers() {
        #expect(ServerIdentifier.isValid("1a2b3c4d"))
        #expect(ServerIdentifier.isValid("1a2b3c4d-0000-4000-8000-000000000001"))
        #expect(!ServerIdentifier.isValid("12"))
        #expect(!ServerIdentifier.isValid("../etc/x"))
    }

    @Test("PTERODACTYL_HEADERS parses a JSON object and refuses anything else without echoing it")
    func headers() throws {
        let headers = try PanelConfiguration.extraHeaders(fromJSON: #"{"CF-Access-Client-Id":"id","CF-Access-Client-Secret":"s3cret"}"#)
        #expect(headers["cf-access-client-secret"] == "s3cret")
        #expect(try PanelConfiguration.extraHeaders(fromJSON: "").isEmpty)
        do {
            _ = try PanelConfiguration.extraHeaders(fromJSON: "[\"s3cret\"]")
            Issue.record("expected an error")
        } catch {
            #expect(!"\(error)".contains("s3cret"))
        }
    }

    @Test("an application key configured as the client key is refused")
    func keyTypes() {
        let configuration = PanelConfiguration(baseURL: "http://127.0.0.1:1", applicationKey: Secret("ptla_x"), clientKey: Secret("ptla_y"))
        #expect(throws: PanelError.self) { try configuration.validate() }
    }
}

@Suite("Retry-After from the panel")
struct RetryAfterTests {
    static func wait(_ value: String) -> Duration {
        PanelClient.retryAfter(HTTPResponse(status: 429, headers: ["Retry-After": value]))
    }

    @Test("plain seconds are read as given")
    func plain() {
        #expect(Self.wait("3") == .seconds(3))
        #expect(Self.wait(" 0.5 ") == .milliseconds(500))
    }

    @Test("inf, nan, exponents, signs and huge numbers never trap: unreadable is one second, huge is a day")
    func hostile() {
        for value in ["inf", "Infinity", "nan", "-1", "1e300", "0x10", "", "1.2.3"] {
            #expect(Self.wait(value) == .seconds(1), "\(value)")
        }
        #expect(Self.wait("99999999999999999999") == .seconds(86_400))
        #expect(Self.wait("100000") == .seconds(86_400))
    }
}
