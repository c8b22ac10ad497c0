import Foundation
import Testing
@testable import Discord

/// The hand-written text reply (`InteractionCallback.textReplyJSON`) against `JSONEncoder`: the same
/// callbacks give the same JSON, and every other callback is left to the encoder.
@Suite("Writing the text reply by hand")
struct TextReplyEncodingTests {
    static let contents = ["", "x", #"say "hi""#, #"back\slash"#, "line\nbreak\r\n", "tab\there", "\u{01}\u{1F}\u{7F}", "a/b</script>",
                           "貸出 #12 を受け付けました", "🎮 Minecraft 1.21.4", "\u{2028}\u{2029}", "\u{FEFF}leading mark", String(repeating: "長", count: 2000)]

    static func object(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test("a text reply is written as the encoder writes it", arguments: contents)
    func agrees(_ content: String) throws {
        for message in [MessageCreate(content: content), MessageCreate(content: content, allowedMentions: .nobody, flags: .ephemeral),
                        MessageCreate(content: content, flags: .ephemeral), MessageCreate(content: content, allowedMentions: .nobody),
                        MessageCreate(content: content, flags: [.ephemeral, .suppressEmbeds])] {
            let callback = InteractionCallback.channelMessage(message)
            let written = try #require(callback.textReplyJSON)
            #expect(try Self.object(written) == Self.object(JSONEncoder().encode(callback)))
        }
    }

    @Test("anything more than text, flags and no mentions is left to the encoder")
    func leavesTheRest() {
        let others: [InteractionCallback] = [
            .channelMessage(MessageCreate()), .channelMessage(MessageCreate(content: "x", embeds: [Embed(title: "t")])),
            .channelMessage(MessageCreate(content: "x", components: [])), .channelMessage(MessageCreate(content: "x", allowedMentions: AllowedMentions(parse: [.users]))),
            .channelMessage(MessageCreate(content: "x", allowedMentions: AllowedMentions(parse: [], repliedUser: false))),
            .channelMessage(MessageCreate(content: "x", tts: true)), .channelMessage(MessageCreate(content: "x", nonce: "n", enforceNonce: true)),
            .deferredChannelMessage(flags: .ephemeral), .deferredUpdateMessage, .pong,
        ]
        for callback in others {
            #expect(callback.textReplyJSON == nil, "\(callback)")
        }
    }
}
