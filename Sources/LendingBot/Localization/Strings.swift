public import Discord

/// The two languages the bot speaks. Japanese for a `ja` locale, English for everything else.
public enum Language: String, Sendable, CaseIterable {
    case japanese = "ja"
    case english = "en"

    public init(_ locale: DiscordLocale?) {
        self = locale?.rawValue.hasPrefix("ja") == true ? .japanese : .english
    }
}

/// Every text the bot shows, in one language. Each feature adds its texts in an extension of its
/// own (`Strings+Checkout.swift`, …) with `text(_:_:)`, Japanese first, so the two versions of a
/// sentence always sit side by side.
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// Picks the sentence for this language.
    func text(_ japanese: String, _ english: String) -> String {
        language == .japanese ? japanese : english
    }
}
