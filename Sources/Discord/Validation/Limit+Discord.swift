/// Discord's limits, from its documentation (docs/DISCORD.md#content-limits). Where the OpenAPI spec is
/// looser (content 4000, modal components 40) the docs win, because Discord enforces the docs.
/// Text lengths count Unicode scalars, as Discord does; Swift's `count` would count grapheme
/// clusters and let a message of emoji with modifiers through that Discord then rejects.
extension Limit {
    // Messages
    public static let messageContent = Limit(name: "message content", value: 2000)
    public static let embedsPerMessage = Limit(name: "embeds per message", value: 10)
    /// Title, description, field names and values, footer text and author name over all embeds.
    public static let embedTotalCharacters = Limit(name: "total embed characters", value: 6000)
    public static let embedTitle = Limit(name: "embed title", value: 256)
    public static let embedDescription = Limit(name: "embed description", value: 4096)
    public static let embedFields = Limit(name: "embed fields", value: 25)
    public static let embedFieldName = Limit(name: "embed field name", value: 256)
    public static let embedFieldValue = Limit(name: "embed field value", value: 1024)
    public static let embedFooterText = Limit(name: "embed footer text", value: 2048)
    public static let embedAuthorName = Limit(name: "embed author name", value: 256)
    public static let embedURL = Limit(name: "embed URL", value: 2048)
    public static let embedColor = Limit(name: "embed color", value: 0xFF_FFFF)
    public static let allowedMentionsUsers = Limit(name: "allowed mention users", value: 100)
    public static let allowedMentionsRoles = Limit(name: "allowed mention roles", value: 100)
    public static let messageNonceMinimum = Limit(name: "message nonce minimum length", value: 1)
    /// A string nonce; the spec's `maxLength` for `MessageCreateRequest.nonce`.
    public static let messageNonce = Limit(name: "message nonce", value: 25)

    // Components
    public static let customIDMinimum = Limit(name: "custom_id minimum length", value: 1)
    public static let customID = Limit(name: "custom_id", value: 100)
    /// Without IS_COMPONENTS_V2.
    public static let actionRowsPerMessage = Limit(name: "action rows per message", value: 5)
    public static let componentsPerMessageV2 = Limit(name: "top-level components per components-v2 message", value: 40)
    public static let buttonsPerActionRow = Limit(name: "buttons per action row", value: 5)
    public static let selectsPerActionRow = Limit(name: "selects per action row", value: 1)
    public static let buttonLabel = Limit(name: "button label", value: 80)
    public static let buttonURL = Limit(name: "button URL", value: 512)
    public static let selectOptionsMinimum = Limit(name: "select options minimum", value: 1)
    public static let selectOptions = Limit(name: "select options", value: 25)
    public static let selectOptionLabel = Limit(name: "select option label", value: 100)
    public static let selectOptionValue = Limit(name: "select option value", value: 100)
    public static let selectOptionDescription = Limit(name: "select option description", value: 100)
    public static let selectPlaceholder = Limit(name: "select placeholder", value: 150)
    /// Upper bound of both `min_values` and `max_values`.
    public static let selectValues = Limit(name: "select min/max values", value: 25)
    public static let selectMaxValuesMinimum = Limit(name: "select max_values minimum", value: 1)
    public static let selectDefaultValues = Limit(name: "select default values", value: 25)

    // Modals
    public static let modalTitleMinimum = Limit(name: "modal title minimum length", value: 1)
    public static let modalTitle = Limit(name: "modal title", value: 45)
    public static let modalComponentsMinimum = Limit(name: "modal components minimum", value: 1)
    public static let modalComponents = Limit(name: "modal components", value: 5)
    public static let labelTextMinimum = Limit(name: "label text minimum length", value: 1)
    public static let labelText = Limit(name: "label text", value: 45)
    public static let labelDescription = Limit(name: "label description", value: 100)
    public static let textInputLabel = Limit(name: "text input label", value: 45)
    public static let textInputValue = Limit(name: "text input value", value: 4000)
    public static let textInputPlaceholder = Limit(name: "text input placeholder", value: 100)
    /// Upper bound of both `min_length` and `max_length`.
    public static let textInputLength = Limit(name: "text input min/max length", value: 4000)
    public static let textInputMaxLengthMinimum = Limit(name: "text input max_length minimum", value: 1)

    // Application commands
    public static let commandNameMinimum = Limit(name: "command name minimum length", value: 1)
    public static let commandName = Limit(name: "command name", value: 32)
    public static let commandDescriptionMinimum = Limit(name: "command description minimum length", value: 1)
    public static let commandDescription = Limit(name: "command description", value: 100)
    public static let commandOptions = Limit(name: "command options", value: 25)
    public static let commandChoices = Limit(name: "command option choices", value: 25)
    public static let choiceNameMinimum = Limit(name: "choice name minimum length", value: 1)
    public static let choiceName = Limit(name: "choice name", value: 100)
    public static let choiceStringValue = Limit(name: "choice string value", value: 100)
    /// Upper bound of both `min_length` and `max_length` of a string option.
    public static let optionLength = Limit(name: "string option min/max length", value: 6000)
}
