/// The seam under the Discord and panel clients: production uses `HTTPClient`, tests a fake that
/// answers from memory or a simulator.
public protocol HTTPTransport: Sendable {
    /// Sends one request and returns the response whatever its status.
    ///
    /// Throws `HTTPError` when no complete response arrived, and `CancellationError` when the
    /// calling task was cancelled first.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
