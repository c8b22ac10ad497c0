public import Discord

/// The languages the bot speaks, each with its catalogue of texts (`Catalogues`). A Discord locale
/// picks the language whose code it is or begins (`en-US` is English), and any other locale gets
/// English. A new language is its catalogue, its case here and its lines in `commandLocale` and
/// `strings`.
public enum Language: String, Sendable, CaseIterable {
    case japanese = "ja"
    case english = "en"

    public init(_ locale: DiscordLocale?) {
        let code = locale?.rawValue ?? ""
        self = Self.allCases.first { code == $0.rawValue || code.hasPrefix($0.rawValue + "-") } ?? .english
    }

    /// The locale under which Discord shows this language's names and descriptions of the slash
    /// commands.
    var commandLocale: DiscordLocale {
        switch self {
        case .japanese: .japanese
        case .english: .englishUS
        }
    }

    /// Every text in this language. A catalogue holds no state, so this allocates nothing.
    var strings: Strings {
        switch self {
        case .japanese: Japanese()
        case .english: English()
        }
    }
}

/// Every text the bot shows, in one language: `context.strings` in a handler, `language.strings`
/// for a notice; a text is `strings.someText(…)`.
typealias Strings = any Catalogue
