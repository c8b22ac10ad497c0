import Foundation
import FlyingFox
import FlyingSocks

/// The one catch-all FlyingFox handler: turns the socket's request into an `IncomingRequest`, lets
/// the simulator judge it, and writes the answer the way the fault (if any) asks for.
///
/// It holds the simulator weakly so that the server, which lives inside the simulator, does not
/// keep it alive; a request that arrives after the simulator is gone gets a 503.
struct RequestHandler: HTTPHandler {
    weak var simulator: DiscordRESTSimulator?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard let simulator else { return HTTPResponse(statusCode: .serviceUnavailable) }
        var headers: [String: String] = [:]
        for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
        var query: [String: String] = [:]
        for item in request.query { query[item.name] = item.value }
        let incoming = IncomingRequest(
            method: request.method.rawValue, path: request.path, query: query,
            headers: headers, body: try await request.bodyData
        )
        let response = simulator.handle(incoming)
        if let delay = response.delay { try await Task.sleep(for: delay) }
        return Self.makeHTTPResponse(response)
    }

    static func makeHTTPResponse(_ response: SimulatedResponse) -> HTTPResponse {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers[HTTPHeader(name)] = value }
        let status = HTTPStatusCode(response.status, phrase: phrase(for: response.status))
        switch response.delivery {
        case .resetMidBody(let bytes) where !response.body.isEmpty:
            let cut = TruncatedBody(bytes: Array(response.body.prefix(max(0, min(bytes, response.body.count - 1)))))
            return HTTPResponse(statusCode: status, headers: headers,
                                body: HTTPBodySequence(from: cut, count: response.body.count, suggestedBufferSize: max(1, bytes)))
        default:
            return HTTPResponse(statusCode: status, headers: headers, body: response.body)
        }
    }

    static func phrase(for status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}

/// A body that yields its bytes and then fails, so FlyingFox stops writing and closes the socket
/// after the headers promised more (`Content-Length` is the full length): a connection reset mid-body.
struct TruncatedBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let bytes: [UInt8]

    struct ConnectionReset: Error {}

    func makeAsyncIterator() -> Iterator { Iterator(remaining: bytes[...]) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var remaining: ArraySlice<UInt8>

        mutating func next() async throws -> UInt8? {
            guard let byte = remaining.first else { throw ConnectionReset() }
            remaining = remaining.dropFirst()
            return byte
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard !remaining.isEmpty else { throw ConnectionReset() }
            let chunk = remaining.prefix(count)
            remaining = remaining.dropFirst(chunk.count)
            return chunk
        }
    }
}
