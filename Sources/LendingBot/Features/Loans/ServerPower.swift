import Discord
import Foundation
import Lending
import Logging

/// `/mcserver-admin server power server signal`: a moderator starts, stops, restarts or kills a pool
/// server without opening the panel. The panel only says it took the signal, so the answer gives
/// the state it reports just after, which may still be the one before (its 20-second cache).
struct ServerPowerCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let services = context.services
        let strings = context.strings
        let alias = command.string("server")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let signal = command.string("signal").flatMap(PanelPowerSignal.init(rawValue:)) else {
            throw LendingError.invalidRequest(field: "signal", rule: "one of start, stop, restart or kill")
        }
        guard try await services.queries.serverBinding(named: alias) != nil else {
            throw LendingError.serverNotFound(alias: alias)
        }
        try await context.deferReply(ephemeral: true)
        let sent: WorkflowService.PowerSignalSent
        do {
            sent = try await services.workflow.sendPowerSignal(signal, toServer: alias, by: context.invokerID)
        } catch {
            services.logger.warning("power signal failed", metadata: ["error": "\(error)", "signal": "\(signal.rawValue)"])
            throw error
        }
        var lines = [strings.powerSignalSent(signal.rawValue, alias: sent.binding.name, server: sent.binding.pteroId)]
        if let state = try? await services.panel.state(of: sent.binding.pteroId) {
            lines.append(strings.powerStateNow(state.power))
        } else {
            lines.append(strings.powerStateUnknown)
        }
        if let holder = sent.holder { lines.append(strings.serverActionAudited(loan: holder.id)) }
        try await context.editReply(MessageEdit(content: lines.joined(separator: "\n"), embeds: [], components: [], allowedMentions: .nobody))
    }
}

extension SlashCommand {
    static var serverPower: SlashCommand {
        let signals: [CommandOptionChoice] = [
            choice("start", Text("Start")), choice("stop", Text("Stop")),
            choice("restart", Text("Restart")), choice("kill", Text("Kill")),
        ]
        let signal: CommandOption = parameter(.string, "signal", Text("signal"), Text("The power signal to send"),
                                              required: true, choices: signals)
        return SlashCommand(.admin(.servers), subcommand("power", Text("Start, stop, restart or kill a server"),
                                                         [serverAlias(Text("The server to act on"), required: true), signal]),
                            handler: ServerPowerCommand(), autocomplete: ServerAliasAutocomplete())
    }
}
