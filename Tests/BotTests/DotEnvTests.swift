import LendingBot
import Testing

@Suite("Reading .env files")
struct DotEnvTests {
    @Test("plain, exported, quoted and commented lines")
    func forms() throws {
        let values = try DotEnv.parse("""
            # a comment
            DISCORD_TOKEN=abc.def
            export DATABASE_URL = postgresql://bot@localhost/lending
            PANEL_EMAIL_DOMAIN="kpw.local" # trailing comment
            PTERODACTYL_HEADERS='{"X-Token": "a b"}'
            GREETING="line one\\nline \\"two\\""
            EMPTY=
            REMINDER_DAYS=3,1 # days

            """)
        #expect(values == [
            "DISCORD_TOKEN": "abc.def",
            "DATABASE_URL": "postgresql://bot@localhost/lending",
            "PANEL_EMAIL_DOMAIN": "kpw.local",
            "PTERODACTYL_HEADERS": "{\"X-Token\": \"a b\"}",
            "GREETING": "line one\nline \"two\"",
            "EMPTY": "",
            "REMINDER_DAYS": "3,1",
        ])
    }

    @Test("a broken line is reported by number without its content", arguments: [
        ("A=1\nthis line has no equals sign secret123", 2),
        ("A=1\nB=2\nTOKEN=\"unterminated secret123", 3),
        ("1ABC=secret123", 1),
        ("KEY='x' secret123", 1),
    ])
    func errors(text: String, line: Int) {
        let error = #expect(throws: DotEnv.SyntaxError.self) { try DotEnv.parse(text) }
        #expect(error?.line == line)
        #expect(error.map { "\($0)" }?.contains("secret123") == false)
    }
}
