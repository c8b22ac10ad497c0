import Discord
import Foundation
import Lending
import Logging
import Pterodactyl
import Secrets

/// `/mcserver reset-password`: a new panel password for the invoker's own account, and only theirs.
///
/// The account is found from the invoker's Discord id (the `PterodactylUser` row the approval
/// wrote), never from an option, so nobody can reset someone else's password. The reply is
/// deferred before the panel is called, and the password appears only in the edit of that
/// ephemeral reply: it is a `Secret` everywhere else, so no log line, error or audit row can
/// carry it. A panel administrator's account is never touched, even if a record points at it,
/// nor one whose `external_id` names another Discord user (the bot marks the accounts it makes
/// with their owner's id), so a record that has come to point at someone else's account hands
/// out nothing.
struct ResetPasswordCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let services = context.services
        let strings = context.strings
        guard let account = try await services.queries.panelAccount(of: context.invokerID) else {
            throw Refusal(strings.resetPasswordNoAccount)
        }
        // Audited and rate-limited in the domain before the panel is touched.
        try await services.workflow.recordPasswordReset(by: context.invokerID)
        try await context.deferReply(ephemeral: true)
        let password = PasswordGenerator.makePassword()
        let reset: PanelPasswordReset
        do {
            reset = try await services.panel.resetPassword(email: account.email, username: account.username, owner: context.invokerID, to: password)
        } catch let failure as PortFailure {
            services.logger.warning("panel password reset failed", metadata: ["error": "\(failure)", "discord.user": "\(context.invokerID)"])
            throw Refusal(failure.kind == .transient ? strings.resetPasswordTryLater : strings.resetPasswordAskModerator)
        }
        let username: String
        switch reset {
        case .notOnPanel: throw Refusal(strings.resetPasswordNotOnPanel(account.username))
        case .administrator: throw Refusal(strings.resetPasswordAdministrator)
        case .ownedByAnother: throw Refusal(strings.resetPasswordAskModerator)
        case .reset(let name, let panelUserID):
            username = name
            services.logger.info("panel password reset", metadata: ["discord.user": "\(context.invokerID)", "panel.user": "\(panelUserID)"])
        }
        let content = strings.resetPasswordDone(username: username, password: password.revealed(),
                                                panelURL: services.configuration.pterodactylURL?.absoluteString)
        try await context.editReply(MessageEdit(content: content, embeds: [], components: [], allowedMentions: .nobody))
    }
}

extension SlashCommand {
    static let resetPassword = SlashCommand(
        .member, subcommand("reset-password", Text("Get a new panel password (shown only to you)")),
        handler: ResetPasswordCommand())
}
