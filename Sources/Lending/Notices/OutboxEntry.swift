package import Foundation

/// What the notice outbox keeps of a notice: the facts that cannot be read again when it is
/// delivered (who decided, why, the end dates of that moment). The rest, the request's purpose,
/// organizer, panel users and server, is read from the database at delivery, so a notice
/// delivered late shows the request as it stands.
///
/// Stored as one JSON object in `"NoticeOutbox"."entry"`:
/// - **Version 1**, written by this release: `{"version":1,"notice":{…}}` where the notice is
///   one of `{"requestFiled":{}}`, `{"requestRejected":{"applicant":…,"moderator":…,"reason":…}}`,
///   `{"requestWithdrawn":{"member":…}}`,
///   `{"loanExtendedByOrganizer":{"days":7,"newEnd":…,"previousEnd":…}}`,
///   `{"loanExtendedByModerator":{"moderator":…,"newEnd":…,"previousEnd":…}}`; instants are
///   `Timestamp`s, an absent reason or previous end is left out.
/// - A higher version was written by a newer release (a bot rolled back): it is refused, never
///   guessed at, and the notice is abandoned with that reason.
package enum OutboxEntry: Codable, Sendable, Equatable {
    case requestFiled
    case requestRejected(applicant: String, moderator: String, reason: String?)
    case requestWithdrawn(member: String)
    case loanExtendedByOrganizer(previousEnd: Date?, newEnd: Date, days: Int)
    case loanExtendedByModerator(previousEnd: Date?, newEnd: Date, moderator: String)

    package static let currentVersion = 1

    private struct Stored: Codable {
        let version: Int
        let notice: OutboxEntry?
    }

    /// The version-1 JSON text of this entry.
    package var stored: String {
        let encoder = StoredJSON.encoder()
        // Strings, whole numbers and instants always encode; the fallback only satisfies the
        // type checker, and would be read back as an unreadable entry.
        let data = try? encoder.encode(Stored(version: Self.currentVersion, notice: self))
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads a stored entry, or says in a moderator's words why it cannot be read.
    package static func decode(_ text: String) -> Result<OutboxEntry, PortFailure> {
        let decoder = StoredJSON.decoder()
        guard let probe = try? decoder.decode(VersionProbe.self, from: Data(text.utf8)) else {
            return .failure(.permanent("the queued notice is not a JSON object with a whole-number version"))
        }
        guard probe.version == currentVersion else {
            return .failure(.permanent("the queued notice has version \(probe.version), and this bot reads version \(currentVersion)"))
        }
        guard let notice = (try? decoder.decode(Stored.self, from: Data(text.utf8)))?.notice else {
            return .failure(.permanent("the queued notice of version \(currentVersion) is unreadable"))
        }
        return .success(notice)
    }

    private struct VersionProbe: Decodable {
        let version: Int
    }
}
