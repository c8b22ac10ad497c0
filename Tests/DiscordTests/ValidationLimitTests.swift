import Testing
import Discord

/// One documented limit, checked at its edge: `limit` passes, `limit + 1` fails naming `field`.
struct LimitCase: Sendable, CustomTestStringConvertible {
    let name: String
    let limit: Limit
    let field: String
    let kind: @Sendable (Int) -> ValidationError.Kind
    let errors: @Sendable (Int) -> [ValidationError]

    var testDescription: String { name }

    static func text(_ name: String, _ limit: Limit, field: String, _ errors: @escaping @Sendable (String) -> [ValidationError]) -> LimitCase {
        LimitCase(name: name, limit: limit, field: field, kind: { .tooLong(limit, actual: $0) },
                  errors: { errors(String(repeating: "a", count: $0)) })
    }

    static func items(_ name: String, _ limit: Limit, field: String, _ errors: @escaping @Sendable (Int) -> [ValidationError]) -> LimitCase {
        LimitCase(name: name, limit: limit, field: field, kind: { .tooMany(limit, actual: $0) }, errors: errors)
    }
}

private func button(_ index: Int) -> Component {
    .button(Button(style: .secondary, label: "b\(index)", customID: "b\(index)"))
}

private func row(_ components: [Component]) -> Component {
    .actionRow(ActionRow(components))
}

private func modal(_ components: [Component], title: String = "Form") -> InteractionCallback {
    .modal(Modal(customID: "form", title: title, components: components))
}

private func textInputLabel(_ input: TextInput) -> Component {
    .label(Label(label: "Field", component: .textInput(input)))
}

private func command(options: [CommandOption]) -> ApplicationCommand {
    ApplicationCommand(name: "server", description: "Servers", options: options)
}

enum LimitCases {
    static let text: [LimitCase] = [
        .text("message content", .messageContent, field: "content") { MessageCreate(content: $0).validationErrors(at: "") },
        .text("embed title in a callback", .embedTitle, field: "data.embeds.0.title") {
            InteractionCallback.channelMessage(MessageCreate(embeds: [Embed(title: $0)])).validationErrors(at: "")
        },
        .text("embed description", .embedDescription, field: "embeds.0.description") { MessageCreate(embeds: [Embed(description: $0)]).validationErrors(at: "") },
        .text("embed field name", .embedFieldName, field: "embeds.0.fields.0.name") {
            MessageCreate(embeds: [Embed(fields: [EmbedField(name: $0, value: "v")])]).validationErrors(at: "")
        },
        .text("embed field value", .embedFieldValue, field: "embeds.0.fields.0.value") {
            MessageCreate(embeds: [Embed(fields: [EmbedField(name: "n", value: $0)])]).validationErrors(at: "")
        },
        .text("embed footer text", .embedFooterText, field: "embeds.0.footer.text") { MessageCreate(embeds: [Embed(footer: EmbedFooter(text: $0))]).validationErrors(at: "") },
        .text("embed author name", .embedAuthorName, field: "embeds.0.author.name") { MessageCreate(embeds: [Embed(author: EmbedAuthor(name: $0))]).validationErrors(at: "") },
        .text("content of an @original edit", .messageContent, field: "content") { MessageEdit(content: $0).validationErrors(at: "") },
        .text("button label", .buttonLabel, field: "components.0.components.0.label") {
            MessageCreate(components: [row([.button(Button(style: .primary, label: $0, customID: "x"))])]).validationErrors(at: "")
        },
        .text("button custom_id", .customID, field: "components.0.components.0.custom_id") {
            MessageCreate(components: [row([.button(Button(style: .primary, label: "x", customID: $0))])]).validationErrors(at: "")
        },
        .text("select custom_id", .customID, field: "components.0.components.0.custom_id") {
            MessageCreate(components: [row([.stringSelect(StringSelect(customID: $0, options: [SelectOption(label: "l", value: "v")]))])]).validationErrors(at: "")
        },
        .text("select option label", .selectOptionLabel, field: "components.0.components.0.options.0.label") {
            MessageCreate(components: [row([.stringSelect(StringSelect(customID: "s", options: [SelectOption(label: $0, value: "v")]))])]).validationErrors(at: "")
        },
        .text("select placeholder", .selectPlaceholder, field: "components.0.components.0.placeholder") {
            MessageCreate(components: [row([.entitySelect(EntitySelect(.user, customID: "s", placeholder: $0))])]).validationErrors(at: "")
        },
        .text("modal title", .modalTitle, field: "data.title") {
            modal([textInputLabel(TextInput(customID: "t", style: .short))], title: $0).validationErrors(at: "")
        },
        .text("modal custom_id", .customID, field: "data.custom_id") {
            InteractionCallback.modal(Modal(customID: $0, title: "t", components: [textInputLabel(TextInput(customID: "t", style: .short))])).validationErrors(at: "")
        },
        .text("text input value", .textInputValue, field: "data.components.0.component.value") {
            modal([textInputLabel(TextInput(customID: "t", style: .paragraph, value: $0))]).validationErrors(at: "")
        },
        .text("legacy text input label", .textInputLabel, field: "data.components.0.components.0.label") {
            modal([row([.textInput(TextInput(customID: "t", style: .short, label: $0))])]).validationErrors(at: "")
        },
        .text("Label text", .labelText, field: "data.components.0.label") {
            modal([.label(Label(label: $0, component: .textInput(TextInput(customID: "t", style: .short))))]).validationErrors(at: "")
        },
        .text("Label description", .labelDescription, field: "data.components.0.description") {
            modal([.label(Label(label: "l", description: $0, component: .textInput(TextInput(customID: "t", style: .short))))]).validationErrors(at: "")
        },
        .text("command name", .commandName, field: "name") { ApplicationCommand(name: $0, description: "d").validationErrors(at: "") },
        .text("command description", .commandDescription, field: "description") { ApplicationCommand(name: "c", description: $0).validationErrors(at: "") },
        .text("localized command description", .commandDescription, field: "description_localizations.ja") {
            ApplicationCommand(name: "c", description: "d", descriptionLocalizations: [.japanese: $0]).validationErrors(at: "")
        },
        .text("option description", .commandDescription, field: "options.0.description") {
            command(options: [CommandOption(type: .string, name: "o", description: $0)]).validationErrors(at: "")
        },
        .text("choice name", .choiceName, field: "options.0.choices.0.name") {
            command(options: [CommandOption(type: .string, name: "o", description: "d", choices: [CommandOptionChoice(name: $0, value: "v")])]).validationErrors(at: "")
        },
        .text("choice value", .choiceStringValue, field: "options.0.choices.0.value") {
            command(options: [CommandOption(type: .string, name: "o", description: "d", choices: [CommandOptionChoice(name: "n", value: $0)])]).validationErrors(at: "")
        },
    ]

