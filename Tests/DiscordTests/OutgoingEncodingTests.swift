import Foundation
import Testing
import Discord

@Suite("Encoding outgoing payloads")
struct OutgoingEncodingTests {
    @Test("absent optionals are omitted, never sent as null")
    func omitsNil() throws {
        #expect(try JSON.string(MessageCreate(content: "hi")) == #"{"content":"hi"}"#)
        #expect(try JSON.string(MessageEdit()) == "{}")
        #expect(try JSON.string(Embed(title: "t")) == #"{"title":"t"}"#)
        #expect(!(try JSON.string(SamplePayloads.commands)).contains("null"))
        for (_, callback) in SamplePayloads.callbacks {
            #expect(!(try JSON.string(callback)).contains("null"))
        }
    }

    @Test("an ephemeral reply and an ephemeral deferral carry flags 64")
    func ephemeral() throws {
        #expect(try JSON.string(InteractionCallback.channelMessage(MessageCreate(content: "x", flags: .ephemeral)))
            == #"{"data":{"content":"x","flags":64},"type":4}"#)
        #expect(try JSON.string(InteractionCallback.deferredChannelMessage(flags: .ephemeral)) == #"{"data":{"flags":64},"type":5}"#)
        #expect(try JSON.string(InteractionCallback.deferredChannelMessage(flags: nil)) == #"{"type":5}"#)
        #expect(try JSON.string(InteractionCallback.deferredUpdateMessage) == #"{"type":6}"#)
        #expect(try JSON.string(InteractionCallback.pong) == #"{"type":1}"#)
    }

    @Test("components carry their type number, also inside labels and rows")
    func componentTypes() throws {
        let label = Component.label(Label(label: "Who", component: .entitySelect(EntitySelect(.user, customID: "u"))))
        #expect(try JSON.string(label) == #"{"component":{"custom_id":"u","type":5},"label":"Who","type":18}"#)
        let row = Component.actionRow(ActionRow([.button(Button(style: .primary, label: "Go", customID: "go"))]))
        #expect(try JSON.string(row) == #"{"components":[{"custom_id":"go","label":"Go","style":1,"type":2}],"type":1}"#)
        let input = Component.textInput(TextInput(customID: "t", style: .paragraph, isRequired: false, maxLength: 4000))
        #expect(try JSON.string(input) == #"{"custom_id":"t","max_length":4000,"required":false,"style":2,"type":4}"#)
    }

    @Test("a command sends permissions as a string, localizations by locale and integer bounds as integers")
    func command() throws {
        let object = try #require(try JSON.object(SamplePayloads.commands) as? [[String: Any]])
        #expect(object[0]["default_member_permissions"] as? String == "0")
        #expect(object[1]["default_member_permissions"] as? String == "268435456")
        #expect(object[0]["name_localizations"] as? [String: String] == ["ja": "サーバー", "en-US": "server"])
        #expect(object[0]["contexts"] as? [Int] == [0])
        let text = try JSON.string(SamplePayloads.commands[0])
        #expect(text.contains(#""max_value":30,"#))
        #expect(text.contains(#""min_value":1,"#))
    }

    @Test("an embed timestamp is ISO 8601 text")
    func embedTimestamp() throws {
        let text = try JSON.string(Embed(timestamp: Date(timeIntervalSince1970: 1_714_564_800)))
        #expect(text == #"{"timestamp":"2024-05-01T12:00:00.000Z"}"#)
    }

    @Test("REST bodies use Discord's field names")
    func restBodies() throws {
        #expect(try JSON.string(CreateDMChannel(recipientID: 300_000_000_000_000_001)) == #"{"recipient_id":"300000000000000001"}"#)
        #expect(try JSON.string(AllowedMentions.nobody) == #"{"parse":[]}"#)
        #expect(try JSON.string(AllowedMentions(parse: [.users, .roles], repliedUser: false)) == #"{"parse":["users","roles"],"replied_user":false}"#)
    }

    @Test("callbacks decode back to what was encoded", arguments: SamplePayloads.callbacks.map(\.name))
    func callbackRoundTrip(name: String) throws {
        let callback = try #require(SamplePayloads.callbacks.first { $0.name == name }?.callback)
        #expect(try JSON.roundTrip(callback) == callback)
    }

    @Test("commands, messages, edits and modals decode back to what was encoded")
    func roundTrip() throws {
        #expect(try JSON.roundTrip(SamplePayloads.commands) == SamplePayloads.commands)
        #expect(try JSON.roundTrip(SamplePayloads.message) == SamplePayloads.message)
        #expect(try JSON.roundTrip(SamplePayloads.edit) == SamplePayloads.edit)
        #expect(try JSON.roundTrip(SamplePayloads.labelModal) == SamplePayloads.labelModal)
        #expect(try JSON.roundTrip(CreateDMChannel(recipientID: 5)) == CreateDMChannel(recipientID: 5))
    }
}
