import Discord

/// One subcommand the bot registers, with the handler that runs it and the one that suggests its
/// options. Each is defined beside its handler in `Features`; `SlashCommand.all`
/// (`Features/Registry.swift`) is the one list that both the registered definitions
/// (`CommandDefinitions`) and the router's handlers (`HandlerRegistry.all`) are made from.
struct SlashCommand: Sendable {
    /// Which top-level command the subcommand is under.
    enum Root: Equatable, Sendable {
        /// `/mcserver`, for every member.
        case member
        /// `/mcserver-admin`, for moderators, in one of its groups.
        case admin(Group)
    }

    /// A subcommand group of `/mcserver-admin`.
    struct Group: Equatable, Sendable {
        let name: String
        let description: Text

        static func == (a: Group, b: Group) -> Bool { a.name == b.name }
    }

    let root: Root
    /// The subcommand as registered: its name, descriptions and options.
    let definition: CommandOption
    let handler: any CommandHandler
    let autocomplete: (any AutocompleteHandler)?

    init(_ root: Root, _ definition: CommandOption, handler: any CommandHandler, autocomplete: (any AutocompleteHandler)? = nil) {
        self.root = root
        self.definition = definition
        self.handler = handler
        self.autocomplete = autocomplete
    }

    /// The key the router looks the handlers up under: `mcserver extend`, `mcserver-admin workflow approve`.
    var path: String {
        switch root {
        case .member: "\(CommandNames.member) \(definition.name)"
        case .admin(let group): "\(CommandNames.admin) \(group.name) \(definition.name)"
        }
    }
}