    static let counts: [LimitCase] = [
        .items("embeds per message", .embedsPerMessage, field: "embeds") {
            MessageCreate(embeds: Array(repeating: Embed(title: "t"), count: $0)).validationErrors(at: "")
        },
        .items("embed fields", .embedFields, field: "embeds.0.fields") {
            MessageCreate(embeds: [Embed(fields: Array(repeating: EmbedField(name: "n", value: "v"), count: $0))]).validationErrors(at: "")
        },
        .items("select options", .selectOptions, field: "components.0.components.0.options") { count in
            let options = (0..<count).map { SelectOption(label: "l\($0)", value: "v\($0)") }
            return MessageCreate(components: [row([.stringSelect(StringSelect(customID: "s", options: options))])]).validationErrors(at: "")
        },
        .items("buttons per action row", .buttonsPerActionRow, field: "components.0.components") {
            MessageCreate(components: [row((0..<$0).map(button))]).validationErrors(at: "")
        },
        .items("action rows per message", .actionRowsPerMessage, field: "components") {
            MessageCreate(components: (0..<$0).map { row([button($0)]) }).validationErrors(at: "")
        },
        .items("modal components", .modalComponents, field: "data.components") {
            modal((0..<$0).map { textInputLabel(TextInput(customID: "t\($0)", style: .short)) }).validationErrors(at: "")
        },
        .items("command options", .commandOptions, field: "options") {
            command(options: (0..<$0).map { CommandOption(type: .string, name: "o\($0)", description: "d") }).validationErrors(at: "")
        },
        .items("command option choices", .commandChoices, field: "options.0.choices") {
            command(options: [CommandOption(type: .string, name: "o", description: "d",
                                            choices: (0..<$0).map { CommandOptionChoice(name: "c\($0)", value: "v\($0)") })]).validationErrors(at: "")
        },
        .items("autocomplete choices", .commandChoices, field: "data.choices") {
            InteractionCallback.autocompleteResult((0..<$0).map { CommandOptionChoice(name: "c\($0)", value: .integer(Int64($0))) }).validationErrors(at: "")
        },
        .items("allowed mention users", .allowedMentionsUsers, field: "allowed_mentions.users") {
            MessageCreate(content: "x", allowedMentions: AllowedMentions(users: (0..<$0).map { UserID(UInt64($0) + 1) })).validationErrors(at: "")
        },
        LimitCase(name: "total embed characters", limit: .embedTotalCharacters, field: "embeds",
                  kind: { .tooLong(.embedTotalCharacters, actual: $0) },
                  errors: { total in
                      let embeds = [Embed(description: String(repeating: "a", count: 4000)),
                                    Embed(description: String(repeating: "b", count: total - 4000 - 4)), Embed(title: "four")]
                      return MessageCreate(embeds: embeds).validationErrors(at: "")
                  }),
    ]
}

