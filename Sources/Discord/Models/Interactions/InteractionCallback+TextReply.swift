import Foundation
import JSONText

extension InteractionCallback {
    /// The body of the most frequent answer, a text reply (type 4 with only `content`, and
    /// optionally `flags` and `allowed_mentions` of `.nobody`), written by hand; nil for any other
    /// callback, which `JSONEncoder` writes. The encoder's generic containers cost about 30,000
    /// instructions per interaction for this one small object; the tests hold the two writings of
    /// the same callbacks equal as JSON.
    var textReplyJSON: Data? {
        guard case .channelMessage(let message) = self, let content = message.content, message.embeds == nil, message.components == nil,
              message.tts == nil, message.nonce == nil, message.enforceNonce == nil,
              message.allowedMentions == nil || message.allowedMentions == .nobody else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(content.utf8.count + 80)
        JSONText.append(#"{"type":4,"data":{"content":"#, to: &bytes)
        JSONText.appendString(content, to: &bytes)
        if message.allowedMentions != nil { JSONText.append(#","allowed_mentions":{"parse":[]}"#, to: &bytes) }
        if let flags = message.flags {
            JSONText.append(#","flags":"#, to: &bytes)
            bytes += String(flags.rawValue).utf8
        }
        JSONText.append("}}", to: &bytes)
        return Data(bytes)
    }
}
