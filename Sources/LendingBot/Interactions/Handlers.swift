public import Discord

/// A slash command (or one subcommand of it), keyed by its path, e.g. `mcserver-admin workflow approve`.
public protocol CommandHandler: Sendable {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws
}

/// Autocomplete for a command path; answers with at most 25 choices.
public protocol AutocompleteHandler: Sendable {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws
}

/// A button or select, keyed by the kind of its `ComponentRoute`.
public protocol ComponentHandler: Sendable {
    /// Whether only moderators may press it (checked before `run`; `run` still checks the object).
    var moderatorsOnly: Bool { get }
    /// Whether it may be pressed in a direct message from the bot (a reminder's extend button).
    /// Nobody is a moderator there: `run` must check the invoker against the database.
    var worksInDirectMessages: Bool { get }
    /// `route` is always of the kind the handler is registered under.
    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws
}

extension ComponentHandler {
    public var worksInDirectMessages: Bool { false }
}

/// A modal submit, keyed by the kind of its `ComponentRoute`.
public protocol ModalHandler: Sendable {
    var moderatorsOnly: Bool { get }
    /// `route` is always of the kind the handler is registered under.
    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: ModalSubmitData) async throws
}

/// Every handler the bot has, by the key the router looks up.
public struct HandlerRegistry: Sendable {
    public var commands: [String: any CommandHandler] = [:]
    public var autocompletes: [String: any AutocompleteHandler] = [:]
    public var components: [ComponentRoute.Kind: any ComponentHandler] = [:]
    public var modals: [ComponentRoute.Kind: any ModalHandler] = [:]

    public init() {}
}

/// The commands' names, the one place they are spelled.
public enum CommandNames {
    public static let member = "mcserver"
    public static let admin = "mcserver-admin"
}
