import Foundation

/// An answer decided under the simulator's lock, before any byte is written. Delivery details
/// (a delay, a cut body) are attached by fault injection and carried out by the server glue.
struct SimulatedResponse: Sendable {
    enum Delivery: Sendable, Equatable {
        case complete
        case resetMidBody(afterBytes: Int)
    }

    var status: Int
    var headers: [String: String]
    var body: Data
    var delivery: Delivery = .complete
    var delay: Duration?

    static func json(_ status: Int, _ value: SimulatorJSON, headers: [String: String] = [:]) -> SimulatedResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return SimulatedResponse(status: status, headers: headers, body: value.encoded())
    }

    static func html(_ status: Int, _ text: String, headers: [String: String] = [:]) -> SimulatedResponse {
        var headers = headers
        headers["Content-Type"] = "text/html; charset=UTF-8"
        return SimulatedResponse(status: status, headers: headers, body: Data(text.utf8))
    }

    static var noContent: SimulatedResponse {
        SimulatedResponse(status: 204, headers: [:], body: Data())
    }

    /// Discord's 401/403/429 count toward the invalid-request limit (10,000 per 10 min per IP),
    /// except 429s with scope "shared" (docs/DISCORD.md#invalid-requests).
    var countsAsInvalid: Bool {
        switch status {
        case 401, 403: true
        case 429: headers["X-RateLimit-Scope"] != "shared"
        default: false
        }
    }
}

/// Cloudflare's pages, for the answers that come from the edge rather than from Discord's API.
enum EdgePages {
    /// What a request without a proper `User-Agent` can get (docs/DISCORD.md#requests): Cloudflare's block page.
    static let blocked = """
        <!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head>
        <body><h1>Sorry, you have been blocked</h1><p>You are unable to access discord.com</p></body></html>
        """

    /// Cloudflare's rate-limit ban (error 1015).
    static let banned = """
        <!DOCTYPE html><html><head><title>Access denied | discord.com used Cloudflare to restrict access</title></head>
        <body><h1>error code: 1015</h1><p>You are being rate limited</p></body></html>
        """

    static func gateway(_ status: Int) -> String {
        let phrase = switch status {
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Error"
        }
        return "<html><head><title>\(status) \(phrase)</title></head><body><center><h1>\(status) \(phrase)</h1></center><hr><center>cloudflare</center></body></html>"
    }
}
