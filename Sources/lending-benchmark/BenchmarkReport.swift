import Foundation

/// The Markdown the benchmark prints: the comparison with the targets, every phase, the
/// scheduler query and the machine. Pasted as is into docs/BENCHMARKS.md.
struct BenchmarkReport {
    let machine: MachineDescription
    let finishedLoad: String
    let quick: Bool
    /// The longest the steady phase may last (seconds).
    let steadySeconds: Double
    let bots: [BotBenchmark.Figures]
    /// interaction-floor's phases: one at a time and fixed rates only.
    let floor: BotBenchmark.Figures?
    /// `idle-baseline`'s resident memory: the runtime and C libraries lending-bot cannot do without.
    let baselineRSS: Double?
    let scheduler: SchedulerQueryBenchmark.Outcome

    /// How much better lending-bot must be than the peer on a figure that has no ratio of its own.
    static let requiredAdvantage = 3.0

    var markdown: String {
        var lines: [String] = []
        lines.append("Machine: \(machine.cores) cores (\(machine.cpuModel)), \(String(format: "%.0f", machine.memoryGiB)) GiB memory, "
            + "\(machine.system), Linux \(machine.kernel). Load average (1, 5, 15 min) at start \(machine.startLoad), at the end \(finishedLoad)."
            + (quick ? " Quick run (10,000 interactions per bot)." : ""))
        lines.append("")
        lines += comparison
        lines.append("")
        lines += phases
        lines.append("")
        lines += schedulerSection
        return lines.joined(separator: "\n")
    }

    /// "Swift runtime 31 %, libcurl and TLS 22 %, …", the groups under 1 % left out.
    static func shares(_ shares: [(group: String, share: Double)]) -> String {
        shares.filter { $0.share >= 0.01 }.map { "\($0.group) " + String(format: "%.0f %%", $0.share * 100) }.joined(separator: ", ")
    }

    // MARK: The comparison

