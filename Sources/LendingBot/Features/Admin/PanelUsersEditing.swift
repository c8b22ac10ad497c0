import Discord
import Foundation
import Lending
import Pterodactyl

/// `/mcserver-admin workflow edit id add remove username`: a moderator changes who may use the
/// server. Without `add` or `remove` the command opens the edit form instead (`WorkflowEditCommand`).
///
/// A PENDING request only stores its new users; an ACTIVE loan's panel follows through a durable
/// task (`PanelUsersTask`), and a member added without a panel account needs the panel username
/// the approval would have asked for, given in `username`.
enum PanelUsersEdit {
    /// Whether the command asks for a change of panel users rather than the edit form.
    static func isRequested(_ command: ApplicationCommandData) -> Bool {
        command.userID("add") != nil || command.userID("remove") != nil
    }

    static func run(_ context: InteractionContext, _ command: ApplicationCommandData, workflowId: Int) async throws {
        let strings = context.strings
        let services = context.services
        if let user = command.user("add"), user.isBot == true {
            throw Refusal(strings.fieldRule(strings.fieldName("panelUsers"), strings.panelUserNoBots))
        }
        let add = command.userID("add").map { [$0.description] } ?? []
        let remove = command.userID("remove").map { [$0.description] } ?? []
        let username = command.string("username").map(Username.normalized)
        var usernames: [String: String] = [:]
        if let username, let added = add.first { usernames[added] = username }
        try await context.deferReply(ephemeral: true)
        let change: WorkflowService.PanelUsersChange
        do {
            change = try await services.workflow.changePanelUsers(workflowId, by: context.invokerID, add: add, remove: remove, usernames: usernames)
        } catch let refusal as PanelUsersRefusal {
            throw Refusal(strings.describe(refusal))
        } catch LendingError.usernameMissing(let discordId) {
            throw Refusal(strings.panelUsernameNeeded(discordId))
        }
        var lines = [strings.panelUsersChanged(workflowId, added: change.added, removed: change.removed, by: context.invokerID)]
        if let task = change.task { lines.append(strings.panelUsersTaskQueued(task.id)) }
        lines.append(strings.panelUsersNow(change.panelUsers))
        try await context.editReply(MessageEdit(content: Limits.content(lines.joined(separator: "\n")), embeds: [], components: [],
                                                allowedMentions: .nobody))
    }
}

extension SlashCommand {
    /// The options `workflow edit` takes for a change of panel users.
    static var panelUsersOptions: [CommandOption] {
        [
            parameter(.user, "add", Text("追加", "add"), Text("パネルユーザーに加えるメンバー", "A member to add to the panel users"), required: false),
            parameter(.user, "remove", Text("削除", "remove"), Text("パネルユーザーから外すメンバー", "A member to remove from the panel users"),
                      required: false),
            parameter(.string, "username", Text("ユーザー名", "username"),
                      Text("追加するメンバーにパネルアカウントがないときのユーザー名", "The panel username for an added member without a panel account"),
                      required: false, length: Username.minimumLength...Username.maximumLength),
        ]
    }
}
