import Foundation
import SimulatorSupport

/// The server's payloads as bytes, in Discord's field order (`t`, `s`, `op`, `d`). Built by hand
/// around `SimulatorJSON.encoded()` so that a dispatch's `d` is exactly the JSON a test passed in.
enum GatewayPayload {
    static func hello(heartbeatInterval: Duration) -> [UInt8] {
        let milliseconds = heartbeatInterval.components.seconds * 1000 + heartbeatInterval.components.attoseconds / 1_000_000_000_000_000
        return frame(op: GatewayOpcode.hello, data: ["heartbeat_interval": .integer(milliseconds), "_trace": ["gateway-simulator"]])
    }

    static func dispatch(event: String, sequence: Int, data: SimulatorJSON) -> [UInt8] {
        dispatch(event: event, sequence: sequence, encodedData: Array(data.encoded()))
    }

    /// A dispatch around `d` already serialised.
    static func dispatch(event: String, sequence: Int, encodedData: [UInt8]) -> [UInt8] {
        var bytes = Array("{\"t\":".utf8)
        bytes += Array(SimulatorJSON.string(event).encoded())
        bytes += Array(",\"s\":\(sequence),\"op\":0,\"d\":".utf8)
        bytes += encodedData
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    static let heartbeatAck = frame(op: GatewayOpcode.heartbeatAck, data: nil)
    static let heartbeatRequest = frame(op: GatewayOpcode.heartbeat, data: nil)
    static let reconnect = frame(op: GatewayOpcode.reconnect, data: nil)

    static func invalidSession(resumable: Bool) -> [UInt8] {
        frame(op: GatewayOpcode.invalidSession, data: .bool(resumable))
    }

    private static func frame(op: Int, data: SimulatorJSON?) -> [UInt8] {
        var bytes = Array("{\"t\":null,\"s\":null,\"op\":\(op),\"d\":".utf8)
        bytes += Array((data ?? .null).encoded())
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
