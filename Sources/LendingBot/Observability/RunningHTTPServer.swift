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

    /// Binds to `address` and returns once connections are accepted. Throws the server's own error
    /// as soon as it fails (an address in use, one the machine does not have), or FlyingFox's
    /// timeout when it is not listening within `listenTimeout`; the caller says what to do about it.
    ///
    /// FlyingFox's wait for listening does not end when binding fails, only at its timeout; the
    /// server's failure is raced against it, so the timeout can be long enough for a loaded
    /// machine without making an operator wait that long to hear that the port is taken.
    public static func start(address: some SocketAddress, timeout: Double, handler: some HTTPHandler,
                             listenTimeout: Double = 60) async throws -> RunningHTTPServer {
        let server = HTTPServer(address: address, timeout: timeout, logger: .disabled, handler: handler)
        let (ended, reportEnd) = AsyncStream<(any Error)?>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let task = Task {
            do {
                try await server.run()
                reportEnd.yield(nil)
            } catch {
                reportEnd.yield(error)
                throw error
            }
        }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.waitUntilListening(timeout: listenTimeout) }
                group.addTask {
                    // Ends quietly when listening came first and this wait is cancelled.
                    for await end in ended {
                        throw end ?? ServerEnded()
                    }
                }
                try await group.next()
                group.cancelAll()
            }
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

/// The server's run ended, without an error, before it was listening.
struct ServerEnded: Error, CustomStringConvertible {
    var description: String { "the server stopped before it was listening" }
}
