import Discord
import Hashing

/// The `nonce` of a notice's channel message: the first 25 hexadecimal digits (100 bits) of the
/// SHA-256 of the notice's deduplication key and the message's destination.
///
/// The key is the same on every retry of one notice, so a retry after a lost answer or a 5xx sends
/// the same nonce, and Discord (with `enforce_nonce`) returns the message it already created
/// instead of posting it twice. 25 characters is Discord's limit for a string nonce.
enum MessageNonce {
    static func make(deduplicationKey: String, destination: String) -> String {
        String(Digest.sha256.hexString(Array("\(deduplicationKey)|\(destination)".utf8)).prefix(Limit.messageNonce.value))
    }
}
