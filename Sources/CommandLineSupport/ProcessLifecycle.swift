import Foundation
import Glibc
public import Logging
public import ServiceLifecycle
import Synchronization

/// Runs a command's service (the bot, the sandbox) in a `ServiceGroup` until SIGTERM or SIGINT:
/// the first signal shuts the group down gracefully, a second ends the process at once with 1.
///
/// The signals are watched here rather than by the group's own `gracefulShutdownSignals`, which
/// have no answer for a second signal. The C handler only writes the signal's number to a pipe
/// (`write` is async-signal-safe); a thread of its own reads the pipe and does the rest. That
/// thread also unblocks both signals for itself: a process started by a parent whose threads
/// block signals (a test runner, some supervisors) inherits a mask in which SIGTERM would
/// otherwise stay pending forever.
public enum ProcessLifecycle {
    static let signals: [Int32] = [SIGTERM, SIGINT]

    /// Runs `service` until it returns, throws (its error is thrown here) or a signal stops it.
    public static func run(_ service: any Service, logger: Logger) async throws {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)], logger: logger))
        SignalSource.install(logger: logger) {
            Task { await group.triggerGracefulShutdown() }
        }
        try await group.run()
    }
}

/// What a signal does: the first asks for a graceful shutdown, any later one exits at once.
public struct SignalCounter: Sendable {
    public enum Action: Equatable {
        case shutDownGracefully
        case exitNow
    }

    private var received = 0

    public init() {}

    public mutating func received(_ signal: Int32) -> Action {
        received += 1
        return received == 1 ? .shutDownGracefully : .exitNow
    }

    public static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        default: "signal \(signal)"
        }
    }
}

/// The pipe from the C signal handler to the thread that acts on it.
enum SignalSource {
    static func install(logger: Logger, onFirstSignal: @escaping @Sendable () -> Void) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            logger.error("cannot watch for SIGTERM: pipe failed", metadata: ["errno": "\(errno)"])
            return
        }
        signalPipeWriteEnd.store(ends[1], ordering: .releasing)
        for signal in ProcessLifecycle.signals {
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
            for signal in ProcessLifecycle.signals { sigaddset(&mask, signal) }
            pthread_sigmask(SIG_UNBLOCK, &mask, nil)
            var counter = SignalCounter()
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count < 0, errno == EINTR { continue }
                guard count == 1 else { return }
                let signal = Int32(byte)
                switch counter.received(signal) {
                case .shutDownGracefully:
                    logger.info("shutdown requested", metadata: ["signal": "\(SignalCounter.name(signal))"])
                    onFirstSignal()
                case .exitNow:
                    logger.warning("second signal: exiting without a clean shutdown", metadata: ["signal": "\(SignalCounter.name(signal))"])
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
