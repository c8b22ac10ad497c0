import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import SimulatorSupport
import Testing

@Suite("Gateway simulator INTERACTION_CREATE") struct GatewaySimulatorInteractionTests {
    @Test("a command with a subcommand group carries the nested option tree") func command() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let interaction = simulator.makeCommandInteraction(name: "server", options: [
                .subcommandGroup("loan", [.subcommand("extend", [.integer("days", 7), .string("reason", "イベント"), .user("member", id: "1400000000000000002")])]),
            ])
            let data = try #require(interaction.payload["data"])
            #expect(interaction.payload["type"] == 2)
            #expect(data["name"] == "server")
            #expect(data["options"]?[0]?["type"] == 2)
            #expect(data["options"]?[0]?["options"]?[0]?["name"] == "extend")
            #expect(data["options"]?[0]?["options"]?[0]?["type"] == 1)
            #expect(data["options"]?[0]?["options"]?[0]?["options"]?[0] == ["name": "days", "type": 4, "value": 7])
            #expect(interaction.payload["member"]?["user"]?["id"] == "1400000000000000001")
            #expect(interaction.payload["token"]?.stringValue == interaction.token)
        }
    }

    @Test("autocomplete marks exactly one option focused; components and modal submits have their shapes") func otherTypes() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let autocomplete = simulator.makeAutocompleteInteraction(name: "server", options: [.subcommand("request", [.string("game", "mine", focused: true)])])
            #expect(autocomplete.payload["type"] == 4)
            #expect(autocomplete.payload["data"]?["options"]?[0]?["options"]?[0]?["focused"] == true)

            let select = simulator.makeComponentInteraction(customID: "pick", componentType: 3, values: ["a", "b"])
            #expect(select.payload["type"] == 3)
            #expect(select.payload["data"] == ["custom_id": "pick", "component_type": 3, "values": ["a", "b"]])
            #expect(select.payload["message"]?["components"]?[0]?["components"]?[0]?["custom_id"] == "pick")

            let modal = simulator.makeModalSubmitInteraction(customID: "request-form", fields: [
                .textInput(customID: "reason", value: "for the event"), .stringSelect(customID: "days", values: ["7"]),
            ])
            #expect(modal.payload["type"] == 5)
            let first = modal.payload["data"]?["components"]?[0]
            #expect(first?["type"] == 18)
            #expect(first?["component"]?["type"] == 4)
            #expect(first?["component"]?["custom_id"] == "reason")
            #expect(first?["component"]?["value"] == "for the event")
            #expect(modal.payload["data"]?["components"]?[1]?["component"]?["values"] == ["7"])
        }
    }

    @Test("each interaction gets a fresh id and token") func fresh() async throws {
        try await GatewaySimulatorFixture.withSimulator { simulator in
            let interactions = (0..<5).map { _ in simulator.makeComponentInteraction(customID: "approve") }
            #expect(Set(interactions.map(\.id)).count == 5)
            #expect(Set(interactions.map(\.token)).count == 5)
        }
    }

    @Test("a dispatched interaction reaches the client and is registered with the REST simulator, whose deadline starts then",
          arguments: [2, 3, 4, 5])
    func dispatchedAndRegistered(type: Int) async throws {
        // A stopped clock: the REST simulator must know the interaction from its dispatch on, which
        // the accepted callback shows; whether a loaded machine answers within 3 s is not the question
        // (the deadline itself is tested against the REST simulator alone).
        let rest = DiscordRESTSimulator(configuration: .init(botToken: GatewaySimulatorFixture.token), clock: .manual())
        try await rest.start()
        defer { Task { await rest.stop() } }
        try await GatewaySimulatorFixture.withSimulator(rest: rest) { simulator in
            let client = try await GatewaySimulatorTestClient.connect(to: simulator.connectURL())
            _ = try await client.identifiedReady()
            let interaction = switch type {
            case 2: simulator.makeCommandInteraction(name: "ping")
            case 3: simulator.makeComponentInteraction(customID: "approve")
            case 4: simulator.makeAutocompleteInteraction(name: "server", options: [.string("game", "mi", focused: true)])
            default: simulator.makeModalSubmitInteraction(customID: "form", fields: [.textInput(customID: "why", value: "because")])
            }
            #expect(simulator.dispatchInteraction(interaction) == 2)
            let received = await client.next(op: 0)
            #expect(received?["t"] == "INTERACTION_CREATE")
            #expect(received?["d"] == interaction.payload)

            let callbackType: SimulatorJSON = switch type {
            case 3: 6
            case 4: ["type": 8, "data": ["choices": []]]
            default: ["type": 4, "data": ["content": "ok"]]
            }
            let body: SimulatorJSON = callbackType.intValue.map { ["type": .integer(Int64($0))] } ?? callbackType
            let reply = try await RESTSimulatorTestClient(baseURL: rest.baseURL)
                .send("POST", "/interactions/\(interaction.id)/\(interaction.token)/callback", json: body)
            #expect(reply.status == 204)
            #expect(rest.interactionResponses(for: interaction.id).count == 1)
        }
    }
}
