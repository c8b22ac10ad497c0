import Dispatch
import Glibc
import Synchronization
import TestSupport

/// Stops the bot under test when the benchmark itself is interrupted (Ctrl-C, or SIGTERM from
/// `Benchmarks/run`'s caller), so that no bot outlives the run holding the simulators' ports.
enum ChildCleanup {
    private static let current = Mutex<ChildProcess?>(nil)

    static func track(_ child: ChildProcess?) {
        current.withLock { $0 = child }
    }

    /// Replaces the default action of SIGINT and SIGTERM: kill the tracked child, then exit 130.
    /// The caller keeps the returned sources alive for as long as the handling should last.
    static func install() -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                current.withLock { $0?.terminate() }
                exit(130)
            }
            source.resume()
            return source
        }
    }
}
