import Discord
import Foundation
import Lending
import Logging

/// `/mcserver-admin server backup server`: a moderator asks the panel for a backup of a lent
/// server. The panel's refusals that a moderator can act on (the server's backup limit, its
/// throttle) get their own words; a free server is refused before the panel is asked.
struct ServerBackupCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let services = context.services
        let strings = context.strings
        let alias = command.string("server")?.trimmingCharacters(in: .whitespaces) ?? ""
        guard try await services.queries.serverBinding(named: alias) != nil else {
            throw LendingError.serverNotFound(alias: alias)
        }
        try await context.deferReply(ephemeral: true)
        let started: WorkflowService.ServerBackupStarted
        do {
            started = try await services.workflow.backUpServer(alias, by: context.invokerID)
        } catch let refusal as ServerBackupRefusal {
            throw Refusal(strings.describe(refusal))
        } catch let error as PortFailure {
            services.logger.warning("moderator backup failed", metadata: ["error": "\(error)", "server": "\(alias)"])
            throw error
        }
        let content = strings.backupStarted(alias: started.binding.name, loan: started.holder.id, name: started.backup.name)
        try await context.editReply(MessageEdit(content: content, embeds: [], components: [], allowedMentions: .nobody))
    }
}

extension SlashCommand {
    static var serverBackup: SlashCommand {
        SlashCommand(.admin(.servers), subcommand("backup", Text("Back up a lent server"),
                                                  [serverAlias(Text("The server to back up"), required: true)]),
                     handler: ServerBackupCommand(), autocomplete: ServerAliasAutocomplete())
    }
}