    private var comparison: [String] {
        let bot = bots[0]
        let peer = bots.count > 1 ? bots[1] : nil
        var lines = ["| figure | lending-bot | discord.py peer | advantage | target | met |", "|---|---|---|---|---|---|"]
        func row(_ name: String, _ value: @escaping (BotBenchmark.Figures) -> Double, format: String, unit: String, lowerIsBetter: Bool = true,
                 target: String = "", absolute: ((Double) -> Bool)? = nil, ratio: Double? = Self.requiredAdvantage,
                 shown: ((BotBenchmark.Figures) -> String)? = nil) {
            let own = value(bot)
            let theirs = peer.map(value)
            let advantage = theirs.map { lowerIsBetter ? $0 / own : own / $0 }
            let show = shown ?? { String(format: format, value($0)) + unit }
            let ratioMet = advantage.map { advantage in ratio.map { advantage >= $0 } ?? true } ?? true
            let met = (absolute?(own) ?? true) && ratioMet
            let goal = [target, peer == nil ? "" : ratio.map { String(format: "≥ %.0f× peer", $0) } ?? ""].filter { !$0.isEmpty }.joined(separator: "; ")
            let verdict = goal.isEmpty ? "–" : met ? "yes" : "**no**"
            lines.append("| \(name) | \(show(bot)) | \(peer.map(show) ?? "–") | \(advantage.map { String(format: "%.1f×", $0) } ?? "–") | \(goal) | \(verdict) |")
        }
        row("start → READY with commands registered", \.startupSeconds, format: "%.2f", unit: " s")
        row("one at a time: first response p50 / p99 / max", { $0.oneAtATime.all.p99 }, format: "%.2f", unit: " ms", ratio: nil,
            shown: { Self.latencies($0.oneAtATime) })
        for (index, rate) in bot.fixed.map(\.targetRate).enumerated() {
            let isTargetRate = rate == 200
            row("\(Int(rate))/s: first response p50 / p99 / max", { $0.fixed[index].all.p99 }, format: "%.2f", unit: " ms",
                target: isTargetRate ? "p99 < 5 ms" : "", absolute: isTargetRate ? { $0 < 5 } : nil,
                shown: { Self.latencies($0.fixed[index]) })
        }
        let ceiling = bot.ramp.map(\.targetRate).max() ?? 0
        row("highest rate with p99 ≤ 100 ms, all answered", { $0.sustainedRate ?? 0 }, format: "%.0f", unit: "/s", lowerIsBetter: false,
            target: "≥ 2,000/s", absolute: { $0 >= 2000 },
            shown: { figures in
                guard let rate = figures.sustainedRate else { return "< 50/s" }
                return (rate == ceiling ? "≥ " : "") + String(format: "%.0f/s", rate)
            })
        row("RSS idle", \.idleRSS, format: "%.1f", unit: " MiB", target: "< 30 MiB", absolute: { $0 < 30 })
        row("RSS growth after \(bot.oneAtATime.sent.formatted()) of warm-up (over the interactions after it)",
            \.rssGrowth, format: "%.1f", unit: " %", target: "< 10 % over 100,000", absolute: { $0 < 0.10 && bot.interactions - bot.oneAtATime.sent >= 99_000 },
            shown: { String(format: "%.1f → %.1f MiB (%+.1f %%)", $0.warmRSS, $0.finalRSS, $0.rssGrowth * 100) + " over \(($0.interactions - $0.oneAtATime.sent).formatted())" })
        row("CPU seconds per 1,000 interactions, under load", \.cpuSecondsPerThousand, format: "%.3f", unit: " s", ratio: Self.requiredCPUAdvantage)
        row("CPU seconds per 1,000 interactions, one at a time (the kernel's share)", \.cpuSecondsPerThousandOneAtATime, format: "%.3f", unit: " s",
            ratio: Self.requiredCPUAdvantage,
            shown: { String(format: "%.3f s (%.0f %%)", $0.cpuSecondsPerThousandOneAtATime, $0.oneAtATime.botKernelCPUSeconds / max($0.oneAtATime.botCPUSeconds, 1e-9) * 100) })
        row("voluntary context switches per interaction, one at a time", { $0.oneAtATime.botContextSwitchesPerInteraction },
            format: "%.1f", unit: "", ratio: nil)
        if bot.instructions != nil || peer?.instructions != nil {
            row("instructions per interaction, one at a time", { $0.instructions?.perInteraction ?? .nan }, format: "%.0f", unit: "", ratio: nil,
                shown: { figures in
                    guard let count = figures.instructions else { return "not measured" }
                    return String(format: "%.2f M (%@, %d)", count.perInteraction / 1e6, count.tool, count.interactions)
                        + (count.unanswered > 0 ? " (\(count.unanswered) unanswered)" : "")
                })
        }
        if let floor { lines += floorRows(floor, peer: peer) }
        lines.append("")
        lines.append("Advantage is the peer's figure over lending-bot's (lending-bot's over the peer's for the rate); the RSS-growth ratio compares the relative "
            + "growths. CPU time is measured over the last, steady phase, run at 80 % of each bot's own sustained rate (at most 1,000/s) "
            + "until the bot has had \(quick ? "10,000" : "100,000") interactions in all or for at most \(Self.minutes(steadySeconds)): a bot that "
            + "sustains little measures fewer interactions there, never a rate above what it sustains. One at a time: \(bot.oneAtATime.sent.formatted()) "
            + "interactions, each sent when the previous one was answered (a submission once its modal is \(Int(LoadDriver.milliseconds(LoadDriver.modalThinkTime))) ms old), before the loaded phases; it is also the warm-up memory growth is "
            + "measured from. Instructions: the bot process alone, over interactions sent one at a time after a warm-up, in a separate run "
            + "(callgrind's count, when perf cannot read the processor's counters, includes no kernel time). Context switches: the times one of the "
            + "bot's threads gave up the processor to wait (a socket, a lock, another thread), summed over its threads; each is a wake-up "
            + "that CPU time pays for in the kernel and instructions do not show. The kernel's share of CPU time is its sends, receives, "
            + "polls and wake-ups on the bot's behalf."
            + (floor == nil ? "" : " interaction-floor: one thread on lending-bot's transport and database layers (libcurl, libpq, zlib, the project's "
                + "WebSocket framing) doing only what the checkout flow needs (a fixed modal; the filing's two round trips, on temporary tables; a "
                + "fixed message), with no Swift concurrency and nothing read of a payload beyond the interaction's id, token and type: the floor "
                + "under any bot's CPU per interaction on those layers and this machine.")
            + (baselineRSS.map { String(format: " The floor under lending-bot's idle RSS: %.1f MiB, the resident memory of `idle-baseline`, a process that only loads "
                + "the Swift runtime, Foundation, libcurl with TLS, libpq and zlib, uses each once and waits.", $0) } ?? "")
            + bots.compactMap { figures in
                figures.instructions.flatMap { $0.byLibrary.isEmpty ? nil : " \(figures.name)'s instructions by library: \(Self.shares($0.byLibrary))." }
            }.joined())
        var late: [String] = []
        for figures in bots {
            let loaded: [LoadOutcome] = figures.fixed + figures.ramp + (figures.steady.map { [$0] } ?? [])
            for outcome in loaded where outcome.achievedRate < 0.95 * outcome.targetRate {
                let sentAt = String(format: "%.0f/s", outcome.achievedRate)
                late.append("\(figures.name) at \(Int(outcome.targetRate))/s (sent at \(sentAt))")
            }
        }
        lines.append("")
        lines.append(late.isEmpty ? "The driver kept every rate it was asked for (95 % or more)."
            : "**The driver could not keep its rate** (under 95 % of it; those phases measure the driver and the machine as much as the bot): "
                + late.joined(separator: ", ") + ".")
        return lines
    }

