import Discord
import Foundation
import Lending

/// `/mcserver-admin server-binding list`: the pool in alias order, each server with its panel
/// identifier, its type and the request holding it, if any.
struct BindingListCommand: CommandHandler {
    static let descriptionLimit = 4096

    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let strings = context.strings
        let usages = try await context.services.queries.serverBindingsWithHolders()
        guard !usages.isEmpty else { throw Refusal(strings.noBindings) }
        let lines = usages.map { usage -> String in
            let holder = usage.holder.map { strings.bindingHeldBy($0.id, status: $0.status) } ?? strings.bindingFree
            return "`\(GanttChart.ascii(usage.binding.name))` → `\(GanttChart.ascii(usage.binding.pteroId))` · \(usage.binding.serverType) · \(holder)"
        }
        var text = ""
        for (index, line) in lines.enumerated() {
            let more = strings.bindingsMore(lines.count - index)
            // Room is kept for the "and N more" line whenever lines remain after this one.
            let reserve = index + 1 < lines.count ? more.unicodeScalars.count + 1 : 0
            guard text.unicodeScalars.count + line.unicodeScalars.count + 1 + reserve <= Self.descriptionLimit else {
                text += more
                break
            }
            text += line + "\n"
        }
        let embed = Embed(title: strings.bindingsTitle(usages.count), description: text, color: LoanEmbed.color(.pending))
        try await context.replyEphemeral("", embeds: [embed])
    }
}

/// `/mcserver-admin server-binding set name ptero-id [type]`: adds an alias or repoints a free one,
/// with the server's type read from its egg on the panel unless `type` gives it.
///
/// The panel is asked whether the server exists, so the reply is deferred first. The shapes,
/// the panel check and "bound under another alias" are checked here to answer in the
/// moderator's language; `WorkflowService.bind` checks them again, with the server's holder,
/// in the transaction that writes.
struct BindingSetCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let services = context.services
        let strings = context.strings
        let alias = command.string("name")?.trimmingCharacters(in: .whitespaces) ?? ""
        let identifier = command.string("ptero-id")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard ServerAlias.isValid(alias) else { throw Refusal(strings.fieldRule(strings.fieldName("name"), strings.aliasRule)) }
        guard ServerAlias.isValidPanelIdentifier(identifier) else {
            throw Refusal(strings.fieldRule(strings.fieldName("ptero-id"), strings.panelIdentifierRule))
        }
        let typed = command.string("type")
        if let typed, ServerType.parse(typed) == nil { throw ServerTypeRefusal.invalidType(typed) }
        try await context.deferReply(ephemeral: true)
        if let other = try await services.queries.serverBindings().first(where: { $0.pteroId == identifier && $0.name != alias }) {
            throw Refusal(strings.panelServerAlreadyBound(identifier, as: other.name))
        }
        guard try await services.panel.serverExists(identifier) else { throw Refusal(strings.panelServerMissing(identifier)) }
        let binding = try await services.workflow.bind(alias, to: identifier, serverType: typed)
        try await context.editReply(MessageEdit(content: strings.bindingSaved(binding.name, to: binding.pteroId) + " " + strings.bindingType(binding.serverType, fromEgg: typed == nil),
                                                embeds: [], components: [], allowedMentions: .nobody))
    }
}

/// `/mcserver-admin server-binding unset name`: removes an alias unless a loan, a reservation or
/// an open task holds its server (the domain refuses those, naming the request).
struct BindingUnsetCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let alias = command.string("name")?.trimmingCharacters(in: .whitespaces) ?? ""
        try await context.services.workflow.unbind(alias)
        try await context.replyEphemeral(context.strings.bindingRemoved(alias))
    }
}

/// Autocomplete of a server alias (`server-binding unset name`, `server status server`): the
/// pool's aliases containing what was typed, ignoring case.
struct ServerAliasAutocomplete: AutocompleteHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let typed = command.typedText.trimmingCharacters(in: .whitespaces).lowercased()
        try await AutocompleteChoices.answer(context) {
            try await context.services.queries.serverBindings()
                .filter { $0.name.unicodeScalars.count <= 100 && (typed.isEmpty || $0.name.lowercased().contains(typed)) }
                .map { CommandOptionChoice(name: $0.name, value: .string($0.name)) }
        }
    }
}

extension SlashCommand.Group {
    /// `/mcserver-admin server-binding …`: the pool of lendable servers.
    static let serverPool = SlashCommand.Group(name: "server-binding", description: SlashCommand.Text("The server pool"))
}

extension SlashCommand {
    static let bindingList = SlashCommand(.admin(.serverPool), subcommand("list", Text("List the servers in the pool")),
                                          handler: BindingListCommand())

    static var bindingSet: SlashCommand {
        let name: CommandOption = parameter(.string, "name", Text("name"), Text("The server's name, e.g. server01"),
                                            required: true, length: 1...32)
        let pteroID: CommandOption = parameter(.string, "ptero-id", Text("ptero-id"),
                                               Text("The panel's 8-character server id"), required: true, length: 8...8)
        let type: CommandOption = parameter(.string, "type", Text("type"),
                                            Text("The server's type, e.g. paper or fabric (default: read from its egg)"),
                                            required: false, length: 1...ServerType.maxLength)
        return SlashCommand(.admin(.serverPool), subcommand("set", Text("Add or change a server"), [name, pteroID, type]),
                            handler: BindingSetCommand())
    }

    static let bindingUnset = SlashCommand(
        .admin(.serverPool), subcommand("unset", Text("Remove a server from the pool"),
                                        [serverAlias(Text("The server to remove"), required: true, name: "name")]),
        handler: BindingUnsetCommand(), autocomplete: ServerAliasAutocomplete())
}
