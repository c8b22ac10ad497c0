public import Foundation

/// One payload received from the gateway, decoded just far enough to drive the session: the opcode,
/// the sequence and event name, and `d` only where the session itself needs it (HELLO, READY,
/// INVALID_SESSION). Every other event's `d` stays in `bytes` for the application to decode.
package struct GatewayFrame: Decodable, Equatable {
    package enum Content: Equatable {
        case hello(heartbeatInterval: Duration)
        case ready(sessionID: String, resumeURL: String)
        case invalidSession(resumable: Bool)
        case other
    }

    package let opcode: Int
    package let sequence: Int?
    package let name: String?
    package let content: Content

    private enum CodingKeys: String, CodingKey {
        case op, s, t, d
    }

    /// The longest heartbeat interval taken from a HELLO, in milliseconds: five minutes.
    static let longestHeartbeatInterval = 300_000

    private struct Hello: Decodable {
        let heartbeat_interval: Int
    }

    private struct Ready: Decodable {
        let session_id: String
        let resume_gateway_url: String
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        opcode = try container.decode(Int.self, forKey: .op)
        sequence = try container.decodeIfPresent(Int.self, forKey: .s)
        name = try container.decodeIfPresent(String.self, forKey: .t)
        switch (GatewayOpcode(rawValue: opcode), name) {
        case (.hello, _):
            let hello = try container.decode(Hello.self, forKey: .d)
            guard hello.heartbeat_interval > 0 else {
                throw DecodingError.dataCorruptedError(forKey: .d, in: container, debugDescription: "heartbeat_interval must be positive")
            }
            // From the network: Discord sends about 41 s, so anything past the cap is cut to it
            // rather than left to stall heartbeats (and the send limiter's window arithmetic).
            content = .hello(heartbeatInterval: .milliseconds(min(hello.heartbeat_interval, Self.longestHeartbeatInterval)))
        case (.dispatch, "READY"):
            let ready = try container.decode(Ready.self, forKey: .d)
            content = .ready(sessionID: ready.session_id, resumeURL: ready.resume_gateway_url)
        case (.invalidSession, _):
            content = .invalidSession(resumable: (try? container.decode(Bool.self, forKey: .d)) ?? false)
        default:
            content = .other
        }
    }
}

/// An event for the application: its sequence number, name, and the whole payload as received.
public struct GatewayDispatch: Sendable, Equatable {
    public let sequence: Int
    public let name: String
    public let payload: Data
    /// When the session received it, as `elapsed` on the session's clock; nil for a dispatch made
    /// elsewhere. An interaction's answer is due within 3 seconds of Discord sending it, so the
    /// application can tell one it can no longer answer.
    public var receivedAt: Duration?

    public init(sequence: Int, name: String, payload: Data, receivedAt: Duration? = nil) {
        self.sequence = sequence
        self.name = name
        self.payload = payload
        self.receivedAt = receivedAt
    }

    /// The same event, whenever it was received.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.sequence == rhs.sequence && lhs.name == rhs.name && lhs.payload == rhs.payload
    }

    private struct Envelope<Body: Decodable>: Decodable {
        let d: Body
    }

    /// Decodes the event's `d`, e.g. `dispatch.decode(Interaction.self)` for INTERACTION_CREATE.
    public func decode<Body: Decodable>(_ type: Body.Type) throws -> Body {
        try JSONDecoder().decode(Envelope<Body>.self, from: payload).d
    }
}
