package import Foundation

/// An answer decided under the simulator's lock, before any byte is written. Delivery details
/// (a delay, a cut body) are attached by fault injection and carried out by the server glue.
package struct SimulatedResponse: Sendable {
    package enum Delivery: Sendable, Equatable {
        case complete
        case resetMidBody(afterBytes: Int)
    }

    package var status: Int
    package var headers: [String: String]
    package var body: Data
    package var delivery: Delivery = .complete
    package var delay: Duration?

    package init(status: Int, headers: [String: String], body: Data, delivery: Delivery = .complete, delay: Duration? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delivery = delivery
        self.delay = delay
    }

    package static func json(_ status: Int, _ value: SimulatorJSON, headers: [String: String] = [:]) -> SimulatedResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return SimulatedResponse(status: status, headers: headers, body: value.encoded())
    }

    package static func html(_ status: Int, _ text: String, headers: [String: String] = [:]) -> SimulatedResponse {
        var headers = headers
        headers["Content-Type"] = "text/html; charset=UTF-8"
        return SimulatedResponse(status: status, headers: headers, body: Data(text.utf8))
    }

    package static var noContent: SimulatedResponse {
        SimulatedResponse(status: 204, headers: [:], body: Data())
    }

    /// Discord's 401/403/429 count toward the invalid-request limit (10,000 per 10 min per IP),
    /// except 429s with scope "shared" (docs/DISCORD.md#invalid-requests).
    package var countsAsInvalid: Bool {
        switch status {
        case 401, 403: true
        case 429: headers["X-RateLimit-Scope"] != "shared"
        default: false
        }
    }
}
