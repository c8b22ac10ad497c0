import Discord
import Lending

/// The building blocks of the definitions, so that every feature writes its subcommand alike: a
/// text in both languages, and the parameters several commands share.
extension SlashCommand {
    /// A name, description or choice of a command, in English: the default Discord shows, and the
    /// key of its translation in each language's catalogue (`Catalogue.commandTexts`).
    struct Text: Sendable {
        let english: String

        init(_ english: String) {
            self.english = english
        }
    }

    /// The text in every language the bot speaks, for Discord's localization maps.
    static func localized(_ text: Text) -> [DiscordLocale: String] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
            (language.commandLocale, language.strings.commandTexts[text.english] ?? text.english)
        })
    }


    static func subcommand(_ name: String, _ description: Text, _ options: [CommandOption]? = nil) -> CommandOption {
        CommandOption(type: .subcommand, name: name, description: description.english, descriptionLocalizations: localized(description),
                      options: options)
    }

    /// A plain parameter (not autocompleted); `length` bounds a string's length.
    static func parameter(_ type: CommandOptionType, _ name: String, _ localizedName: Text, _ description: Text, required: Bool,
                          choices: [CommandOptionChoice]? = nil, length: ClosedRange<Int>? = nil) -> CommandOption {
        CommandOption(type: type, name: name, nameLocalizations: localized(localizedName), description: description.english,
                      descriptionLocalizations: localized(description), isRequired: required, choices: choices,
                      minLength: length?.lowerBound, maxLength: length?.upperBound)
    }

    static func choice(_ value: String, _ name: Text) -> CommandOptionChoice {
        CommandOptionChoice(name: name.english, nameLocalizations: localized(name), value: value)
    }

    /// `id` of a request (any status); suggestions come from autocomplete.
    static func requestID(_ description: Text) -> CommandOption {
        CommandOption(type: .integer, name: "id", nameLocalizations: localized(Text("id")), description: description.english,
                      descriptionLocalizations: localized(description), isRequired: true, minValue: .integer(1), hasAutocomplete: true)
    }

    /// `id` of a loan; suggestions come from autocomplete.
    static func loanID(_ description: Text, required: Bool) -> CommandOption {
        CommandOption(type: .integer, name: "id", nameLocalizations: localized(Text("id")), description: description.english,
                      descriptionLocalizations: localized(description), isRequired: required, minValue: .integer(1), hasAutocomplete: true)
    }

    /// A server alias (`ServerBinding.name`); suggestions come from autocomplete.
    /// A `type` option naming a server type (`ServerType`), autocompleted from the pool's types.
    static func serverType(_ description: Text, required: Bool) -> CommandOption {
        CommandOption(type: .string, name: "type", nameLocalizations: localized(Text("type")), description: description.english,
                      descriptionLocalizations: localized(description), isRequired: required, maxLength: ServerType.maxLength,
                      hasAutocomplete: true)
    }

    static func serverAlias(_ description: Text, required: Bool, name: String = "server") -> CommandOption {
        CommandOption(type: .string, name: name, nameLocalizations: localized(Text(name)), description: description.english,
                      descriptionLocalizations: localized(description), isRequired: required, maxLength: 32, hasAutocomplete: true)
    }
}
