import Foundation
import WebSocket

/// The client's opening handshake (RFC 6455 §4.2.1) as the gateway judges it: the checks an HTTP
/// server makes before any WebSocket byte (method, Upgrade, Connection, key, version), then the
/// gateway's own query parameters (docs/DISCORD.md#gateway-url). A pure value, tested without sockets.
struct UpgradeRequest: Sendable, Equatable {
    let method: String
    let path: String
    /// The raw query, exactly as sent (a resume must reuse it).
    let rawQuery: String
    let query: [String: String]
    /// Header names lowercased; a repeated header keeps its last value.
    let headers: [String: String]

    /// How the simulator answers: 101 with or without a Discord close straight after, or an HTTP error.
    enum Verdict: Equatable {
        case accept(accept: String, compressed: Bool)
        /// Upgraded, then closed with this Discord code before HELLO: Discord does this for `v`.
        case acceptThenClose(accept: String, code: UInt16, reason: String)
        case reject(status: Int, reason: String)
    }

    /// Parses a request head (everything before the blank line); nil when it is not HTTP at all.
    init?(head: [UInt8]) {
        let text = String(decoding: head, as: UTF8.self)
        let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.first?.split(separator: " ") ?? []
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/") else { return nil }
        method = String(requestLine[0])
        let target = String(requestLine[1])
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts[0])
        rawQuery = parts.count > 1 ? String(parts[1]) : ""
        var query: [String: String] = [:]
        for pair in rawQuery.split(separator: "&") {
            let keyValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(keyValue[0]).removingPercentEncoding ?? String(keyValue[0])
            let value = keyValue.count > 1 ? (String(keyValue[1]).removingPercentEncoding ?? String(keyValue[1])) : ""
            query[key] = value
        }
        self.query = query
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
    }

    /// Discord's rules, in the order a server meets them: HTTP-level problems are HTTP errors; a
    /// bad `encoding` or `compress` is refused before the upgrade; a bad `v` upgrades and then
    /// closes with 4012 (what Discord does for retired API versions).
    var verdict: Verdict {
        guard method == "GET" else { return .reject(status: 405, reason: "Method Not Allowed") }
        guard headers["upgrade"]?.lowercased() == "websocket",
              headers["connection"]?.lowercased().split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "upgrade" }) == true
        else { return .reject(status: 400, reason: "Bad Request") }
        guard let key = headers["sec-websocket-key"], Data(base64Encoded: key)?.count == 16 else {
            return .reject(status: 400, reason: "Bad Request")
        }
        guard headers["sec-websocket-version"] == "13" else { return .reject(status: 426, reason: "Upgrade Required") }
        guard path == "/" || path.isEmpty else { return .reject(status: 404, reason: "Not Found") }
        guard query["encoding"] == "json" else { return .reject(status: 400, reason: "Bad Request") }
        let compressed: Bool
        switch query["compress"] {
        case nil: compressed = false
        case "zlib-stream": compressed = true
        // zstd-stream is real Discord but not simulated yet; refusing it loudly beats sending plain text.
        default: return .reject(status: 400, reason: "Bad Request")
        }
        let accept = Handshake.acceptValue(for: key)
        guard query["v"] == "10" else { return .acceptThenClose(accept: accept, code: 4012, reason: "Invalid API version") }
        return .accept(accept: accept, compressed: compressed)
    }

    /// The 101 head; the caller appends HELLO so that both leave in one `send` (docs/DISCORD.md#connection).
    static func switchingProtocols(accept: String) -> [UInt8] {
        Array("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n".utf8)
    }

    static func errorResponse(status: Int, reason: String) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: text/plain\r\nContent-Length: \(reason.utf8.count)\r\nConnection: close\r\n"
        if status == 426 { head += "Sec-WebSocket-Version: 13\r\n" }
        return Array((head + "\r\n" + reason).utf8)
    }
}