    /// interaction-floor's CPU per 1,000 interactions beside the bots': the least a bot on
    /// lending-bot's transport and database layers spends on this machine, against the eighth of the
    /// peer the target allows.
    private func floorRows(_ floor: BotBenchmark.Figures, peer: BotBenchmark.Figures?) -> [String] {
        func perThousand(_ outcome: LoadOutcome) -> String {
            String(format: "%.3f s (kernel %.0f %%, %.1f context switches per interaction)", outcome.botCPUSeconds / Double(max(outcome.sent, 1)) * 1000,
                   outcome.botKernelCPUSeconds / max(outcome.botCPUSeconds, 1e-9) * 100, outcome.botContextSwitchesPerInteraction)
        }
        let eighth = peer.map { String(format: "; an eighth of the peer's: %.3f s", $0.cpuSecondsPerThousandOneAtATime / Self.requiredCPUAdvantage) } ?? ""
        var lines = ["| interaction-floor: CPU seconds per 1,000 interactions, one at a time | \(perThousand(floor.oneAtATime)) | – | – | the floor\(eighth) | – |"]
        for outcome in floor.fixed {
            // At the peer's steady rate the floor stands beside the eighth of the peer's CPU under load.
            let peerUnderLoad = peer.flatMap { peer in peer.steady?.targetRate == outcome.targetRate ? peer.cpuSecondsPerThousand : nil }
            let underLoadEighth = peerUnderLoad.map { String(format: "; at the peer's steady rate, an eighth of its CPU under load: %.3f s", $0 / Self.requiredCPUAdvantage) } ?? ""
            let kept = outcome.unanswered == 0 ? "" : " (\(outcome.unanswered) unanswered: one blocking thread does not keep this rate)"
            lines.append("| interaction-floor: CPU seconds per 1,000 interactions at \(Int(outcome.targetRate))/s | \(perThousand(outcome))\(kept) | – | – | the floor\(underLoadEighth) | – |")
        }
        if let count = floor.instructions {
            // Instructions do not move with the machine's load: the floor's beside an eighth of the
            // peer's says what CPU time, with its spread, cannot say exactly.
            let eighth = peer?.instructions.map { String(format: "; an eighth of the peer's: %.2f M", $0.perInteraction / 1e6 / Self.requiredCPUAdvantage) } ?? ""
            lines.append("| interaction-floor: instructions per interaction, one at a time | "
                + String(format: "%.2f M (%@, %d)", count.perInteraction / 1e6, count.tool, count.interactions) + " | – | – | the floor\(eighth) | – |")
        }
        return lines
    }

