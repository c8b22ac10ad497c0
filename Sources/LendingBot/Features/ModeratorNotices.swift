import Discord
import Foundation
import Lending

/// Posts to the moderators' channel (`DISCORD_NOTIFY_CHANNEL_ID`), mentioning only the moderator
/// roles.
enum ModeratorNotices {
    /// A new request with its review buttons. Without a notify channel nothing is posted.
    static func announceRequest(_ workflow: WorkflowRecord, panelUsers: [String], services: BotServices) async throws {
        guard let channel = services.configuration.notifyChannelID.flatMap(ChannelID.init) else { return }
        let strings = guildStrings(services)
        let accounts = try await services.queries.membersWithAccount(panelUsers)
        let embed = LoanEmbed.make(.init(workflow: workflow, panelUsers: panelUsers, usersWithAccount: accounts), strings: strings)
        let roles = services.configuration.adminRoleIDs.compactMap(RoleID.init)
        let mentions = roles.map { "<@&\($0)>" }.joined(separator: " ")
        let content = Limits.content((mentions.isEmpty ? "" : mentions + " ")
            + strings.text("<@\(workflow.applicantDiscordId)> から貸出申請 #\(workflow.id) が届きました。", "New request #\(workflow.id) from <@\(workflow.applicantDiscordId)>."))
        let buttons: [Component] = [
            .button(Button(style: .success, label: strings.text("承認", "Approve"), customID: ComponentRoute.approveRequest(workflowId: workflow.id).customID)),
            .button(Button(style: .danger, label: strings.text("却下", "Reject"), customID: ComponentRoute.rejectRequest(workflowId: workflow.id).customID)),
        ]
        let posted = try await services.discord.createMessage(in: channel, MessageCreate(
            content: content, embeds: [embed], components: [.actionRow(ActionRow(buttons))],
            allowedMentions: AllowedMentions(parse: [], roles: roles)))
        services.requestPosts.remember(workflowId: workflow.id, channel: channel, message: posted.id, headline: content)
    }

    /// Guild notices are written in the guild's preferred language.
    static func guildStrings(_ services: BotServices) -> Strings {
        Strings(services.guildLanguage.language)
    }
}
