import Foundation
import Hashing

/// The opening handshake of RFC 6455 §4, client side: the Upgrade request and the checks on the
/// server's answer. The bytes after the answer's blank line are already frames and must be kept.
public struct Handshake: Sendable {
    /// The GUID every server appends to the key before hashing (RFC 6455 §1.3).
    static let acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// `Sec-WebSocket-Key`: 16 random bytes in base64, fresh for every connection.
    public let key: String

    public init<Generator: RandomNumberGenerator>(using generator: inout Generator) {
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        key = Data(bytes).base64EncodedString()
    }

    /// The GET request that asks `host` to switch `path` (with its query) to WebSocket.
    public func request(host: String, path: String, headers: [(String, String)] = []) -> [UInt8] {
        var lines = [
            "GET \(path) HTTP/1.1",
            "Host: \(host)",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: \(key)",
            "Sec-WebSocket-Version: 13",
        ]
        lines += headers.map { "\($0.0): \($0.1)" }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    /// The `Sec-WebSocket-Accept` value a server must answer `key` with: base64(SHA-1(key + GUID)).
    public static func acceptValue(for key: String) -> String {
        Data(Digest.sha1.hash(Array((key + acceptGUID).utf8))).base64EncodedString()
    }

    /// Checks the server's answer once its head is complete: nil while `received` has no blank line
    /// yet, otherwise the bytes that followed the head (the first frames).
    public func validateResponse(_ received: [UInt8]) throws(WebSocketError) -> [UInt8]? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        guard let end = received.firstRange(of: terminator) else {
            guard received.count <= 16_384 else { throw WebSocketError(.handshakeFailed, "the response head is larger than 16 KiB") }
            return nil
        }
        let head = String(decoding: received[..<end.lowerBound], as: UTF8.self)
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusParts = lines.first?.split(separator: " ", maxSplits: 2) ?? []
        guard statusParts.count >= 2, statusParts[1] == "101" else {
            throw WebSocketError(.handshakeFailed, "expected status 101, got \"\(lines.first ?? "")\"")
        }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            fields[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        guard fields["upgrade"]?.lowercased() == "websocket" else {
            throw WebSocketError(.handshakeFailed, "the response lacks Upgrade: websocket")
        }
        guard fields["connection"]?.lowercased().split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "upgrade" }) == true else {
            throw WebSocketError(.handshakeFailed, "the response lacks Connection: Upgrade")
        }
        guard fields["sec-websocket-accept"] == Self.acceptValue(for: key) else {
            throw WebSocketError(.handshakeFailed, "Sec-WebSocket-Accept does not match the key")
        }
        if let extensions = fields["sec-websocket-extensions"], !extensions.isEmpty {
            throw WebSocketError(.handshakeFailed, "the server chose an extension that was not offered")
        }
        return Array(received[end.upperBound...])
    }
}
