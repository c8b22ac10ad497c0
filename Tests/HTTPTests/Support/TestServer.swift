import FlyingFox
import FlyingSocks
import Foundation

/// A FlyingFox server on an ephemeral loopback port, for the routes that behave normally.
///
/// Routes:
/// - `/echo`: any method; answers 200 with the request body, `X-Method`, the request's `X-Test`,
///   `Content-Type` and `Expect` headers echoed as `X-Received-*`, and two `Set-Cookie` lines.
/// - `/status/<code>`: answers that status with the body `status <code>`.
/// - `/never`: answers after 10 minutes, i.e. not within any test.
/// - `/bytes/<count>`: streams `count` zero bytes, generated as they are sent, so the server holds
///   no more than one 64 KiB buffer.
/// - `/hello`: answers `hello`.
final class TestServer: Sendable {
    let port: UInt16
    private let server: HTTPServer
    private let task: Task<Void, any Error>

    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16) {
        self.server = server
        self.task = task
        self.port = port
    }

    static func start() async throws -> TestServer {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled)
        await addRoutes(to: server)
        let task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 60)
        let address = await server.listeningAddress
        guard case .ip4(_, let port)? = address else {
            task.cancel()
            throw TestServerError.noPort
        }
        return TestServer(server: server, task: task, port: port)
    }

    func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }

    private static func addRoutes(to server: HTTPServer) async {
        await server.appendRoute("/echo") { request in
            var headers: FlyingFox.HTTPHeaders = [
                HTTPHeader("X-Method"): request.method.rawValue,
                HTTPHeader("X-Received-Test"): request.headers[HTTPHeader("X-Test")] ?? "",
                HTTPHeader("X-Received-Content-Type"): request.headers[.contentType] ?? "",
                HTTPHeader("X-Received-Expect"): request.headers[HTTPHeader("Expect")] ?? "",
            ]
            headers.addValue("a=1", for: .setCookie)
            headers.addValue("b=2", for: .setCookie)
            return FlyingFox.HTTPResponse(statusCode: .ok, headers: headers, body: try await request.bodyData)
        }
        await server.appendRoute("/status/*") { request in
            let code = Int(request.path.split(separator: "/").last ?? "") ?? 500
            return FlyingFox.HTTPResponse(statusCode: HTTPStatusCode(code, phrase: "Test"),
                                          body: Data("status \(code)".utf8))
        }
        await server.appendRoute("/never") { _ in
            try? await Task.sleep(for: .seconds(600))
            return FlyingFox.HTTPResponse(statusCode: .ok, body: Data("never".utf8))
        }
        await server.appendRoute("/bytes/*") { request in
            let count = Int(request.path.split(separator: "/").last ?? "") ?? 0
            let body = HTTPBodySequence(from: ZeroBytes(count: count), count: count, suggestedBufferSize: 64 * 1024)
            return FlyingFox.HTTPResponse(statusCode: .ok, body: body)
        }
        await server.appendRoute("/hello") { _ in
            FlyingFox.HTTPResponse(statusCode: .ok, body: Data("hello".utf8))
        }
    }
}

enum TestServerError: Error {
    case noPort
}

/// Runs `body` with a fresh server, stopping it afterwards whatever happens.
func withTestServer<T>(_ body: (TestServer) async throws -> T) async throws -> T {
    let server = try await TestServer.start()
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// `count` zero bytes, produced on demand.
struct ZeroBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let count: Int

    func makeAsyncIterator() -> Iterator {
        Iterator(remaining: count)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var remaining: Int

        mutating func next() async -> UInt8? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            return 0
        }

        mutating func nextBuffer(suggested count: Int) async -> Repeated<UInt8>? {
            guard remaining > 0 else { return nil }
            let size = Swift.min(count, remaining)
            remaining -= size
            return repeatElement(0, count: size)
        }
    }
}
