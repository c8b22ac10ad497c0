public import Discord
import Foundation
import Secrets
import Synchronization

/// One interaction being answered: who asked, in which language, and the calls that answer it.
///
/// It remembers whether the initial response has been sent, so that an error can always be
/// reported the right way (a reply before, an edit of the deferred reply after).
public final class InteractionContext: Sendable {
    public let interaction: Interaction
    public let services: BotServices
    let strings: Strings
    /// The Discord id of whoever acted.
    public let invokerID: String
    public let isModerator: Bool
    private let answered = Mutex<Answer>(.none)
    private let received = ContinuousClock.now

    enum Answer: Equatable {
        case none
        /// A deferral or a reply that later edits may change.
        case message
        /// A modal or an autocomplete answer: nothing further can be said on this token.
        case final
    }

    public init(_ interaction: Interaction, services: BotServices) {
        self.interaction = interaction
        self.services = services
        self.strings = Language(interaction.locale).strings
        self.invokerID = interaction.invoker?.id.description ?? ""
        self.isModerator = services.moderation.isModerator(interaction.member)
    }

    var answer: Answer { answered.withLock { $0 } }

    // MARK: Initial responses

    public func respond(_ callback: InteractionCallback) async throws {
        try await services.discord.respond(to: interaction.id, token: interaction.token, with: callback)
        noteAnswered(callback)
    }

    /// Answers with a callback checked and encoded once (`PreparedCallback`).
    public func respond(_ prepared: PreparedCallback) async throws {
        try await services.discord.respond(to: interaction.id, token: interaction.token, with: prepared)
        noteAnswered(prepared.callback)
    }

    /// Records how far the interaction has been answered, and times the first response.
    private func noteAnswered(_ callback: InteractionCallback) {
        let kind: Answer = switch callback {
        case .modal, .autocompleteResult, .pong: .final
        default: .message
        }
        let isFirst = answered.withLock { answer in
            defer { answer = kind }
            return answer == .none
        }
        if isFirst { services.metrics.firstResponse(InteractionRouter.metricType(interaction.data), after: ContinuousClock.now - received) }
    }

    /// A reply only the invoker sees.
    public func replyEphemeral(_ content: String, embeds: [Embed]? = nil, components: [Component]? = nil) async throws {
        try await respond(.channelMessage(MessageCreate(content: content, embeds: embeds, components: components,
                                                        allowedMentions: .nobody, flags: .ephemeral)))
    }

    /// "Thinking…", for work that may take longer than Discord's three seconds.
    public func deferReply(ephemeral: Bool = true) async throws {
        try await respond(.deferredChannelMessage(flags: ephemeral ? .ephemeral : nil))
    }

    public func openModal(_ modal: Modal) async throws {
        try await respond(.modal(modal))
    }

    // MARK: After the initial response

    /// Replaces the deferred or earlier reply.
    @discardableResult
    public func editReply(_ edit: MessageEdit) async throws -> Message {
        try await services.discord.editOriginalResponse(application: services.applicationID, token: interaction.token, with: edit)
    }

    /// Says `content` to the invoker alone, however far the interaction has got.
    public func tell(_ content: String) async throws {
        switch answer {
        case .none: try await replyEphemeral(content)
        case .message: try await editReply(MessageEdit(content: content, embeds: [], components: [], allowedMentions: .nobody))
        case .final:
            _ = try await services.discord.createFollowup(application: services.applicationID, token: interaction.token,
                                                          message: MessageCreate(content: content, allowedMentions: .nobody, flags: .ephemeral))
        }
    }
}
