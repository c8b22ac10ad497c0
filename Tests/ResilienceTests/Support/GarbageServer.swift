import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// A loopback HTTP server that answers every request 200 with whatever body the test set last,
/// as `application/json`: the bad responses a broken proxy or a confused server could send.
final class GarbageServer: Sendable {
    let port: UInt16
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let body: CurrentBody

    var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(server: HTTPServer, task: Task<Void, any Error>, port: UInt16, body: CurrentBody) {
        self.server = server
        self.task = task
        self.port = port
        self.body = body
    }

    static func start() async throws -> GarbageServer {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 30, logger: .disabled)
        let holder = CurrentBody()
        await server.appendRoute("*") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: holder.get())
        }
        let task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 60)
        let address = await server.listeningAddress
        guard case .ip4(_, let port)? = address else {
            task.cancel()
            throw NotListening()
        }
        return GarbageServer(server: server, task: task, port: port, body: holder)
    }

    /// The body every following response carries.
    func serve(_ data: Data) {
        body.set(data)
    }

    func stop() async {
        await server.stop(timeout: 0)
        task.cancel()
    }

    struct NotListening: Error {}
}

private final class CurrentBody: Sendable {
    private let data = Mutex(Data())

    func get() -> Data { data.withLock { $0 } }
    func set(_ new: Data) { data.withLock { $0 = new } }
}
