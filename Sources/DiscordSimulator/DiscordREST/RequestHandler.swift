import FlyingFox
import FlyingSocks
import Foundation
import SimulatorSupport

/// The one catch-all FlyingFox handler: turns the socket's request into an `IncomingRequest`, lets
/// the simulator judge it, and writes the answer the way the fault (if any) asks for.
///
/// It holds the simulator weakly so that the server, which lives inside the simulator, does not
/// keep it alive; a request that arrives after the simulator is gone gets a 503.
struct RequestHandler: HTTPHandler {
    weak var simulator: DiscordRESTSimulator?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let arrivedAt = ContinuousClock.now
        guard let simulator else { return HTTPResponse(statusCode: .serviceUnavailable) }
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        var query: [String: String] = [:]
        for item in request.query { query[item.name] = item.value }
        let incoming = IncomingRequest(
            method: request.method.rawValue, path: request.path, query: query,
            headers: headers, body: try await request.bodyData, arrivedAt: arrivedAt
        )
        let response = simulator.handle(incoming)
        if let delay = response.delay { try await Task.sleep(for: delay) }
        return SimulatedHTTP.response(response)
    }
}
