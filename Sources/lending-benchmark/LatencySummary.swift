/// Percentiles of first-response latencies (milliseconds) and how many interactions got none.
struct LatencySummary: Sendable {
    let count: Int
    let p50: Double
    let p99: Double
    let max: Double

    init(_ latencies: [Double]) {
        let sorted = latencies.sorted()
        count = sorted.count
        func at(_ fraction: Double) -> Double {
            sorted.isEmpty ? .nan : sorted[Swift.min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
        }
        p50 = at(0.5)
        p99 = at(0.99)
        max = sorted.last ?? .nan
    }
}

/// What one open-loop phase produced.
struct LoadOutcome: Sendable {
    /// Interactions per second asked for, and what the driver managed to dispatch.
    let targetRate: Double
    let achievedRate: Double
    let sent: Int
    /// Dispatched interactions that got no accepted callback within Discord's 3 s.
    let unanswered: Int
    let all: LatencySummary
    let commands: LatencySummary
    let submits: LatencySummary
    /// The REST simulator's own time per callback, from having the request to accepting it: not
    /// part of the latencies above.
    let simulator: LatencySummary
    /// CPU seconds the bot and the driver (simulators included) used during the phase.
    let botCPUSeconds: Double
    /// The part of `botCPUSeconds` spent in the kernel.
    let botKernelCPUSeconds: Double
    let driverCPUSeconds: Double
    /// The bot's voluntary context switches during the phase (`ProcessMeter.voluntaryContextSwitches`).
    let botContextSwitches: Int

    var botContextSwitchesPerInteraction: Double { Double(botContextSwitches) / Double(max(sent, 1)) }

    /// Every interaction answered, p99 ≤ `limit` ms, and the rate held to within 5 %.
    func isSustained(p99Limit limit: Double) -> Bool {
        unanswered == 0 && all.p99 <= limit && achievedRate >= 0.95 * targetRate
    }
}
