import Foundation
import Glibc
import LendingBot
import Logging
import Synchronization

/// Turns SIGTERM and SIGINT into `ShutdownSignal.trigger()`; a second one ends the process at once.
///
/// The handler only writes the signal's number to a pipe (`write` is async-signal-safe); a thread
/// of its own reads the pipe and does the rest. That thread also unblocks both signals for itself:
/// a process started by a parent whose threads block signals (a test runner, some supervisors)
/// inherits a mask in which SIGTERM would otherwise stay pending forever.
enum SignalHandling {
    static let signals: [Int32] = [SIGTERM, SIGINT]

    static func install(triggering shutdown: ShutdownSignal, logger: Logger) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            logger.error("cannot watch for SIGTERM: pipe failed", metadata: ["errno": "\(errno)"])
            return
        }
        signalPipeWriteEnd.store(ends[1], ordering: .releasing)
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipeWriteEnd.load(ordering: .acquiring), &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
        let readEnd = ends[0]
        let thread = Thread {
            var mask = sigset_t()
            sigemptyset(&mask)
            for signal in signals { sigaddset(&mask, signal) }
            pthread_sigmask(SIG_UNBLOCK, &mask, nil)
            var received = 0
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count < 0, errno == EINTR { continue }
                guard count == 1 else { return }
                received += 1
                let name = Int32(byte) == SIGINT ? "SIGINT" : "SIGTERM"
                if received == 1 {
                    logger.info("shutdown requested", metadata: ["signal": "\(name)"])
                    shutdown.trigger()
                } else {
                    logger.warning("second signal: exiting without a clean shutdown", metadata: ["signal": "\(name)"])
                    _exit(1)
                }
            }
        }
        thread.name = "signals"
        thread.start()
    }
}

/// The pipe's write end for the C signal handler, which can capture nothing. Set once, before
/// any handler is installed; an atomic load is async-signal-safe.
private let signalPipeWriteEnd = Atomic<Int32>(-1)
