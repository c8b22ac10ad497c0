import Foundation
import Secrets

/// Writes the payloads the session sends (IDENTIFY, RESUME, HEARTBEAT) as JSON text.
struct GatewayCommandEncoder: Sendable {
    let token: Secret
    let intents: UInt64

    private struct Payload<Body: Encodable>: Encodable {
        let op: Int
        let d: Body
    }

    private struct Identify: Encodable {
        struct Properties: Encodable {
            let os = "linux"
            let browser = "lending-bot"
            let device = "lending-bot"
        }

        let token: String
        let intents: UInt64
        let properties = Properties()
        // Transport compression is on; payload compression must stay off (docs/DISCORD.md#identify).
        let compress = false
    }

    private struct Resume: Encodable {
        let token: String
        let session_id: String
        let seq: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(token, forKey: .token)
            try container.encode(session_id, forKey: .session_id)
            // `seq` is sent as null when no dispatch arrived yet, not left out.
            try container.encode(seq, forKey: .seq)
        }

        enum CodingKeys: String, CodingKey {
            case token, session_id, seq
        }
    }

    private struct Heartbeat: Encodable {
        let op = GatewayOpcode.heartbeat.rawValue
        let d: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(op, forKey: .op)
            try container.encode(d, forKey: .d)
        }

        enum CodingKeys: String, CodingKey {
            case op, d
        }
    }

    func encode(_ command: GatewayStateMachine.Command) -> String {
        let encoder = JSONEncoder()
        let data: Data? = switch command {
        case .identify:
            try? encoder.encode(Payload(op: GatewayOpcode.identify.rawValue, d: Identify(token: token.revealed(), intents: intents)))
        case .resume(let sessionID, let sequence):
            try? encoder.encode(Payload(op: GatewayOpcode.resume.rawValue, d: Resume(token: token.revealed(), session_id: sessionID, seq: sequence)))
        case .heartbeat(let sequence):
            try? encoder.encode(Heartbeat(d: sequence))
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
