import Discord
import Foundation
import Lending
import Logging

/// `/mcserver-admin server status server`: the power state, usage against limits, the address
/// players connect to and the loan holding the server, read from the panel after a deferral.
///
/// `/resources` is cached by the panel for about 20 seconds (docs/PANEL-API.md §3.4), so a signal sent
/// just before may not show yet. A panel failure is reported as the adapter words it, never with
/// the panel's own text.
struct ServerStatusCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let services = context.services
        let strings = context.strings
        let alias = command.string("server")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let binding = try await services.queries.serverBinding(named: alias) else {
            throw LendingError.serverNotFound(alias: alias)
        }
        try await context.deferReply(ephemeral: true)
        let state: PanelServerState
        do {
            state = try await services.panel.state(of: binding.pteroId)
        } catch {
            services.logger.warning("server status failed", metadata: ["error": "\(error)", "panel.server": "\(binding.pteroId)"])
            throw error
        }
        let holder = try await services.queries.holder(of: binding.pteroId)
        let embed = ServerStatusEmbed.make(binding: binding, state: state, holder: holder, strings: strings)
        try await context.editReply(MessageEdit(content: "", embeds: [embed], components: [], allowedMentions: .nobody))
    }
}

enum ServerStatusEmbed {
    static func make(binding: ServerBindingRecord, state: PanelServerState, holder: WorkflowRecord?, strings: Strings) -> Embed {
        var power = strings.powerState(state.power)
        if state.isSuspended { power += strings.statusSuspended }
        if state.isInstalling { power += strings.statusInstalling }
        let limits = state.limits
        var fields = [
            EmbedField(name: strings.statusPower, value: power, isInline: true),
            EmbedField(name: strings.statusCPU, value: used(String(format: "%.1f%%", state.cpuPercent), limit: limits.map { "\($0.cpu)%" }, unlimited: limits?.cpu == 0),
                       isInline: true),
            EmbedField(name: strings.statusMemory, value: used(ByteCount.text(state.memoryBytes), limit: limits.map { ByteCount.text(Int64($0.memoryMiB) * 1_048_576) }, unlimited: limits?.memoryMiB == 0),
                       isInline: true),
            EmbedField(name: strings.statusDisk, value: used(ByteCount.text(state.diskBytes), limit: limits.map { ByteCount.text(Int64($0.diskMiB) * 1_048_576) }, unlimited: limits?.diskMiB == 0),
                       isInline: true),
            EmbedField(name: strings.statusUptime, value: uptime(milliseconds: state.uptimeMilliseconds), isInline: true),
            EmbedField(name: strings.statusAddress, value: state.connectionAddress.map { "`\(GanttChart.ascii($0))`" } ?? strings.statusNoAddress,
                       isInline: true),
        ]
        let loan = holder.map { "#\($0.id) \(LoanText.escaped(Limits.cut(LoanText.oneLine($0.description), 64))) · \(strings.status($0.status)) · <@\($0.organizerDiscordId)>" }
        fields.append(EmbedField(name: strings.statusLoan, value: loan ?? strings.bindingFree))
        let color = state.isRunning ? LoanEmbed.color(.active) : LoanEmbed.color(.returned)
        return Embed(title: Limits.cut("\(binding.name) (\(binding.pteroId))", 256), color: color, fields: fields)
    }

    /// `used / limit`, or only `used` when the limit is unknown or unlimited.
    private static func used(_ amount: String, limit: String?, unlimited: Bool) -> String {
        guard let limit, !unlimited else { return amount }
        return "\(amount) / \(limit)"
    }

    static func uptime(milliseconds: Int64) -> String {
        let seconds = max(0, milliseconds / 1000)
        let (days, hours, minutes) = (seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes)m" }
        return "\(minutes)m"
    }
}

extension SlashCommand.Group {
    /// `/mcserver-admin server …`: the servers as the panel sees them.
    static let servers = SlashCommand.Group(name: "server", description: SlashCommand.Text("Servers on the panel"))
}

extension SlashCommand {
    static let serverStatus = SlashCommand(.admin(.servers), subcommand("status", Text("Show a server's state"),
                                                                        [serverAlias(Text("The server to look at"), required: true)]),
                                           handler: ServerStatusCommand(), autocomplete: ServerAliasAutocomplete())
}
