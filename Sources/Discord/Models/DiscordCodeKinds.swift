// The lists of `DiscordCode<Kind>`, one after the other: each with its marker type, never
// instantiated, and the values the bot names. A value not named here still decodes and encodes
// as its number. The values are computed because a generic type cannot hold static stored
// properties.

/// The `type` number of a component (Discord's documentation, "Component Reference", "Component Types").
public typealias ComponentType = DiscordCode<ComponentTypeKind>
public enum ComponentTypeKind {}

extension ComponentType {
    public static var actionRow: Self { Self(rawValue: 1) }
    public static var button: Self { Self(rawValue: 2) }
    public static var stringSelect: Self { Self(rawValue: 3) }
    public static var textInput: Self { Self(rawValue: 4) }
    public static var userSelect: Self { Self(rawValue: 5) }
    public static var roleSelect: Self { Self(rawValue: 6) }
    public static var mentionableSelect: Self { Self(rawValue: 7) }
    public static var channelSelect: Self { Self(rawValue: 8) }
    public static var section: Self { Self(rawValue: 9) }
    public static var textDisplay: Self { Self(rawValue: 10) }
    public static var container: Self { Self(rawValue: 17) }
    /// The modal wrapper that replaced Text Input's own `label`; Discord deprecated Text Inputs in
    /// Action Rows in its favour.
    public static var label: Self { Self(rawValue: 18) }
    public static var fileUpload: Self { Self(rawValue: 19) }
    public static var radioGroup: Self { Self(rawValue: 21) }
    public static var checkboxGroup: Self { Self(rawValue: 22) }
    public static var checkbox: Self { Self(rawValue: 23) }
}

/// A button's `style` (docs "Button Styles"). Link buttons carry a `url` and no `custom_id`;
/// premium buttons carry a `sku_id`; every other style needs a `custom_id`.
public typealias ButtonStyle = DiscordCode<ButtonStyleKind>
public enum ButtonStyleKind {}

extension ButtonStyle {
    public static var primary: Self { Self(rawValue: 1) }
    public static var secondary: Self { Self(rawValue: 2) }
    public static var success: Self { Self(rawValue: 3) }
    public static var danger: Self { Self(rawValue: 4) }
    public static var link: Self { Self(rawValue: 5) }
    public static var premium: Self { Self(rawValue: 6) }
}

/// A text input's `style`: one line (1) or a multi-line paragraph (2).
public typealias TextInputStyle = DiscordCode<TextInputStyleKind>
public enum TextInputStyleKind {}

extension TextInputStyle {
    public static var short: Self { Self(rawValue: 1) }
    public static var paragraph: Self { Self(rawValue: 2) }
}

/// A command's `type`: slash command (1), user context menu (2), message context menu (3).
public typealias ApplicationCommandType = DiscordCode<ApplicationCommandTypeKind>
public enum ApplicationCommandTypeKind {}

extension ApplicationCommandType {
    public static var chatInput: Self { Self(rawValue: 1) }
    public static var user: Self { Self(rawValue: 2) }
    public static var message: Self { Self(rawValue: 3) }
}

/// An option's `type` in a command definition and in a received command (docs "Application Command
/// Option Type"). 1 and 2 structure the tree; 3–11 are leaf values.
public typealias CommandOptionType = DiscordCode<CommandOptionTypeKind>
public enum CommandOptionTypeKind {}

extension CommandOptionType {
    public static var subcommand: Self { Self(rawValue: 1) }
    /// Holds only subcommands: the tree is at most group → subcommand → leaf options.
    public static var subcommandGroup: Self { Self(rawValue: 2) }
    public static var string: Self { Self(rawValue: 3) }
    /// Any integer between -2^53 and 2^53.
    public static var integer: Self { Self(rawValue: 4) }
    public static var boolean: Self { Self(rawValue: 5) }
    public static var user: Self { Self(rawValue: 6) }
    /// All channel types and categories.
    public static var channel: Self { Self(rawValue: 7) }
    public static var role: Self { Self(rawValue: 8) }
    /// Users and roles.
    public static var mentionable: Self { Self(rawValue: 9) }
    /// A double between -2^53 and 2^53.
    public static var number: Self { Self(rawValue: 10) }
    public static var attachment: Self { Self(rawValue: 11) }
}

/// An interaction's `type` (docs `interactions/receiving-and-responding.mdx`).
public typealias InteractionType = DiscordCode<InteractionTypeKind>
public enum InteractionTypeKind {}

extension InteractionType {
    /// Sent only to HTTP-endpoint bots, never over the gateway; answered with a PONG callback.
    public static var ping: Self { Self(rawValue: 1) }
    public static var applicationCommand: Self { Self(rawValue: 2) }
    public static var messageComponent: Self { Self(rawValue: 3) }
    public static var applicationCommandAutocomplete: Self { Self(rawValue: 4) }
    public static var modalSubmit: Self { Self(rawValue: 5) }
}

/// The `type` of an interaction callback (docs "Interaction Callback Type").
public typealias InteractionCallbackType = DiscordCode<InteractionCallbackTypeKind>
public enum InteractionCallbackTypeKind {}

extension InteractionCallbackType {
    public static var pong: Self { Self(rawValue: 1) }
    public static var channelMessageWithSource: Self { Self(rawValue: 4) }
    public static var deferredChannelMessageWithSource: Self { Self(rawValue: 5) }
    public static var deferredUpdateMessage: Self { Self(rawValue: 6) }
    public static var updateMessage: Self { Self(rawValue: 7) }
    public static var applicationCommandAutocompleteResult: Self { Self(rawValue: 8) }
    public static var modal: Self { Self(rawValue: 9) }
}

/// Where a command can be used and where an interaction happened (`contexts`, `context`); replaces
/// the deprecated `dm_permission`.
public typealias InteractionContextType = DiscordCode<InteractionContextTypeKind>
public enum InteractionContextTypeKind {}

extension InteractionContextType {
    public static var guild: Self { Self(rawValue: 0) }
    public static var botDM: Self { Self(rawValue: 1) }
    public static var privateChannel: Self { Self(rawValue: 2) }
}

/// `ErrorBody.Code`: a JSON error code.
public enum ErrorCodeKind {}

extension ErrorBody.Code {
    public static var unknownChannel: Self { Self(rawValue: 10003) }
    /// The user is not (or no longer) a member of the guild.
    public static var unknownMember: Self { Self(rawValue: 10007) }
    /// The message was deleted (or never was in that channel): an edit has nothing to change.
    public static var unknownMessage: Self { Self(rawValue: 10008) }
    /// The 3-second deadline was missed, or another process answered first.
    public static var unknownInteraction: Self { Self(rawValue: 10062) }
    public static var interactionAlreadyAcknowledged: Self { Self(rawValue: 40060) }
    /// The bot cannot see the channel (VIEW_CHANNEL denied, or not in the guild).
    public static var missingAccess: Self { Self(rawValue: 50001) }
    /// Content, embeds and components of a message can be edited only by its author.
    public static var cannotEditAnotherUsersMessage: Self { Self(rawValue: 50005) }
    public static var missingPermissions: Self { Self(rawValue: 50013) }
    /// The interaction token's 15 minutes are over.
    public static var invalidWebhookToken: Self { Self(rawValue: 50027) }
    public static var cannotSendMessagesToUser: Self { Self(rawValue: 50007) }
    public static var invalidFormBody: Self { Self(rawValue: 50035) }
    public static var noMutualGuilds: Self { Self(rawValue: 50278) }
}
