import Discord
import Foundation
import Lending
import Pterodactyl

/// `/mcserver-admin workflow edit id add remove username`: a moderator changes who may use the
/// server. Without `add` or `remove` the command opens the edit form instead (`WorkflowEditCommand`).
///
/// A PENDING request only stores its new users; an ACTIVE loan's panel follows through a durable
/// task (`PanelUsersTask`), and a member added without a panel account needs a panel username:
/// given in `username`, or else asked in a modal as the approval asks (`PanelUserUsernameSubmit`).
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
        // Only database reads before the modal, so it opens within Discord's three seconds.
        if username == nil, let added = command.userID("add"), try await services.queries.workflow(workflowId)?.status == .active,
           try await !services.workflow.withoutAccount([added.description]).isEmpty {
            // Snowflakes fit an Int for centuries yet; one that does not is refused, not trapped on.
            let removed = command.userID("remove")
            guard let member = Int(exactly: added.rawValue), removed.map({ Int(exactly: $0.rawValue) != nil }) ?? true else {
                throw Refusal(strings.panelUsernameNeeded(added.description))
            }
            let route = ComponentRoute.addPanelUser(workflowId: workflowId, member: member, removing: removed.flatMap { Int(exactly: $0.rawValue) })
            try await context.openModal(Modal(customID: route.customID, title: strings.panelUsernameTitle(workflowId), components: [
                .label(Label(label: strings.usernameLabel(added.description), description: strings.usernameHint,
                             component: .textInput(TextInput(customID: added.description, style: .short, placeholder: "player01", isRequired: true,
                                                             minLength: Username.minimumLength, maxLength: Username.maximumLength)))),
            ]))
            return
        }
        try await apply(context, workflowId: workflowId, add: add, remove: remove, usernames: usernames)
    }

    /// The change, after a deferral (the domain's transaction and its answer), answered privately.
    static func apply(_ context: InteractionContext, workflowId: Int, add: [String], remove: [String], usernames: [String: String]) async throws {
        let strings = context.strings
        let services = context.services
        if context.answer == .none { try await context.deferReply(ephemeral: true) }
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

/// The panel username of a member added to an ACTIVE loan without an account:
/// `wf.users.add:<id>:<member>[:<member removed>]`. Everything is checked again by the domain.
struct PanelUserUsernameSubmit: ModalHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: ModalSubmitData) async throws {
        guard case .addPanelUser(let workflowId, let member, let removing) = route else { throw Refusal(context.strings.unknownAction) }
        let added = String(member)
        let username = (data.textInputValue(customID: added) ?? "").trimmingCharacters(in: .whitespaces)
        try await PanelUsersEdit.apply(context, workflowId: workflowId, add: [added], remove: removing.map { [String($0)] } ?? [],
                                       usernames: username.isEmpty ? [:] : [added: Username.normalized(username)])
    }
}

extension SlashCommand {
    /// The options `workflow edit` takes for a change of panel users.
    static var panelUsersOptions: [CommandOption] {
        [
            parameter(.user, "add", Text("add"), Text("A member to add to the panel users"), required: false),
            parameter(.user, "remove", Text("remove"), Text("A member to remove from the panel users"),
                      required: false),
            parameter(.string, "username", Text("username"),
                      Text("The panel username for an added member without a panel account"),
                      required: false, length: Username.minimumLength...Username.maximumLength),
        ]
    }
}
