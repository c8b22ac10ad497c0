import Discord
import LendingBot
import Testing

/// The registered definitions and the router's handlers come from one list (`SlashCommand.all`):
/// every subcommand Discord shows has a handler, and every option Discord autocompletes has an
/// autocomplete handler, and nothing else is registered.
@Suite("Slash commands")
struct SlashCommandTests {
    /// Each subcommand's path as the router keys it, with whether any of its options autocompletes.
    static var registeredPaths: [(path: String, autocompletes: Bool)] {
        CommandDefinitions.all.flatMap { command in
            (command.options ?? []).flatMap { option -> [(path: String, autocompletes: Bool)] in
                let leaves = option.type == .subcommandGroup ? (option.options ?? []).map { ("\(option.name) \($0.name)", $0) } : [(option.name, option)]
                return leaves.map { name, leaf in
                    ("\(command.name) \(name)", (leaf.options ?? []).contains { $0.hasAutocomplete == true })
                }
            }
        }
    }

    @Test("every registered subcommand has a handler, and every autocompleted one an autocomplete handler")
    func handlersMatchDefinitions() {
        let registry = HandlerRegistry.all()
        let paths = Self.registeredPaths
        #expect(paths.count == 24)
        #expect(Set(paths.map(\.path)).count == paths.count, "a path is registered twice")
        #expect(Set(registry.commands.keys) == Set(paths.map(\.path)))
        #expect(Set(registry.autocompletes.keys) == Set(paths.filter(\.autocompletes).map(\.path)))
    }
}
