package import FlyingFox
import FlyingSocks

/// A FlyingFox server on 127.0.0.1, on a port the system picks, with Nagle off: what every HTTP
/// simulator runs on.
package struct LoopbackHTTPServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    package let port: UInt16

    /// Starts listening and returns once connections are accepted. `timeout` bounds one handler:
    /// a slower one gets a 500 from FlyingFox, so it must exceed any delay a test injects.
    /// `port` 0 lets the system pick; another port listens there again after a `stop()`.
    package static func start(handler: some HTTPHandler, timeout: Double, port: UInt16 = 0) async throws -> LoopbackHTTPServer {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), timeout: timeout, logger: .disabled, handler: handler)
        let task = Task { try await server.run() }
        // FlyingFox's default wait is 5 s, which hundreds of tests starting at once on two busy
        // cores have outlasted. A failed bind is only met at this timeout, but on a port the
        // system picks it does not happen, and a test that asks for its old port again can wait.
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port) = await server.listeningAddress else {
            task.cancel()
            throw SimulatorError.notListening
        }
        ListeningSocketTuning.disableNagle(onListenerAt: port)
        return LoopbackHTTPServer(server: server, task: task, port: port)
    }

    /// Stops listening and closes open connections.
    package func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }
}
