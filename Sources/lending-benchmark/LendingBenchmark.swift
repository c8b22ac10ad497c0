import ArgumentParser
import Foundation
import Logging

/// `Benchmarks/run`'s driver: lending-bot and its discord.py peer, one after the other, on the same
/// simulators and PostgreSQL, then the scheduler query; prints one Markdown report.
@main
struct LendingBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lending-benchmark",
        abstract: "Measure lending-bot against a discord.py peer on simulated Discord and a local PostgreSQL; print a Markdown table."
    )

    @Flag(help: "10,000 interactions per bot and shorter phases, for trying the benchmark out.")
    var quick = false

    @Option(help: "The release lending-bot executable.")
    var bot = ".build/release/lending-bot"

    @Option(help: "The release idle-baseline executable, whose resident memory is the floor under the bots' idle RSS.")
    var baseline = ".build/release/idle-baseline"

    @Option(help: "The release interaction-floor executable: one thread on lending-bot's transport and database layers doing only what the checkout flow needs, whose CPU per interaction is the floor under the bots'.")
    var floor = ".build/release/interaction-floor"

    @Flag(help: "With --fixed-only or --instructions-only: measure interaction-floor instead of lending-bot.")
    var floorOnly = false

    @Option(help: "The Python of the peer's virtual environment (discord.py and asyncpg installed); omit to measure lending-bot alone.")
    var peerPython: String?

    @Option(help: "The peer bot's script.")
    var peerScript = "Benchmarks/peer/bot.py"

    @Flag(help: "Measure the peer alone (for trying it out); the report then has no comparison.")
    var peerOnly = false

    @Option(help: "Also write the report to this file.")
    var output: String?

    @Option(help: "Interactions whose instructions are counted, one at a time, in a separate run of each bot (under callgrind where perf cannot count); 0 skips the count.")
    var instructions = 300

    @Flag(help: "Only count instructions per interaction (for comparing two builds quickly); no other phase.")
    var instructionsOnly = false

    @Option(parsing: .upToNextOption, help: "Only the one-at-a-time phase and these fixed rates (e.g. 200 1000), 10 s each (3 with --quick), lending-bot alone unless --peer-only: no scheduler query, ramp, steady phase or instruction count; prints each phase with the driver's own CPU per interaction (for checking that the driver is not the bottleneck).")
    var fixedOnly: [Double] = []

    @Option(help: "Where the callgrind profiles of the instruction count go.")
    var profiles = ".build/benchmark-profiles"

    @Option(parsing: .upToNextOption, help: "Run lending-bot under this command in the main run, e.g. a script that execs valgrind --tool=massif with its arguments, for a heap profile (the process id must stay the bot's).")
    var wrap: [String] = []

    func run() async throws {
        guard let serverURL = ProcessInfo.processInfo.environment["BENCHMARK_DATABASE_URL"] else {
            throw ValidationError("set BENCHMARK_DATABASE_URL to a PostgreSQL cluster the benchmark may create databases on")
        }
        let signalSources = ChildCleanup.install()
        defer { withExtendedLifetime(signalSources) {} }
        var logger = Logger(label: "lending-benchmark")
        logger.logLevel = .warning
        let machine = MachineDescription.current()
        let databases = BenchmarkDatabases(serverURL: serverURL, botExecutable: bot, logger: logger)
        let plan = BotBenchmark.Plan(fixedSeconds: quick ? 3 : 10, rampSeconds: quick ? 2 : 4, totalInteractions: quick ? 10_000 : 100_000,
                                     steadySecondsLimit: quick ? 60 : 480)

        let inherited = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "LANG", "TMPDIR"].contains($0.key) }
        let lendingBot = BotLaunch(name: "lending-bot", executable: bot, arguments: ["run"], environment: inherited.merging(["LOG_LEVEL": "warning"]) { _, new in new })
        let floorLaunch = BotLaunch(name: "interaction-floor", executable: floor, arguments: [], environment: inherited)
        let peer = peerPython.map { BotLaunch(name: "discord.py peer", executable: $0, arguments: [peerScript], environment: inherited) }
        let launches = (peerOnly ? [] : [lendingBot]) + (peer.map { [$0] } ?? [])
        guard !launches.isEmpty else { throw ValidationError("--peer-only needs --peer-python") }

        if !fixedOnly.isEmpty {
            let only = BotBenchmark.Plan(fixedRates: fixedOnly, fixedSeconds: plan.fixedSeconds, rampRates: [], fallbackRates: [], rampSeconds: 0,
                                         totalInteractions: 0, steadySecondsLimit: 0)
            let launch = floorOnly ? floorLaunch : peerOnly ? launches[0] : lendingBot
            let measured = try await BotBenchmark(launch: launch, plan: only, wrapper: peerOnly || floorOnly ? [] : wrap)
                .run(databaseURL: try await databases.fresh(Self.database(launch)))
            for outcome in [measured.oneAtATime] + measured.fixed {
                print((outcome.targetRate == 0 ? "one at a time" : "\(Int(outcome.targetRate))/s") + String(
                    format: ": sent at %.0f/s, %d sent, %d unanswered, p50 %.2f ms, p99 %.2f ms (commands %.2f / %.2f, submissions %.2f / %.2f; the REST simulator's own time %.2f / %.2f, not included); per interaction: bot CPU %.3f ms (kernel %.3f ms), driver CPU %.3f ms, bot context switches %.1f",
                    outcome.achievedRate, outcome.sent, outcome.unanswered, outcome.all.p50, outcome.all.p99,
                    outcome.commands.p50, outcome.commands.p99, outcome.submits.p50, outcome.submits.p99, outcome.simulator.p50, outcome.simulator.p99,
                    outcome.botCPUSeconds / Double(outcome.sent) * 1000, outcome.botKernelCPUSeconds / Double(outcome.sent) * 1000,
                    outcome.driverCPUSeconds / Double(outcome.sent) * 1000,
                    outcome.botContextSwitchesPerInteraction))
            }
            return
        }

        if instructionsOnly {
            for launch in floorOnly ? [floorLaunch] : launches {
                let count = try await countInstructions(launch, databases: databases)
                print("\(launch.name): \(String(format: "%.0f", count.perInteraction)) instructions per interaction (\(count.tool), "
                    + "\(count.interactions) one at a time, \(count.unanswered) unanswered)" + (count.profile.map { "; profile \($0)" } ?? ""))
                if !count.byLibrary.isEmpty { print("  by library: " + BenchmarkReport.shares(count.byLibrary)) }
            }
            return
        }

        progress("scheduler query on 100,000 workflows")
        let scheduler = try await SchedulerQueryBenchmark(databaseURL: try await databases.fresh("benchmark_scheduler"), logger: logger,
                                                          runs: quick ? 50 : 200).run()

        let baselineRSS = try await IdleBaseline.residentMebibytes(executable: baseline)
        progress("idle-baseline: " + (baselineRSS.map { String(format: "%.1f MiB resident", $0) } ?? "not measured (\(baseline) missing)"))
        var figures: [BotBenchmark.Figures] = []
        for launch in launches {
            let wrapper = launch.name == lendingBot.name ? wrap : []
            var measured = try await BotBenchmark(launch: launch, plan: plan, wrapper: wrapper)
                .run(databaseURL: try await databases.fresh(Self.database(launch)))
            if instructions > 0 { measured.instructions = try await countInstructions(launch, databases: databases) }
            figures.append(measured)
        }
        var floorFigures = try await measureFloor(floorLaunch, plan: plan, steadyRates: figures.compactMap { $0.steady?.targetRate }, databases: databases)
        if instructions > 0, floorFigures != nil { floorFigures?.instructions = try await countInstructions(floorLaunch, databases: databases) }
        let report = BenchmarkReport(machine: machine, finishedLoad: MachineDescription.loadAverage(), quick: quick, steadySeconds: plan.steadySecondsLimit, bots: figures,
                                     floor: floorFigures, baselineRSS: baselineRSS, scheduler: scheduler).markdown
        print(report)
        if let output { try report.write(toFile: output, atomically: true, encoding: .utf8) }
    }

    /// interaction-floor one at a time, at 200/s and at each bot's steady rate (where that bot's CPU
    /// under load is measured; one blocking thread may not keep the higher of them, and the report
    /// says so); nil when the executable is missing.
    private func measureFloor(_ launch: BotLaunch, plan: BotBenchmark.Plan, steadyRates: [Double], databases: BenchmarkDatabases) async throws -> BotBenchmark.Figures? {
        guard FileManager.default.isExecutableFile(atPath: launch.executable) else {
            progress("interaction-floor: not measured (\(launch.executable) missing)")
            return nil
        }
        let rates = Set([200] + steadyRates).sorted()
        let only = BotBenchmark.Plan(fixedRates: rates, fixedSeconds: plan.fixedSeconds, rampRates: [], fallbackRates: [], rampSeconds: 0,
                                     totalInteractions: 0, steadySecondsLimit: 0)
        return try await BotBenchmark(launch: launch, plan: only).run(databaseURL: try await databases.fresh(Self.database(launch)))
    }

    private func countInstructions(_ launch: BotLaunch, databases: BenchmarkDatabases) async throws -> InstructionCount.Outcome {
        let count = try await InstructionCount(launch: launch, warmUp: 40, count: instructions, folder: profiles)
            .run(databaseURL: try await databases.fresh(Self.database(launch) + "_instructions"))
        progress("\(launch.name): \(String(format: "%.0f", count.perInteraction)) instructions per interaction (\(count.tool))")
        return count
    }

    private static func database(_ launch: BotLaunch) -> String {
        switch launch.name {
        case "lending-bot": "benchmark_lending_bot"
        case "interaction-floor": "benchmark_floor"
        default: "benchmark_peer"
        }
    }
}
