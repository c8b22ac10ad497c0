public import WebSocket

/// Why the gateway session stopped for good.
public struct GatewayError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Discord closed with a code that must not be retried (4004, 4010–4014).
        case fatalClose(CloseCode)
        /// The gateway URL could not be found (GET /gateway/bot failed for good).
        case noGatewayURL
    }

    public let kind: Kind
    public let reason: String

    public init(_ kind: Kind, reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String {
        switch kind {
        case .fatalClose(let code): "gateway closed with \(code): \(reason); not reconnecting"
        case .noGatewayURL: "no gateway URL: \(reason)"
        }
    }
}