@Suite("Validating limits before sending")
struct ValidationLimitTests {
    @Test("text at its limit passes and one more character fails, naming the field", arguments: LimitCases.text)
    func textLimit(_ limitCase: LimitCase) {
        expectEdge(limitCase)
    }

    @Test("items at their limit pass and one more fails, naming the field", arguments: LimitCases.counts)
    func countLimit(_ limitCase: LimitCase) {
        expectEdge(limitCase)
    }

    private func expectEdge(_ limitCase: LimitCase) {
        let limit = limitCase.limit.value
        #expect(limitCase.errors(limit) == [], "\(limitCase.name) at \(limit)")
        let errors = limitCase.errors(limit + 1)
        #expect(errors == [ValidationError(field: limitCase.field, kind: limitCase.kind(limit + 1))])
        let description = errors.first?.description ?? ""
        #expect(description.hasPrefix(limitCase.field + ":"))
        #expect(description.contains(limitCase.limit.name))
        #expect(description.contains(String(limit)))
    }

    @Test("the error names the field, the limit and the size")
    func description() throws {
        let error = try #require(MessageCreate(embeds: [Embed(title: String(repeating: "x", count: 257))]).validationErrors(at: "").first)
        #expect(error.description == "embeds.0.title: 257 characters, over the embed title limit of 256")
        #expect(throws: error) { try MessageCreate(embeds: [Embed(title: String(repeating: "x", count: 257))]).validate() }
        #expect(throws: Never.self) { try InteractionCallback.channelMessage(MessageCreate(content: "ok")).validate() }
    }

    @Test("characters are counted as Unicode scalars, not grapheme clusters")
    func unicodeScalars() {
        let thumbs = "👍🏽"                      // one grapheme, two scalars
        #expect(MessageCreate(content: String(repeating: thumbs, count: 1000)).isValid)
        let errors = MessageCreate(content: String(repeating: thumbs, count: 1001)).validationErrors(at: "")
        #expect(errors == [ValidationError(field: "content", kind: .tooLong(.messageContent, actual: 2002))])
        let japanese = String(repeating: "あ", count: 256)
        #expect(Embed(title: japanese).isValid)
    }

