import Clocks
import Discord
import Foundation
import Lending
import Pterodactyl

/// `/mcserver-admin workflow approve id [server]`.
struct WorkflowApproveCommand: CommandHandler {
    func run(_ context: InteractionContext, _ command: ApplicationCommandData) async throws {
        let id = try WorkflowCommands.workflowId(in: command, strings: context.strings)
        try await ApprovalFlow.start(context, workflowId: id, serverAlias: WorkflowCommands.text("server", in: command))
    }
}

/// The Approve button on the moderators' notice: `wf.approve:<id>`.
struct ApproveButton: ComponentHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard case .approveRequest(let workflowId) = route else { throw Refusal(context.strings.unknownAction) }
        try await ApprovalFlow.start(context, workflowId: workflowId, serverAlias: nil)
    }
}

/// Continue, under a reply to a usernames modal: `wf.names.more:<id>`. Discord does not allow a
/// modal in reply to a modal submit, so each further round of usernames starts from a button.
struct UsernamesContinueButton: ComponentHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        guard case .moreUsernames(let workflowId) = route else { throw Refusal(context.strings.unknownAction) }
        let services = context.services
        try await services.workflow.requirePending(workflowId)
        guard let draft = services.drafts.draft(for: workflowId, moderator: context.invokerID, now: services.clock.date) else {
            throw Refusal(context.strings.approvalDraftMissing(workflowId))
        }
        let missing = try await services.workflow.usersWithoutAccount(workflowId)
        if missing.allSatisfy({ draft.usernames[$0] != nil }) {
            // Everything was typed but the approval was refused for another reason: try it again.
            try await ApprovalFlow.finish(context, workflowId: workflowId, draft: draft, missing: missing)
        } else {
            try await ApprovalFlow.openUsernamesModal(context, workflowId: workflowId, missing: missing, draft: draft)
        }
    }
}

/// A submitted usernames modal: `wf.names:<id>`, one text input per member, keyed by Discord id.
struct UsernamesSubmit: ModalHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: ModalSubmitData) async throws {
        let strings = context.strings
        let services = context.services
        guard case .usernames(let workflowId) = route else { throw Refusal(strings.unknownAction) }
        let now = services.clock.date
        guard let before = services.drafts.draft(for: workflowId, moderator: context.invokerID, now: now) else {
            throw Refusal(strings.approvalDraftMissing(workflowId))
        }
        let missing = try await services.workflow.usersWithoutAccount(workflowId)
        var accepted: [String: String] = [:]
        var problems: [String] = []
        for discordId in missing {
            guard let raw = data.textInputValue(customID: discordId)?.trimmingCharacters(in: .whitespaces) else { continue }
            let username = Username.normalized(raw)
            let takenInDraft = before.usernames.contains { $0.key != discordId && $0.value == username }
                || accepted.values.contains(username)
            if !services.panel.acceptsUsername(username) {
                problems.append(strings.usernameInvalid(discordId, raw))
            } else if takenInDraft {
                problems.append(strings.usernameTaken(discordId, username))
            } else if try await services.queries.isUsernameTaken(username) {
                problems.append(strings.usernameTaken(discordId, username))
            } else {
                accepted[discordId] = username
            }
        }
        let draft = services.drafts.merge(accepted, for: workflowId, moderator: context.invokerID, serverAlias: nil, now: now)
        let collected = missing.filter { draft.usernames[$0] != nil }.count
        if !problems.isEmpty {
            try await ApprovalFlow.replyWithContinue(context, workflowId: workflowId,
                                                     (problems + [strings.usernamesRetry]).joined(separator: "\n"))
        } else if collected < missing.count {
            try await ApprovalFlow.replyWithContinue(context, workflowId: workflowId,
                                                     strings.usernamesProgress(workflowId, collected: collected, of: missing.count))
        } else {
            try await ApprovalFlow.finish(context, workflowId: workflowId, draft: draft, missing: missing)
        }
    }
}

/// The approval as a moderator goes through it: approve at once when every panel user has a
/// panel account; otherwise ask for the missing usernames, at most five per modal, keeping what
/// was typed in `ApprovalDrafts` (never in a custom_id) until all are known.
enum ApprovalFlow {
    /// Text inputs per modal: Discord allows five top-level components.
    static let usernamesPerModal = 5

