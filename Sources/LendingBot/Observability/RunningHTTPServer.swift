public import FlyingFox
public import FlyingSocks
import Foundation

/// A FlyingFox server running in a task of its own: started and stopped the same way for the
/// health endpoint and the sandbox console.
public struct RunningHTTPServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    /// The port listened on (the system's pick when 0 was asked for).
    public let port: UInt16

    /// Binds to `address` and returns once connections are accepted; throws FlyingFox's error
    /// when it cannot listen within 5 seconds (the caller says what to do about it).
    public static func start(address: some SocketAddress, timeout: Double, handler: some HTTPHandler) async throws -> RunningHTTPServer {
        let server = HTTPServer(address: address, timeout: timeout, logger: .disabled, handler: handler)
        let task = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 5)
        } catch {
            task.cancel()
            throw error
        }
        let port: UInt16 = switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): port
        default: 0
        }
        return RunningHTTPServer(server: server, task: task, port: port)
    }

    /// Stops listening and closes open connections.
    public func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }
}
