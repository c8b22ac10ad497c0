import DiscordSimulator
import Foundation
import PanelSimulator
import SimulatorSupport
import Synchronization

/// A fresh Discord (REST + gateway) and panel for one bot under test, on loopback. The gateway
/// simulator's URL is what the REST simulator's `GET /gateway/bot` returns, so a client that asks
/// Discord where the gateway is (discord.py) finds it there. Interactions are registered with the
/// REST side the moment they are dispatched, so Discord's 3 s deadline applies as usual.
final class SimulatedDiscord: Sendable {
    static let guildID = "1200000000000000001"

    let rest: DiscordRESTSimulator
    let gateway: DiscordGatewaySimulator
    let panel: PanelSimulator

    private init(rest: DiscordRESTSimulator, gateway: DiscordGatewaySimulator, panel: PanelSimulator) {
        self.rest = rest
        self.gateway = gateway
        self.panel = panel
    }

    static func start() async throws -> SimulatedDiscord {
        let gateway = DiscordGatewaySimulator(configuration: .init(guildIDs: [guildID]))
        try await gateway.start()
        let rest = DiscordRESTSimulator(configuration: .init(guildID: guildID, gatewayURL: gateway.gatewayURL.absoluteString))
        try await rest.start()
        let panel = PanelSimulator()
        try await panel.start()
        return SimulatedDiscord(rest: rest, gateway: gateway, panel: panel)
    }

    func stop() async {
        await gateway.stop()
        await rest.stop()
        await panel.stop()
    }

    var botToken: String { rest.configuration.botToken }

    /// True once the bot's commands are registered and its session is READY.
    var isBotReady: Bool {
        gateway.sessionStartCount > 0 && rest.commands.contains { $0["name"]?.stringValue == "mcserver" }
    }

    // MARK: The checkout flow

    private static let organizer = SimulatedResolvedUser(id: "1400000000000000002", username: "organizer")
    private static let panelUsers = [SimulatedResolvedUser(id: "1400000000000000001", username: "borrower"),
                                     SimulatedResolvedUser(id: "1400000000000000003", username: "builder")]

    /// The `number`th member of the guild (from 1), whom the load's interactions come from.
    private static func memberID(_ number: Int) -> String { String(1_500_000_000_000_000_000 + number) }
    private static func memberName(_ number: Int) -> String { "member\(number)" }

    /// The invoker whose fields are the template's slots.
    private static let templateMember = SimulatedInvoker(userID: InteractionTemplate.Slot.userID.marker,
                                                         username: InteractionTemplate.Slot.username.marker)

    /// `/mcserver checkout` by `member`, as the gateway simulator builds it. The command's id in
    /// `data` is fixed, as Discord's is for one registered command.
    private func checkoutCommand(as member: SimulatedInvoker) -> SimulatedInteraction {
        gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: member)
    }

    /// A filled-in submission by `member` of the checkout modal with `customID`.
    private func checkoutSubmit(customID: String, as member: SimulatedInvoker) -> SimulatedInteraction {
        gateway.makeModalSubmitInteraction(customID: customID, fields: [
            .textInput(customID: "description", value: "Summer festival build event"),
            .textInput(customID: "mcVersion", value: "1.21.4"),
            .textInput(customID: "periodDays", value: "7"),
            .userSelect(customID: "organizer", users: [Self.organizer]),
            .userSelect(customID: "panelUsers", users: Self.panelUsers),
        ], as: member)
    }

    /// The checkout flow's two interactions, each serialised once (see `InteractionTemplate`), after
    /// checking that each renders what the gateway simulator builds for the same member and values.
    func makeCheckoutTemplates() throws -> (command: InteractionTemplate, submit: InteractionTemplate) {
        let command = InteractionTemplate(checkoutCommand(as: Self.templateMember))
        let submit = InteractionTemplate(checkoutSubmit(customID: InteractionTemplate.Slot.customID.marker, as: Self.templateMember))
        let member = SimulatedInvoker(userID: Self.memberID(7), username: Self.memberName(7))
        let customID = "checkout:\"7\""
        try Self.check(command, against: checkoutCommand(as: member))
        try Self.check(submit, against: checkoutSubmit(customID: customID, as: member), customID: customID)
        return (command, submit)
    }

    /// The command's id in `data` is the template's own; everything else must be equal.
    private static func check(_ template: InteractionTemplate, against built: SimulatedInteraction, customID: String = "") throws {
        let rendered = template.render(.init(id: built.id, token: built.token, userID: memberID(7), username: memberName(7), customID: customID))
        guard case .object(var fields)? = SimulatorJSON(parsing: Data(rendered)) else {
            throw BenchmarkFailure(description: "the interaction template renders no JSON object: \(String(decoding: rendered, as: UTF8.self))")
        }
        if case .object(var data)? = fields["data"], let id = built.payload["data"]?["id"] {
            data["id"] = id
            fields["data"] = .object(data)
        }
        guard SimulatorJSON.object(fields) == built.payload else {
            throw BenchmarkFailure(description: "the interaction template renders \(String(decoding: rendered, as: UTF8.self)), not \(String(decoding: built.payload.encoded(), as: UTF8.self))")
        }
    }

    /// A fresh interaction id from the gateway simulator's snowflakes.
    func makeInteractionID() -> String { gateway.makeSnowflake() }

    /// Sends `template` as interaction `id` (from `makeInteractionID()`) of the `member`th member,
    /// with `token`, after registering it with REST (its deadlines start now). `customID` fills a
    /// submission's slot. Returns the dispatch's sequence number (nil when the bot has no session).
    func dispatch(_ template: InteractionTemplate, id: String, member: Int, token: String, customID: String = "") -> Int? {
        let bytes = template.render(.init(id: id, token: token, userID: Self.memberID(member), username: Self.memberName(member), customID: customID))
        rest.registerInteraction(id: id, token: token, type: template.type, channelID: template.channelID)
        return gateway.dispatch(event: "INTERACTION_CREATE", encodedData: bytes)
    }
}
