public import Clocks
public import Postgres
import Synchronization

/// The Discord client language each member last used with the bot, kept so that what the bot
/// sends them later, when they are not interacting (a reminder days after the request, the
/// return, their panel access), is written in their language rather than the guild's.
///
/// A member's locale is written only when it differs from what this instance last saw for them, so
/// an interaction costs a database write at most once per member and change, not every time.
public final class MemberLocales: Sendable {
    private let pool: PostgresPool
    private let clock: BotClock
    /// The locales this instance has stored or read, by Discord id. Bounded: a community's active
    /// members fit many times over, and forgetting only costs one repeated write per member.
    private let seen = Mutex<[String: String]>([:])
    static let rememberedMembers = 10_000

    public init(pool: PostgresPool, clock: BotClock = .system) {
        self.pool = pool
        self.clock = clock
    }

    /// Records that the member uses `locale`. A value Discord would not send (empty, too long, or
    /// with characters outside letters, digits and `-`) is ignored rather than stored.
    public func remember(discordId: String, locale: String) async throws {
        guard Self.isPlausible(locale), !discordId.isEmpty else { return }
        if seen.withLock({ $0[discordId] }) == locale { return }
        try await MemberLocaleTable.store(discordId: discordId, locale: locale, at: clock.date, on: pool)
        note([discordId: locale])
    }

    /// The stored locales of these members, by Discord id; members never seen are absent.
    public func locales(of discordIds: [String]) async throws -> [String: String] {
        let locales = try await MemberLocaleTable.locales(of: Array(Set(discordIds)).sorted(), on: pool)
        note(locales)
        return locales
    }

    private func note(_ locales: [String: String]) {
        seen.withLock { seen in
            if seen.count + locales.count > Self.rememberedMembers { seen.removeAll(keepingCapacity: true) }
            seen.merge(locales) { _, new in new }
        }
    }

    /// Discord's locales are short tags such as `ja`, `en-US` or `zh-TW`.
    static func isPlausible(_ locale: String) -> Bool {
        (2...16).contains(locale.utf8.count) && locale.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
        }
    }
}
