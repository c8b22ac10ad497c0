public import Discord
import Foundation
import Lending
import Logging

/// Sends each interaction to its handler, after the checks every handler needs: a known command
/// or custom_id, the guild the bot serves, and moderator rights for `/mcserver-admin` and for
/// moderator-only components. Whatever a handler throws is answered with a message the invoker
/// can act on; details go to the log only.
public struct InteractionRouter: Sendable {
    let services: BotServices
    let handlers: HandlerRegistry

    public init(services: BotServices, handlers: HandlerRegistry) {
        self.services = services
        self.handlers = handlers
    }

    public func handle(_ interaction: Interaction) async {
        // Only the served guild may set the language of the guild's notices: another guild's
        // interaction (refused below) would otherwise switch the moderators' channel to its locale.
        if interaction.guildID == services.guildID { services.guildLanguage.update(interaction.guildLocale) }
        let context = InteractionContext(interaction, services: services)
        var logger = services.logger
        logger[metadataKey: "interaction"] = "\(interaction.id)"
        let type = Self.metricType(interaction.data)
        do {
            try await dispatch(context)
            services.metrics.interactionHandled(type, outcome: .answered)
        } catch {
            services.metrics.interactionHandled(type, outcome: Self.isRefusal(error) ? .refused : .failed)
            await report(error, to: context, logger: logger)
        }
        // Any answered command, button or form may have filed, decided or changed a loan; the board
        // folds a burst of them into one refresh, and one that changed nothing sends nothing.
        if type != .autocomplete { services.board?.changed() }
        await rememberLocale(of: interaction, logger: logger)
    }

    /// Keeps the member's language for the direct messages the bot sends later. After the answer,
    /// so the write never counts against Discord's three seconds; a failed write costs only the
    /// language of a later message.
    private func rememberLocale(of interaction: Interaction, logger: Logger) async {
        guard interaction.guildID == services.guildID || interaction.guildID == nil,
              let locale = interaction.locale, let member = interaction.invoker?.id else { return }
        do {
            try await services.memberLocales.remember(discordId: member.description, locale: locale.rawValue)
        } catch {
            logger.info("member's language not stored", metadata: ["error": "\(error)"])
        }
    }

    /// The label `type` of an interaction's series (its count and its first-response time).
    static func metricType(_ data: InteractionData?) -> BotMetrics.InteractionType {
        switch data {
        case .applicationCommand: .command
        case .autocomplete: .autocomplete
        case .messageComponent: .component
        case .modalSubmit: .modal
        case nil: .unknown
        }
    }

    /// A refusal or a rule of the lending policy: the invoker was told no, nothing broke.
    private static func isRefusal(_ error: any Error) -> Bool {
        error is Refusal || error is LendingError || error is ServerTypeRefusal
    }

    private func dispatch(_ context: InteractionContext) async throws {
        let strings = context.strings
        let inGuild = context.interaction.guildID == services.guildID
        guard inGuild || context.interaction.guildID == nil && directMessageComponent(context.interaction.data) != nil else {
            throw Refusal(strings.onlyInGuild)
        }
        switch context.interaction.data {
        case .applicationCommand(let command):
            let path = ([command.name] + command.subcommandPath).joined(separator: " ")
            if command.name == CommandNames.admin, !context.isModerator { throw Refusal(strings.moderatorsOnly) }
            guard let handler = handlers.commands[path] else { throw Refusal(strings.unknownAction) }
            try await handler.run(context, command)
        case .autocomplete(let command):
            let path = ([command.name] + command.subcommandPath).joined(separator: " ")
            guard command.name != CommandNames.admin || context.isModerator, let handler = handlers.autocompletes[path] else {
                try await context.respond(.autocompleteResult([]))
                return
            }
            try await handler.run(context, command)
        case .messageComponent(let data):
            guard let route = ComponentRoute(customID: data.customID), let handler = handlers.components[route.kind] else {
                throw Refusal(strings.unknownAction)
            }
            if handler.moderatorsOnly, !context.isModerator { throw Refusal(strings.moderatorsOnly) }
            try await handler.run(context, route, data)
        case .modalSubmit(let data):
            guard let route = ComponentRoute(customID: data.customID), let handler = handlers.modals[route.kind] else {
                throw Refusal(strings.unknownAction)
            }
            if handler.moderatorsOnly, !context.isModerator { throw Refusal(strings.moderatorsOnly) }
            try await handler.run(context, route, data)
        case nil:
            throw Refusal(strings.unknownAction)
        }
    }

    /// The handler of a component that may be pressed in a direct message, if this is one.
    private func directMessageComponent(_ data: InteractionData?) -> (any ComponentHandler)? {
        guard case .messageComponent(let component) = data, let route = ComponentRoute(customID: component.customID),
              let handler = handlers.components[route.kind], handler.worksInDirectMessages else { return nil }
        return handler
    }

    private func report(_ error: any Error, to context: InteractionContext, logger: Logger) async {
        let message: String
        switch error {
        case let refusal as Refusal:
            message = refusal.message
        case let lending as LendingError:
            message = context.strings.describe(lending)
        case let serverType as ServerTypeRefusal:
            message = context.strings.describe(serverType)
        case let failure as PortFailure:
            message = context.strings.panelFailed(failure.message)
        case let discord as DiscordError where { if case .invalidPayload = discord.kind { true } else { false } }():
            logger.error("the bot built a message Discord would refuse", metadata: ["error": "\(discord)"])
            message = context.strings.somethingWentWrong
        default:
            logger.error("interaction failed", metadata: ["error": "\(error)"])
            message = context.strings.somethingWentWrong
        }
        do {
            try await context.tell(message)
        } catch {
            logger.warning("could not tell the invoker about a failure", metadata: ["error": "\(error)"])
        }
    }
}

/// A refusal whose message is already in the invoker's language.
public struct Refusal: Error, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