    @Test("minimums: empty custom_id, empty modal, no select options, empty description")
    func minimums() {
        #expect(MessageCreate(components: [row([.button(Button(style: .primary, label: "x", customID: ""))])]).validationErrors(at: "")
            == [ValidationError(field: "components.0.components.0.custom_id", kind: .tooShort(.customIDMinimum, actual: 0))])
        #expect(modal([]).validationErrors(at: "") == [ValidationError(field: "data.components", kind: .tooFew(.modalComponentsMinimum, actual: 0))])
        #expect(MessageCreate(components: [row([.stringSelect(StringSelect(customID: "s", options: []))])]).validationErrors(at: "")
            == [ValidationError(field: "components.0.components.0.options", kind: .tooFew(.selectOptionsMinimum, actual: 0))])
        #expect(ApplicationCommand(name: "c", description: "").validationErrors(at: "")
            == [ValidationError(field: "description", kind: .tooShort(.commandDescriptionMinimum, actual: 0))])
        #expect(ApplicationCommand(name: "c").validationErrors(at: "") == [ValidationError(field: "description", kind: .missing)])
    }

    @Test("select and text input bounds", arguments: [
        (StringSelect(customID: "s", options: [SelectOption(label: "l", value: "v")], minValues: 26), "min_values", ValidationError.Kind.outOfRange(.selectValues, actual: 26)),
        (StringSelect(customID: "s", options: [SelectOption(label: "l", value: "v")], maxValues: 0), "max_values", .outOfRange(.selectMaxValuesMinimum, actual: 0)),
    ])
    func selectBounds(select: StringSelect, field: String, kind: ValidationError.Kind) {
        #expect(Component.stringSelect(select).validationErrors(at: "") == [ValidationError(field: field, kind: kind)])
    }

    @Test("text input lengths stay within 0...4000 and 1...4000")
    func textInputBounds() {
        #expect(Component.textInput(TextInput(customID: "t", style: .short, minLength: 0, maxLength: 4000)).isValid)
        #expect(Component.textInput(TextInput(customID: "t", style: .short, minLength: 4001)).validationErrors(at: "")
            == [ValidationError(field: "min_length", kind: .outOfRange(.textInputLength, actual: 4001))])
        #expect(Component.textInput(TextInput(customID: "t", style: .short, maxLength: 0)).validationErrors(at: "")
            == [ValidationError(field: "max_length", kind: .outOfRange(.textInputMaxLengthMinimum, actual: 0))])
    }

    @Test("command names follow Discord's pattern and are lowercase", arguments: [
        ("loan-extend", nil), ("延長", nil), ("it's", nil), ("ค้นหา", nil), ("नमस्ते", nil), ("x_1", nil),
        ("Server", ValidationError.Kind.notLowercase), ("has space", .invalidCommandName), ("emoji👍", .invalidCommandName),
        ("a.b", .invalidCommandName),
    ] as [(String, ValidationError.Kind?)])
    func commandNames(name: String, problem: ValidationError.Kind?) {
        let errors = ApplicationCommand(name: name, description: "d").validationErrors(at: "")
        #expect(errors == (problem.map { [ValidationError(field: "name", kind: $0)] } ?? []))
    }

    @Test("user and message commands may use capitals and spaces")
    func contextMenuNames() {
        #expect(ApplicationCommand(name: "Lend Server", type: .user).isValid)
        #expect(ApplicationCommand(name: "Lend Server", nameLocalizations: [.japanese: "サーバーを貸す"], type: .message).isValid)
    }

    @Test("localized option names are checked like names")
    func localizedNames() {
        let errors = command(options: [CommandOption(type: .string, name: "o", nameLocalizations: [.japanese: "名前 空白"], description: "d")])
            .validationErrors(at: "")
        #expect(errors == [ValidationError(field: "options.0.name_localizations.ja", kind: .invalidCommandName)])
    }

    @Test("allowed_mentions cannot parse a kind and list it too")
    func mentionConflict() {
        let conflict = MessageCreate(content: "x", allowedMentions: AllowedMentions(parse: [.users], users: [1])).validationErrors(at: "")
        #expect(conflict == [ValidationError(field: "allowed_mentions.users", kind: .mentionConflict(.users))])
        let roles = AllowedMentions(parse: [.roles, .everyone], roles: [2]).validationErrors(at: "allowed_mentions")
        #expect(roles == [ValidationError(field: "allowed_mentions.roles", kind: .mentionConflict(.roles))])
        #expect(AllowedMentions(parse: [.roles], users: [1]).isValid)
    }

    @Test("buttons: link buttons take a url, the others a custom_id")
    func buttons() {
        #expect(Component.button(Button(style: .link, label: "x", customID: "c", url: "https://example.com")).validationErrors(at: "")
            == [ValidationError(field: "custom_id", kind: .notAllowed)])
        #expect(Component.button(Button(style: .link, label: "x")).validationErrors(at: "") == [ValidationError(field: "url", kind: .missing)])
        #expect(Component.button(Button(style: .primary, label: "x")).validationErrors(at: "") == [ValidationError(field: "custom_id", kind: .missing)])
    }

    @Test("a select fills its action row alone")
    func selectAlone() {
        let select = Component.entitySelect(EntitySelect(.role, customID: "r"))
        #expect(row([select, button(1)]).validationErrors(at: "") == [ValidationError(field: "components", kind: .tooMany(.selectsPerActionRow, actual: 2))])
    }

    @Test("custom_ids are unique within a message and a modal")
    func duplicates() {
        let message = MessageCreate(components: [row([button(1)]), row([button(1)])])
        #expect(message.validationErrors(at: "") == [ValidationError(field: "components.1.components.0.custom_id", kind: .duplicateCustomID)])
        let form = modal([textInputLabel(TextInput(customID: "t", style: .short)), textInputLabel(TextInput(customID: "t", style: .short))])
        #expect(form.validationErrors(at: "") == [ValidationError(field: "data.components.1.component.custom_id", kind: .duplicateCustomID)])
    }

    @Test("a deferral may carry only the ephemeral flag")
    func deferralFlags() {
        #expect(InteractionCallback.deferredChannelMessage(flags: .ephemeral).isValid)
        #expect(InteractionCallback.deferredChannelMessage(flags: [.ephemeral, .suppressEmbeds]).validationErrors(at: "")
            == [ValidationError(field: "data.flags", kind: .notAllowed)])
    }

    @Test("subcommand groups hold only subcommands")
    func groupsHoldSubcommands() {
        let bad = command(options: [CommandOption(type: .subcommandGroup, name: "g", description: "d", options: [
            CommandOption(type: .string, name: "s", description: "d"),
        ])])
        #expect(bad.validationErrors(at: "") == [ValidationError(field: "options.0.options.0.type", kind: .notAllowed)])
    }

    @Test("every sample payload is valid")
    func samplesAreValid() {
        for (name, callback) in SamplePayloads.callbacks {
            #expect(callback.validationErrors(at: "") == [], "\(name)")
        }
        for command in SamplePayloads.commands {
            #expect(command.validationErrors(at: "") == [], "\(command.name)")
        }
        #expect(SamplePayloads.message.isValid)
        #expect(SamplePayloads.edit.isValid)
    }
}