    /// "8 minutes", "1 minute", "90 seconds".
    static func minutes(_ seconds: Double) -> String {
        guard seconds.truncatingRemainder(dividingBy: 60) == 0 else { return "\(Int(seconds)) seconds" }
        let minutes = Int(seconds / 60)
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }

    /// CPU per interaction: lending-bot must use at most an eighth of the peer's.
    static let requiredCPUAdvantage = 8.0

    private static func latencies(_ outcome: LoadOutcome) -> String {
        let latencies = String(format: "%.2f / %.2f / %.2f ms", outcome.all.p50, outcome.all.p99, outcome.all.max)
        return outcome.unanswered == 0 ? latencies : latencies + " (\(outcome.unanswered) unanswered)"
    }

    // MARK: Every phase

    private var phases: [String] {
        var lines = ["| bot | phase | asked | sent at | sent | unanswered | p50 | p99 | max | command p99 | submit p99 | simulator p50 / p99 | bot CPU | driver CPU |",
                     "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for figures in bots + (floor.map { [$0] } ?? []) {
            let named = [("one at a time", figures.oneAtATime)] + figures.fixed.map { ("fixed", $0) } + figures.ramp.map { ("ramp", $0) } + (figures.steady.map { [("steady", $0)] } ?? [])
            for (phase, outcome) in named {
                lines.append("| \(figures.name) | \(phase) | \(outcome.targetRate == 0 ? "–" : "\(Int(outcome.targetRate))/s") | " + String(format: "%.0f/s", outcome.achievedRate)
                    + " | \(outcome.sent) | \(outcome.unanswered) | "
                    + String(format: "%.2f | %.2f | %.2f | %.2f | %.2f | %.2f / %.2f | %.2f s | %.2f s", outcome.all.p50, outcome.all.p99, outcome.all.max,
                             outcome.commands.p99, outcome.submits.p99, outcome.simulator.p50, outcome.simulator.p99,
                             outcome.botCPUSeconds, outcome.driverCPUSeconds) + " |")
            }
        }
        lines.append("")
        lines.append("Latencies in milliseconds, from the gateway simulator's socket having taken the last byte of INTERACTION_CREATE to the "
            + "REST simulator having the request of the interaction's callback (an interaction counts as answered once the simulator accepted "
            + "that callback). The simulator column is the REST simulator's own time from having the request to accepting it, left out of the "
            + "latencies (it was in them before the fifth session of issue 20; the gateway simulator's compressing and writing of the event, "
            + "before the sixth). Driver CPU is the benchmark process itself: the gateway and REST simulators and the load generator.")
        return lines
    }

    // MARK: The scheduler query

    private var schedulerSection: [String] {
        [
            "Scheduler query (`WorkflowTable.activeEnding`, ACTIVE loans ending within 3 days, limit 500) on \(scheduler.rows.formatted()) workflows, "
                + "\(scheduler.active.formatted()) ACTIVE: \(scheduler.returned) rows; over \(scheduler.timings.count) runs "
                + String(format: "p50 %.2f ms, p99 %.2f ms, max %.2f ms", scheduler.timings.p50, scheduler.timings.p99, scheduler.timings.max)
                + "; \(scheduler.usesIndex ? "an index scan" : "**no index scan**").",
            "",
            "```",
        ] + scheduler.plan + ["```"]
    }
}
