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
    static func member(_ number: Int) -> SimulatedInvoker {
        SimulatedInvoker(userID: String(1_500_000_000_000_000_000 + number), username: "member\(number)")
    }

    /// `/mcserver checkout` by the `member`th member, to be sent with `dispatch(_:)`.
    func makeCheckoutCommand(member: Int) -> SimulatedInteraction {
        gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Self.member(member))
    }

    /// A filled-in submission, by the `member`th member, of the modal whose `custom_id` the bot sent.
    func makeCheckoutSubmit(modalCustomID: String, member: Int) -> SimulatedInteraction {
        gateway.makeModalSubmitInteraction(customID: modalCustomID, fields: [
            .textInput(customID: "description", value: "Summer festival build event"),
            .textInput(customID: "mcVersion", value: "1.21.4"),
            .textInput(customID: "periodDays", value: "7"),
            .userSelect(customID: "organizer", users: [Self.organizer]),
            .userSelect(customID: "panelUsers", users: Self.panelUsers),
        ], as: Self.member(member))
    }

    /// Registers `interaction` with REST (its deadlines start now) and sends INTERACTION_CREATE.
    func dispatch(_ interaction: SimulatedInteraction) {
        rest.registerInteraction(id: interaction.id, token: interaction.token, type: interaction.type,
                                 channelID: interaction.channelID, message: interaction.payload["message"])
        gateway.dispatch(event: "INTERACTION_CREATE", data: interaction.payload)
    }
}
