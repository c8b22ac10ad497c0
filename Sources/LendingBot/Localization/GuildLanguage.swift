public import Discord
import Synchronization

/// The language of notices to the guild: its preferred locale, learned at start-up and from
/// every interaction's `guild_locale`.
public final class GuildLanguage: Sendable {
    private let current: Mutex<Language>

    public init(_ language: Language = .english) {
        current = Mutex(language)
    }

    public var language: Language { current.withLock { $0 } }

    public func update(_ locale: DiscordLocale?) {
        guard let locale else { return }
        current.withLock { $0 = Language(locale) }
    }
}
