import Foundation
import Testing
@testable import Discord

/// The INTERACTION_CREATE fast path (`Interaction.readPlain`) against the Codable models: on the
/// same payloads it reads the same interaction, or it gives up and the models decide.
@Suite("Reading INTERACTION_CREATE by the fast path")
struct InteractionPlainReadingTests {
    static func dispatch(_ interaction: String) -> GatewayDispatch {
        GatewayDispatch(sequence: 1, name: "INTERACTION_CREATE", payload: Data(#"{"op":0,"s":1,"t":"INTERACTION_CREATE","d":\#(interaction)}"#.utf8))
    }

    /// Commands and modal submits without a message, whose resolved objects are users and members.
    static let taken = [InteractionFixtures.userOption, InteractionFixtures.directMessageCommand, InteractionFixtures.labelModalSubmit,
                        InteractionFixtures.legacyModalSubmit, checkoutSubmit]
    /// What the fast path leaves to the models: a number option and resolved roles, channels and
    /// attachments; autocomplete; components (with their message); PING and unknown types.
    static let left = [InteractionFixtures.nestedSubcommandGroup, InteractionFixtures.autocomplete, InteractionFixtures.stringSelect,
                       InteractionFixtures.buttonPress, InteractionFixtures.userSelect, InteractionFixtures.ping, InteractionFixtures.futureType]

    /// The benchmark's and the sandbox's modal submit: Labels with text inputs and user selects,
    /// resolved users and members, an `id` on every component.
    static let checkoutSubmit = """
    {"id": "1200000000000000012", "application_id": "900000000000000001", "type": 5, "token": "t", "version": 1,
     \(InteractionFixtures.commonGuildFields.replacingOccurrences(of: "\"application_id\": \"900000000000000001\",", with: "")
        .replacingOccurrences(of: "\"token\": \"aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQtdG9rZW4tdmFsdWU\",", with: "")
        .replacingOccurrences(of: "\"version\": 1,", with: "")),
     "data": {"custom_id": "checkout.form", "components": [
       {"type": 18, "id": 1, "component": {"type": 4, "id": 2, "custom_id": "description", "value": "Summer festival build event"}},
       {"type": 18, "id": 3, "component": {"type": 4, "id": 4, "custom_id": "periodDays", "value": "7"}},
       {"type": 18, "id": 5, "component": {"type": 5, "id": 6, "custom_id": "panelUsers", "values": ["1400000000000000001", "1400000000000000003"]}}],
      "resolved": {
        "users": {"1400000000000000001": {"id": "1400000000000000001", "username": "borrower", "bot": false},
                  "1400000000000000003": {"id": "1400000000000000003", "username": "builder", "global_name": null}},
        "members": {"1400000000000000001": {"roles": [], "nick": null, "permissions": "1024", "joined_at": "2025-06-01T00:00:00.000000+00:00"}}}}}
    """

    @Test("a command or modal submit is read by the fast path, equal to the models' reading", arguments: taken)
    func agreesWhereTaken(_ interaction: String) throws {
        let dispatch = Self.dispatch(interaction)
        let plain = try #require(Interaction.readPlain(dispatch: dispatch.payload))
        #expect(plain == (try dispatch.decode(Interaction.self)))
        #expect(try dispatch.decodeInteraction() == plain)
    }

    @Test("what the fast path leaves to the models is decoded by them", arguments: left)
    func leavesTheRest(_ interaction: String) throws {
        let dispatch = Self.dispatch(interaction)
        #expect(Interaction.readPlain(dispatch: dispatch.payload) == nil)
        #expect(try dispatch.decodeInteraction() == (try dispatch.decode(Interaction.self)))
    }

    /// Variants of a payload the fast path takes: each is either read as the models read it, or
    /// left to them; none is read differently, and none the models refuse is accepted.
    static let variants: [(String, String)] = [
        ("\"Summer festival build event\"", #""Summer \"festival\"\nbuild""#),
        ("\"type\": 5", "\"type\": 5.0"),
        ("\"type\": 5", "\"type\": 5e0"),
        ("\"type\": 5", "\"type\": \"5\""),
        ("\"type\": 5", "\"type\": null"),
        ("\"version\": 1", "\"version\": 1, \"version\": 2"),
        ("\"id\": \"1200000000000000012\"", "\"id\": 1200000000000000012"),
        ("\"id\": \"1200000000000000012\"", "\"id\": \"12x\""),
        ("\"token\": \"t\"", "\"token\": null"),
        ("\"token\": \"t\", ", ""),
        ("\"locale\": \"ja\"", "\"locale\": null"),
        ("\"locale\": \"ja\"", "\"locale\": 7"),
        ("\"roles\": []", "\"roles\": null"),
        ("\"roles\": []", "\"roles\": [\"x\"]"),
        ("\"permissions\": \"1024\"", "\"permissions\": 1024"),
        ("\"permissions\": \"1024\"", "\"permissions\": \"-1\""),
        ("\"bot\": false", "\"bot\": 0"),
        ("\"values\": [\"1400000000000000001\", \"1400000000000000003\"]", "\"values\": null"),
        ("\"values\": [\"1400000000000000001\", \"1400000000000000003\"]", "\"values\": [1]"),
        ("\"custom_id\": \"periodDays\", ", ""),
        ("\"id\": 4,", "\"id\": 04,"),
        ("\"id\": 4,", "\"id\": -4,"),
        ("\"1400000000000000003\": {\"id\"", "\"14x\": {\"id\""),
        ("\"type\": 18, \"id\": 1,", "\"type\": 99, \"id\": 1,"),
        ("\"components\": [", "\"components\": {\"a\": ["),
        ("\"resolved\": {", "\"message\": null, \"resolved\": {"),
        ("\"resolved\": {", "\"resolved\": {\"roles\": {}, "),
        ("\"resolved\": {", "\"resolved\": {\"roles\": null, "),
        ("Summer festival", "Summer \u{01} festival"),
        ("\"type\": 5,", "\"type\": 2,"),
    ]

    @Test("a variant is read as the models read it, or left to them", arguments: variants)
    func agreesOnVariants(_ change: (String, String)) throws {
        #expect(Self.checkoutSubmit.contains(change.0), "the variant changes nothing: \(change.0)")
        let dispatch = Self.dispatch(Self.checkoutSubmit.replacingOccurrences(of: change.0, with: change.1))
        let plain = Interaction.readPlain(dispatch: dispatch.payload)
        let models = Result { try dispatch.decode(Interaction.self) }
        switch models {
        case .success(let interaction): #expect(plain == nil || plain == interaction)
        case .failure: #expect(plain == nil, "the fast path accepted what the models refuse")
        }
        #expect((try? dispatch.decodeInteraction()) == (try? models.get()))
    }

    @Test("a document that is not plain JSON is refused by the reader", arguments: [
        "", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":tru}", "{\"a\":1} x",
        "{\"a\":\"\\u0041\"}", "{\"a\":1,\"a\":2}", String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
    ])
    func refusesOddDocuments(_ text: String) {
        #expect(Data(text.utf8).withUnsafeBytes { PlainJSON.parse($0) } == nil)
    }

    @Test("the reader keeps strings, numbers, literals, arrays and objects as written")
    func readsPlainDocuments() {
        let text = #" {"s": "日本語", "n": -12.5, "i": 0, "t": true, "f": false, "z": null, "a": [1, {"b": []}], "o": {}} "#
        func object(_ members: [(String, PlainJSON)]) -> PlainJSON { .object(members.map { PlainJSON.Member(key: $0.0, value: $0.1) }) }
        let expected = object([("s", .string("日本語")), ("n", .number("-12.5")), ("i", .number("0")), ("t", .bool(true)), ("f", .bool(false)),
                               ("z", .null), ("a", .array([.number("1"), object([("b", .array([]))])])), ("o", object([]))])
        #expect(Data(text.utf8).withUnsafeBytes { PlainJSON.parse($0) } == expected)
    }
}