    /// The start from the command or the notice's button. Only database reads come before the
    /// modal, so it opens within Discord's three seconds; an earlier draft of this moderator's
    /// for the request is dropped, so Approve always starts afresh.
    static func start(_ context: InteractionContext, workflowId: Int, serverAlias: String?) async throws {
        let services = context.services
        try await services.workflow.requirePending(workflowId)
        let missing = try await services.workflow.usersWithoutAccount(workflowId)
        let now = services.clock.date
        if services.drafts.draft(for: workflowId, moderator: context.invokerID, now: now) != nil {
            services.drafts.discard(workflowId)
        }
        guard !missing.isEmpty else {
            try await approve(context, workflowId: workflowId, serverAlias: serverAlias, usernames: [:])
            return
        }
        if let serverAlias {
            // Said now rather than after the last modal.
            try await services.workflow.requireServerFree(serverAlias, for: workflowId)
        }
        let draft = services.drafts.merge([:], for: workflowId, moderator: context.invokerID, serverAlias: serverAlias, now: now)
        try await openUsernamesModal(context, workflowId: workflowId, missing: missing, draft: draft)
    }

    /// The next round: up to five of the members still without a username in the draft.
    static func openUsernamesModal(_ context: InteractionContext, workflowId: Int, missing: [String], draft: ApprovalDrafts.Draft) async throws {
        let strings = context.strings
        let collected = missing.filter { draft.usernames[$0] != nil }.count
        let round = Array(missing.filter { draft.usernames[$0] == nil }.prefix(usernamesPerModal))
        let inputs: [Component] = round.map { discordId in
            .label(Label(label: strings.usernameLabel(discordId), description: strings.usernameHint,
                         component: .textInput(TextInput(customID: discordId, style: .short, placeholder: "player01", isRequired: true,
                                                         minLength: Username.minimumLength, maxLength: Username.maximumLength))))
        }
        try await context.openModal(Modal(
            customID: ComponentRoute.usernames(workflowId: workflowId).customID,
            title: strings.usernamesTitle(workflowId, from: collected + 1, to: collected + round.count, of: missing.count),
            components: inputs))
    }

    /// Every username is known: approve with them. A username the domain refuses (taken by an
    /// approval that started meanwhile) is dropped from the draft and asked again.
    static func finish(_ context: InteractionContext, workflowId: Int, draft: ApprovalDrafts.Draft, missing: [String]) async throws {
        let services = context.services
        let usernames = draft.usernames.filter { missing.contains($0.key) }
        do {
            try await approve(context, workflowId: workflowId, serverAlias: draft.serverAlias, usernames: usernames)
            services.drafts.discard(workflowId)
        } catch let error as LendingError {
            switch error {
            case .usernameTaken(let name), .usernameInvalid(let name):
                let kept = draft.usernames.filter { $0.value != Username.normalized(name) }
                services.drafts.discard(workflowId)
                services.drafts.merge(kept, for: workflowId, moderator: context.invokerID, serverAlias: draft.serverAlias,
                                      now: services.clock.date)
            case .usernameMissing:
                break
            default:
                throw error
            }
            try await replyWithContinue(context, workflowId: workflowId,
                                        context.strings.describe(error) + "\n" + context.strings.usernamesRetry)
        }
    }

    /// Approves, reading the server's egg on the panel first, which can take longer than
    /// Discord's three seconds: so the reply is deferred, and then edited as the server is prepared
    /// (`ApprovalReplies`).
    static func approve(_ context: InteractionContext, workflowId: Int, serverAlias: String?, usernames: [String: String]) async throws {
        let services = context.services
        if context.answer == .none { try await context.deferReply() }
        let approval = try await services.workflow.approve(workflowId, by: context.invokerID, serverAlias: serverAlias, usernames: usernames)
        services.replies.remember(workflowId: workflowId, token: context.interaction.token, at: services.clock.date)
        try await context.tell(context.strings.approvalStarted(workflowId, server: approval.serverAlias, task: approval.task.id,
                                                               by: context.invokerID))
    }

    /// An ephemeral message with the Continue button that opens the next usernames modal.
    static func replyWithContinue(_ context: InteractionContext, workflowId: Int, _ content: String) async throws {
        let button = Button(style: .primary, label: context.strings.continueButton,
                            customID: ComponentRoute.moreUsernames(workflowId: workflowId).customID)
        let components: [Component] = [.actionRow(ActionRow([.button(button)]))]
        if context.answer == .none {
            try await context.replyEphemeral(Limits.content(content), components: components)
        } else {
            // The approval deferred before the domain refused it.
            try await context.editReply(MessageEdit(content: Limits.content(content), embeds: [], components: components, allowedMentions: .nobody))
        }
    }
}

extension SlashCommand {
    static var workflowApprove: SlashCommand {
        let server: CommandOption = serverAlias(Text("The server to lend (default: the first free one)"),
                                                required: false)
        return SlashCommand(.admin(.workflow), subcommand("approve", Text("Approve a request and lend a server"),
                                                          [requestID(Text("The request to approve")), server]),
                            handler: WorkflowApproveCommand(), autocomplete: WorkflowAutocomplete.pending)
    }
}
