package import FlyingFox
import FlyingSocks
import Foundation

/// A decided `SimulatedResponse` written as FlyingFox's `HTTPResponse`, with the delivery fault it carries.
package enum SimulatedHTTP {
    package static func response(_ response: SimulatedResponse) -> HTTPResponse {
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

    package static func phrase(for status: Int) -> String {
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
package struct TruncatedBody: AsyncBufferedSequence, Sendable {
    package typealias Element = UInt8
    package typealias AsyncIterator = Iterator
    package let bytes: [UInt8]

    package struct ConnectionReset: Error {}

    package func makeAsyncIterator() -> Iterator { Iterator(remaining: bytes[...]) }

    package struct Iterator: AsyncBufferedIteratorProtocol {
        package var remaining: ArraySlice<UInt8>

        package mutating func next() async throws -> UInt8? {
            guard let byte = remaining.first else { throw ConnectionReset() }
            remaining = remaining.dropFirst()
            return byte
        }

        package mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            guard !remaining.isEmpty else { throw ConnectionReset() }
            let chunk = remaining.prefix(count)
            remaining = remaining.dropFirst(chunk.count)
            return chunk
        }
    }
}
