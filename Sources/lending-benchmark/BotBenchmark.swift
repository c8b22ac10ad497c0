import DiscordSimulator
import Foundation
import PanelSimulator
import TestSupport

/// The whole measurement of one bot: start-up, idle memory, the fixed rates, the ramp to the
/// highest sustained rate, then enough interactions at a steady rate to reach the total, with
/// memory and CPU time read around them.
struct BotBenchmark {
    struct Plan: Sendable {
        var fixedRates: [Double] = [50, 200, 1000]
        /// Seconds per fixed rate.
        var fixedSeconds: Double
        /// Each step 25 % above the last, and the fallback's 20 % below, the same ladder for both
        /// bots: the highest sustained rate is known to within one step, and so is the ratio of
        /// two bots' rates. (With steps of 500/s above 500/s and 100/s below, a bot that sustains
        /// 800/s showed 500/s, and the ratio moved with the steps more than with the bots.)
        var rampRates: [Double] = [500, 625, 800, 1000, 1250, 1600, 2000, 2500, 3200, 4000, 5000, 6400, 8000]
        /// Tried only when the bot cannot sustain the first ramp rate.
        var fallbackRates: [Double] = [400, 320, 250, 200, 160, 125, 100, 80, 64, 50]
        var rampSeconds: Double
        /// Interactions in all, fixed rates and ramp included, before the last memory reading.
        var totalInteractions: Int
        /// The steady rate of the last phase: 80 % of the sustained rate, at most this.
        var steadyRateCeiling: Double = 1000
        /// The last phase stops after this long (seconds) even when the total is not reached: a
        /// bot that sustains little measures fewer interactions, never a rate above what it
        /// sustains (that would measure an overload, not the steady state the CPU and memory
        /// figures mean).
        var steadySecondsLimit: Double
        /// The p99 a rate must stay under to count as sustained (milliseconds).
        var p99Limit: Double = 100
        /// Interactions sent one at a time before the loaded phases; memory growth is measured
        /// from the end of this warm-up.
        var oneAtATime = 1000
    }

    struct Figures: Sendable {
        let name: String
        let startupSeconds: Double
        let idleRSS: Double
        /// After the one-at-a-time warm-up.
        let warmRSS: Double
        let finalRSS: Double
        let interactions: Int
        let oneAtATime: LoadOutcome
        let fixed: [LoadOutcome]
        let ramp: [LoadOutcome]
        let sustainedRate: Double?
        let steady: LoadOutcome?
        let cpuSecondsPerThousand: Double
        /// Instructions per interaction of the bot process, one at a time; nil when not measured.
        var instructions: InstructionCount.Outcome?

        var rssGrowth: Double { (finalRSS - warmRSS) / warmRSS }
        var cpuSecondsPerThousandOneAtATime: Double { oneAtATime.botCPUSeconds / Double(oneAtATime.sent) * 1000 }
    }

    let launch: BotLaunch
    let plan: Plan
    /// A program the bot runs under (a heap profiler); none for the figures of the report.
    var wrapper: [String] = []

