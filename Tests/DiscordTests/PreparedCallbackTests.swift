import Discord
import Foundation
import Secrets
import DiscordSimulator
import Testing

@Suite("Callbacks prepared once")
struct PreparedCallbackTests {
    static let form = Modal(customID: "checkout.form", title: "Request a server", components: [
        .label(Label(label: "Purpose", component: .textInput(TextInput(customID: "purpose", style: .short, isRequired: true, minLength: 1, maxLength: 100)))),
    ])

    @Test("a prepared modal sends the very bytes the callback would, and each use answers its own interaction")
    func sameBytes() async throws {
        try await DiscordClientTests.withClient { client, simulator in
            let prepared = try PreparedCallback(.modal(Self.form))
            simulator.registerInteraction(id: "1600000000000000011", token: "plain", type: .applicationCommand)
            try await client.respond(to: InteractionID(1_600_000_000_000_000_011), token: Secret("plain"), with: .modal(Self.form))
            for (id, token) in [("1600000000000000012", "first"), ("1600000000000000013", "second")] {
                simulator.registerInteraction(id: id, token: token, type: .applicationCommand)
                try await client.respond(to: InteractionID(UInt64(id) ?? 0), token: Secret(token), with: prepared)
                #expect(simulator.interactionResponses(for: id).map(\.kind) == [.callback(type: 9)])
            }
            let requests = simulator.requests(to: .createInteractionResponse)
            #expect(requests.count == 3)
            // The same JSON (Foundation's encoder on Linux orders keys as it likes, so compare values),
            // and the prepared bytes the same every time.
            #expect(Set(requests.compactMap(\.body)).count == 1, "the prepared body says something else than the callback")
            #expect(requests[1].rawBody == requests[2].rawBody)
        }
    }

    @Test("a callback beyond Discord's limits is refused when it is prepared, naming the field")
    func refusedOnPreparation() throws {
        let long = Modal(customID: "checkout.form", title: String(repeating: "x", count: 46), components: Self.form.components)
        let error = #expect(throws: DiscordError.self) { try PreparedCallback(.modal(long)) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("title"))
    }
}
