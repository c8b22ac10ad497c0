extension ApplicationCommand: Validatable {
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        let isChatInput = type == nil || type == .chatInput
        if isChatInput {
            validator.commandName(name, localizations: nameLocalizations)
            if description == nil { validator.fail(.missing, at: "description") }
            validator.commandDescription(description, localizations: descriptionLocalizations)
        } else {
            // User and message commands may use capitals and spaces.
            validator.length(of: name, at: "name", minimum: .commandNameMinimum, maximum: .commandName)
            for (locale, text) in nameLocalizations ?? [:] {
                validator.length(of: text, at: "name_localizations.\(locale)", minimum: .commandNameMinimum, maximum: .commandName)
            }
        }
        validator.count(options?.count, at: "options", maximum: .commandOptions)
        validator.include(options, at: "options")
        return validator.errors
    }
}

extension CommandOption: Validatable {
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        validator.commandName(name, localizations: nameLocalizations)
        validator.commandDescription(description, localizations: descriptionLocalizations)
        validator.count(choices?.count, at: "choices", maximum: .commandChoices)
        validator.include(choices, at: "choices")
        if hasAutocomplete == true, choices != nil { validator.fail(.notAllowed, at: "autocomplete") }
        validator.count(options?.count, at: "options", maximum: .commandOptions)
        validator.include(options, at: "options")
        for (index, child) in (options ?? []).enumerated() {
            switch type {
            case .subcommandGroup where child.type != .subcommand:
                validator.fail(.notAllowed, at: "options.\(index).type")
            case .subcommand where child.type == .subcommand || child.type == .subcommandGroup:
                validator.fail(.notAllowed, at: "options.\(index).type")
            default:
                break
            }
        }
        if type != .subcommand, type != .subcommandGroup, options != nil { validator.fail(.notAllowed, at: "options") }
        validator.range(minLength, at: "min_length", maximum: .optionLength)
        validator.range(maxLength, at: "max_length", minimum: 1, maximum: .optionLength)
        return validator.errors
    }
}

extension CommandOptionChoice: Validatable {
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        validator.length(of: name, at: "name", minimum: .choiceNameMinimum, maximum: .choiceName)
        for (locale, text) in nameLocalizations ?? [:] {
            validator.length(of: text, at: "name_localizations.\(locale)", minimum: .choiceNameMinimum, maximum: .choiceName)
        }
        if case .string(let text) = value { validator.length(of: text, at: "value", maximum: .choiceStringValue) }
        return validator.errors
    }
}

extension Validator {
    /// Discord's pattern `^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$`, lowercase where a lowercase
    /// form exists; applied to the name and every localized name.
    mutating func commandName(_ name: String, localizations: [DiscordLocale: String]?) {
        checkCommandName(name, at: "name")
        for (locale, text) in (localizations ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            checkCommandName(text, at: "name_localizations.\(locale)")
        }
    }

    mutating func commandDescription(_ description: String?, localizations: [DiscordLocale: String]?) {
        length(of: description, at: "description", minimum: .commandDescriptionMinimum, maximum: .commandDescription)
        for (locale, text) in (localizations ?? [:]).sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            length(of: text, at: "description_localizations.\(locale)", minimum: .commandDescriptionMinimum, maximum: .commandDescription)
        }
    }

    private mutating func checkCommandName(_ name: String, at field: String) {
        let before = errors.count
        length(of: name, at: field, minimum: .commandNameMinimum, maximum: .commandName)
        guard errors.count == before else { return }
        if !name.unicodeScalars.allSatisfy(Self.isCommandNameScalar) {
            fail(.invalidCommandName, at: field)
        } else if name.lowercased() != name {
            fail(.notLowercase, at: field)
        }
    }

    /// `\p{sc=Deva}` and `\p{sc=Thai}` let in the combining vowel signs those scripts need; Swift
    /// has no script property, so their Unicode blocks stand in for it.
    private static func isCommandNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x5F, 0x27: return true                       // - _ '
        case 0x0900...0x097F, 0xA8E0...0xA8FF: return true        // Devanagari, Devanagari Extended
        case 0x0E00...0x0E7F: return true                         // Thai
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
