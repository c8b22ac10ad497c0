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
        ("\"version\": 1", "\"version\": -9223372036854775808"),
        ("\"version\": 1", "\"version\": 9223372036854775808"),
        ("\"version\": 1", "\"version\": -0"),
        ("\"id\": 4,", "\"id\": 99999999999999999999,"),
        ("\"1400000000000000003\": {\"id\"", "\"01400000000000000003\": {\"id\""),
        ("\"1400000000000000003\": {\"id\"", "\"001400000000000000003\": {\"id\""),
        ("\"1400000000000000003\": {\"id\"", "\"18446744073709551616\": {\"id\""),
        ("\"id\": \"1200000000000000012\"", "\"id\": \"\""),
        ("\"permissions\": \"1024\"", "\"permissions\": \"0001024\""),
        ("\"permissions\": \"1024\"", "\"permissions\": \"\""),
        ("\"permissions\": \"1024\"", "\"permissions\": \"18446744073709551616\""),
        ("\"username\": \"builder\"", "\"username\": \"ビルダー\""),
        ("\"global_name\": null", "\"global_name\": null, \"global_name\": \"x\""),
        ("\"bot\": false", "\"bot\": true"),
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
        "{\"a\":\"\\u0041\"}", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1},\"a\":2}", "{\"a\":1e5}", "{\"a\":[1 2]}", "{1:2}",
        String(repeating: "[", count: 40) + String(repeating: "]", count: 40),
    ])
    func refusesOddDocuments(_ text: String) {
        #expect(Data(text.utf8).withUnsafeBytes { PlainJSON.parse($0) } == nil)
    }

    @Test("a string that is not UTF-8 is refused, in a key or a value", arguments: [
        [0xE6, 0x97], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF],
    ] as [[UInt8]])
    func refusesMalformedUTF8(_ bad: [UInt8]) {
        for document in [Array(#"{"a":""#.utf8) + bad + Array(#""}"#.utf8), Array(#"{""#.utf8) + bad + Array(#"":1}"#.utf8)] {
            #expect(document.withUnsafeBytes { PlainJSON.parse($0) } == nil)
            #expect((try? JSONSerialization.jsonObject(with: Data(document))) == nil, "Foundation accepts it too")
        }
    }

    /// The document as a tree, to compare with what was written.
    indirect enum Tree: Equatable {
        case object([String], [Tree])
        case array([Tree])
        case string(String)
        case number(String)
        case bool(Bool)
        case null

        init(_ value: PlainJSON.Value) {
            switch value.kind {
            case .object:
                let members = value.members ?? []
                self = .object(members.map { String(decoding: $0.key, as: UTF8.self) }, members.map { Tree($0.value) })
            case .array: self = .array((value.elements ?? []).map(Tree.init))
            case .string: self = .string(value.string ?? "not a string")
            case .number: self = .number(value.text.map { String(decoding: $0, as: UTF8.self) } ?? "not a number")
            case .bool: self = .bool(value.bool ?? false)
            case .null: self = .null
            }
        }
    }

    @Test("the reader keeps strings, numbers, literals, arrays and objects as written")
    func readsPlainDocuments() throws {
        let text = #" {"s": "日本語", "n": -12.5, "i": 0, "t": true, "f": false, "z": null, "a": [1, {"b": []}], "o": {}, "": "empty key"} "#
        let expected = Tree.object(["s", "n", "i", "t", "f", "z", "a", "o", ""], [
            .string("日本語"), .number("-12.5"), .number("0"), .bool(true), .bool(false), .null,
            .array([.number("1"), .object(["b"], [.array([])])]), .object([], []), .string("empty key")])
        let read = Data(text.utf8).withUnsafeBytes { bytes in PlainJSON.parse(bytes).map(Tree.init) }
        #expect(read == expected)
        Data(text.utf8).withUnsafeBytes { bytes in
            let document = PlainJSON.parse(bytes)
            #expect(document?["a"]?.elements?.count == 2)
            #expect(document?["o"]?["b"] == nil)
            #expect(document?["s"]?["b"] == nil, "a string has no members")
            #expect(document?[""]?.string == "empty key")
            #expect(document?["missing"] == nil)
            #expect(document?["z"]?.kind == .null)
        }
    }

    @Test("the eight-byte scan stops at most eight bytes short of where a byte-by-byte scan would")
    func plainASCIIRun() {
        // Deterministic bytes, mostly plain text with the bytes that end a plain run mixed in.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let special: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x0A, 0x80, 0xE6, 0xFF, 0x7F, 0x20, 0x21, 0x5B, 0x5D]
        for _ in 0..<2_000 {
            let count = Int(next() % 40)
            let bytes = (0..<count).map { _ in next() % 6 == 0 ? special[Int(next() % UInt64(special.count))] : UInt8(0x41 + next() % 26) }
            let start = count == 0 ? 0 : Int(next() % UInt64(count))
            let plain = { (byte: UInt8) in byte >= 0x20 && byte < 0x80 && byte != 0x22 && byte != 0x5C }
            let firstSpecial = bytes[start...].firstIndex { !plain($0) } ?? count
            let end = bytes.withUnsafeBufferPointer { $0.endOfPlainASCII(from: start) }
            #expect(end <= firstSpecial && firstSpecial - end < 8, "\(bytes) from \(start): \(end)")
            #expect(end >= start)
        }
    }

    @Test("snowflakes and decimal strings read from bytes as from a String", arguments: [
        "0", "1", "00", "1400000000000000001", "01400000000000000001", "001400000000000000001", "18446744073709551615",
        "18446744073709551616", "99999999999999999999", "", "-1", "+1", "1 ", "1a", "١٢", "12345678901234567890123",
    ])
    func snowflakeFromBytes(_ text: String) {
        let fromBytes = Array(text.utf8).withUnsafeBufferPointer { Snowflake<UserKind>(digits: $0) }
        #expect(fromBytes == Snowflake<UserKind>(text))
        let decimal = Array(text.utf8).withUnsafeBufferPointer { UInt64(decimalDigits: $0) }
        #expect(decimal == (text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? UInt64(text) : nil))
    }
}