    func run(databaseURL: String) async throws -> Figures {
        let discord = try await SimulatedDiscord.start()
        defer { Task { await discord.stop() } }
        let bot = try await BotUnderTest.start(launch, discord: discord, databaseURL: databaseURL, wrapper: wrapper)
        progress("\(launch.name): ready after \(String(format: "%.3f", bot.startupSeconds)) s")
        // Settle: discord.py waits for the guilds' GUILD_CREATE before it calls itself ready.
        try await Task.sleep(for: .seconds(3))
        let idleRSS = bot.meter.residentMebibytes() ?? .nan
        progress("\(launch.name): idle resident memory by mapping: "
            + bot.meter.residentByMapping().prefix(12).map { "\($0.name) " + String(format: "%.1f", $0.mebibytes) }.joined(separator: ", "))
        let driver = try LoadDriver(discord: discord, bot: bot.meter)
        var sent = 0

        // One at a time first: it is also the warm-up that memory growth is measured from.
        let oneAtATime = await driver.runOneAtATime(count: plan.oneAtATime)
        report(oneAtATime)
        sent += oneAtATime.sent
        await quiet(bot)
        let warmRSS = bot.meter.residentMebibytes() ?? .nan

        var fixed: [LoadOutcome] = []
        for rate in plan.fixedRates {
            let outcome = await driver.run(rate: rate, count: Int(rate * plan.fixedSeconds))
            report(outcome)
            fixed.append(outcome)
            sent += outcome.sent
            await quiet(bot)
        }

        var ramp: [LoadOutcome] = []
        var sustained: Double?
        for rate in plan.rampRates {
            let outcome = await driver.run(rate: rate, count: Int(rate * plan.rampSeconds))
            report(outcome)
            ramp.append(outcome)
            sent += outcome.sent
            await quiet(bot)
            guard outcome.isSustained(p99Limit: plan.p99Limit) else { break }
            sustained = rate
        }
        if sustained == nil {
            for rate in plan.fallbackRates {
                let outcome = await driver.run(rate: rate, count: Int(rate * plan.rampSeconds))
                report(outcome)
                ramp.append(outcome)
                sent += outcome.sent
                await quiet(bot)
                if outcome.isSustained(p99Limit: plan.p99Limit) { sustained = rate; break }
            }
        }

        var steady: LoadOutcome?
        let remaining = plan.totalInteractions - sent
        if remaining > 0 {
            let rate = min(plan.steadyRateCeiling, 0.8 * (sustained ?? 50)).rounded(.down)
            let count = min(remaining, Int(rate * plan.steadySecondsLimit))
            progress("\(launch.name): \(count) interactions at \(Int(rate))/s")
            let outcome = await driver.run(rate: rate, count: count)
            report(outcome)
            steady = outcome
            sent += outcome.sent
        }
        await quiet(bot)
        // Settled: lending-bot hands freed memory back every 5 s.
        try await Task.sleep(for: .seconds(6))
        let finalRSS = bot.meter.residentMebibytes() ?? .nan
        describeRequests(discord)
        if ([oneAtATime] + fixed + ramp + [steady].compactMap { $0 }).contains(where: { $0.unanswered > 0 }) {
            progress("\(launch.name): some interactions went unanswered; the end of its standard error:\n\(bot.process.standardError.suffix(3000))")
        }
        await bot.stop()
        let measured = steady ?? fixed.last
        let cpuPerThousand = measured.map { $0.botCPUSeconds / Double($0.sent) * 1000 } ?? .nan
        return Figures(name: launch.name, startupSeconds: bot.startupSeconds, idleRSS: idleRSS, warmRSS: warmRSS, finalRSS: finalRSS,
                       interactions: sent, oneAtATime: oneAtATime, fixed: fixed, ramp: ramp, sustainedRate: sustained, steady: steady, cpuSecondsPerThousand: cpuPerThousand)
    }

    /// Waits until the bot has worked off any backlog: under 5 % of a core over half a second
    /// (at most 60 s), so that one phase's queue does not count against the next.
    private func quiet(_ bot: BotUnderTest) async {
        let deadline = ContinuousClock.now + .seconds(60)
        var last = bot.meter.cpuSeconds() ?? 0
        while ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(500))
            let now = bot.meter.cpuSeconds() ?? 0
            if now - last < 0.025 { return }
            last = now
        }
    }

    /// What the bot asked of Discord, by route and status, and the first refused callback: where
    /// to look when interactions go unanswered.
    private func describeRequests(_ discord: SimulatedDiscord) {
        let requests = discord.rest.requests
        let counts = Dictionary(grouping: requests) { "\($0.method) \($0.template) → \($0.status)" }.mapValues(\.count)
        for (key, count) in counts.sorted(by: { $0.key < $1.key }) { progress("\(launch.name): \(count) × \(key)") }
        if let refused = requests.first(where: { $0.route == .createInteractionResponse && $0.status >= 400 }) {
            progress("\(launch.name): first refused callback: \(String(decoding: refused.rawBody.prefix(1500), as: UTF8.self))")
        }
    }

    private func report(_ outcome: LoadOutcome) {
        progress(launch.name + (outcome.targetRate == 0 ? ": one at a time" : "") + String(format: ": %5.0f/s (sent at %5.0f/s) %6d sent, %5d unanswered, p50 %7.2f ms, p99 %8.2f ms, max %8.2f ms, bot CPU %.1f s, driver CPU %.1f s",
                        outcome.targetRate, outcome.achievedRate, outcome.sent, outcome.unanswered,
                        outcome.all.p50, outcome.all.p99, outcome.all.max, outcome.botCPUSeconds, outcome.driverCPUSeconds))
    }
}

/// Progress goes to standard error; the table alone goes to standard output.
func progress(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
