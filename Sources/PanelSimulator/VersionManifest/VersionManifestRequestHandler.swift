import FlyingFox
import SimulatorSupport

/// The simulator's one FlyingFox handler: the path and method in, the simulator's answer out.
struct VersionManifestRequestHandler: HTTPHandler {
    weak var simulator: VersionManifestSimulator?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let simulator else { return HTTPResponse(statusCode: .serviceUnavailable) }
        let answer = simulator.handle(method: request.method.rawValue, path: request.target.path())
        let status = HTTPStatusCode(answer.status, phrase: SimulatedHTTP.phrase(for: answer.status))
        return HTTPResponse(statusCode: status, headers: [HTTPHeader("Content-Type"): "application/json"], body: answer.body)
    }
}
