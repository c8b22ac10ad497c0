/// Polls `condition` until it holds, or throws `Timeout` naming `what` once `timeout` has passed
/// on `clock`. The deadline is read from the clock the test hands in (real time by default), so
/// no test reads the wall clock itself; between two looks the poll pauses `interval` of real time,
/// or only yields when `interval` is zero, for waits on work that a manual clock drives.
public func eventually<WaitClock: Clock>(
    _ what: String, timeout: Duration = .seconds(60), polling interval: Duration = .milliseconds(10),
    clock: WaitClock = ContinuousClock(), _ condition: () async throws -> Bool
) async throws where WaitClock.Duration == Duration {
    let deadline = clock.now.advanced(by: timeout)
    while try await !condition() {
        guard clock.now < deadline else { throw Timeout(what: what) }
        if interval == .zero {
            await Task.yield()
        } else {
            try await Task.sleep(for: interval)
        }
    }
}

/// What `eventually` throws: the awaited thing, in words, never happened in time.
public struct Timeout: Error, CustomStringConvertible {
    public let what: String

    public init(what: String) {
        self.what = what
    }

    public var description: String { "timed out waiting for \(what)" }
}
