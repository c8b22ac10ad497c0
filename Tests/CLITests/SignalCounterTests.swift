import CommandLineSupport
import Glibc
import Testing

/// What SIGTERM and SIGINT do to `lending-bot run` and `lending-sandbox`: the first asks for a graceful shutdown,
/// every later one ends the process at once (exit 1). The process test of the first signal is in
/// `RunCommandTests` and `SandboxCommandTests`; two signals sent back to back may be merged into
/// one by the kernel, so the second is judged here, on the counter the signal thread uses.
@Suite("Signal counter")
struct SignalCounterTests {
    @Test("the first signal shuts down gracefully, the second and later exit now, whichever signal it is")
    func firstThenExit() {
        var counter = SignalCounter()
        #expect(counter.received(SIGTERM) == .shutDownGracefully)
        #expect(counter.received(SIGINT) == .exitNow)
        #expect(counter.received(SIGTERM) == .exitNow)
    }

    @Test("signals are named in the log by their names")
    func names() {
        #expect(SignalCounter.name(SIGTERM) == "SIGTERM")
        #expect(SignalCounter.name(SIGINT) == "SIGINT")
        #expect(SignalCounter.name(SIGHUP) == "signal \(SIGHUP)")
    }
}
