import Clocks
import Foundation
import Lending
import Postgres
import Testing

@Suite("Members' own languages")
struct MemberLocalesTests {
    /// A clock the test moves by hand.
    static func handClock() -> BotClock { .manual(startingAt: Date(timeIntervalSince1970: 1_796_000_000)) }

    static func updatedAt(_ member: String, on pool: PostgresPool) async throws -> Date? {
        try await pool.query(#"SELECT "updatedAt" FROM "MemberLocale" WHERE "discordId" = \#(member)"#).first?.decode("updatedAt", as: Date.self)
    }

    @Test("a member's locale is stored, read back by id, and changed when they switch")
    func rememberAndRead() async throws {
        try await withLendingDatabase { pool in
            let locales = MemberLocales(pool: pool)
            try await locales.remember(discordId: "111111111111111111", locale: "ja")
            try await locales.remember(discordId: "222222222222222222", locale: "en-US")
            #expect(try await locales.locales(of: ["111111111111111111", "222222222222222222", "333333333333333333"])
                    == ["111111111111111111": "ja", "222222222222222222": "en-US"])
            try await locales.remember(discordId: "111111111111111111", locale: "en-GB")
            // Another instance, with nothing in memory, reads what the first stored.
            #expect(try await MemberLocales(pool: pool).locales(of: ["111111111111111111", "111111111111111111"]) == ["111111111111111111": "en-GB"])
            #expect(try await locales.locales(of: []) == [:])
        }
    }

    @Test("the same locale again writes nothing, even from an instance that has not seen it: the row keeps when it changed")
    func unchangedIsNotRewritten() async throws {
        try await withLendingDatabase { pool in
            let clock = Self.handClock()
            let first = clock.date
            try await MemberLocales(pool: pool, clock: clock).remember(discordId: "111111111111111111", locale: "ja")
            clock.advance(by: .seconds(3_600))
            try await MemberLocales(pool: pool, clock: clock).remember(discordId: "111111111111111111", locale: "ja")
            #expect(try await Self.updatedAt("111111111111111111", on: pool) == first)
            clock.advance(by: .seconds(3_600))
            try await MemberLocales(pool: pool, clock: clock).remember(discordId: "111111111111111111", locale: "ko")
            #expect(try await Self.updatedAt("111111111111111111", on: pool) == first.addingTimeInterval(7_200))
        }
    }

    @Test("a locale Discord would not send is ignored, and nothing is stored", arguments: ["", "x", "ja;DROP", "en US", String(repeating: "a", count: 17), "日本語"])
    func implausibleIgnored(_ locale: String) async throws {
        try await withLendingDatabase { pool in
            let locales = MemberLocales(pool: pool)
            try await locales.remember(discordId: "111111111111111111", locale: locale)
            #expect(try await pool.query(#"SELECT count(*)::int AS n FROM "MemberLocale""#).first?.decode("n", as: Int.self) == 0)
        }
    }
}
