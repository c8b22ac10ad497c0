import Discord
import Lending

/// "Request a server" on the live board: what `/mcserver checkout` without a type opens, the
/// request form, or first the choice of a type when the pool has several.
struct BoardRequestButton: ComponentHandler {
    let moderatorsOnly = false
    let forms = PreparedForms()

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        try await RequestFormOpening.open(context, typed: nil, forms: forms)
    }
}

/// "My loans" on the live board: what `/mcserver mine` answers, to the presser only.
struct BoardMineButton: ComponentHandler {
    let moderatorsOnly = false

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        try await MineCommand.answer(context)
    }
}

/// "Review" on the live board (moderators; the router refuses anyone else as it refuses the admin
/// commands): the pending requests, as `/mcserver-admin workflow list` answers, to the presser only.
struct BoardReviewButton: ComponentHandler {
    let moderatorsOnly = true

    func run(_ context: InteractionContext, _ route: ComponentRoute, _ data: MessageComponentData) async throws {
        try await WorkflowListCommand.answer(context, status: .pending)
    }
}
