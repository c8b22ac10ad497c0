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

    @Option(help: "The Python of the peer's virtual environment (discord.py and asyncpg installed); omit to measure lending-bot alone.")
    var peerPython: String?

    @Option(help: "The peer bot's script.")
    var peerScript = "Benchmarks/peer/bot.py"

    @Flag(help: "Measure the peer alone (for trying it out); the report then has no comparison.")
    var peerOnly = false

    @Option(help: "Also write the report to this file.")
    var output: String?

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
                                     steadySecondsLimit: quick ? 60 : 240)

        progress("scheduler query on 100,000 workflows")
        let scheduler = try await SchedulerQueryBenchmark(databaseURL: try await databases.fresh("benchmark_scheduler"), logger: logger,
                                                          runs: quick ? 50 : 200).run()

        let inherited = ProcessInfo.processInfo.environment.filter { ["PATH", "HOME", "LANG", "TMPDIR"].contains($0.key) }
        let lendingBot = BotLaunch(name: "lending-bot", executable: bot, arguments: ["run"], environment: inherited.merging(["LOG_LEVEL": "warning"]) { _, new in new })
        var figures: [BotBenchmark.Figures] = []
        if !peerOnly {
            figures.append(try await BotBenchmark(launch: lendingBot, plan: plan).run(databaseURL: try await databases.fresh("benchmark_lending_bot")))
        }
        if let peerPython {
            let peer = BotLaunch(name: "discord.py peer", executable: peerPython, arguments: [peerScript], environment: inherited)
            figures.append(try await BotBenchmark(launch: peer, plan: plan).run(databaseURL: try await databases.fresh("benchmark_peer")))
        }
        guard !figures.isEmpty else { throw ValidationError("--peer-only needs --peer-python") }
        let report = BenchmarkReport(machine: machine, finishedLoad: MachineDescription.loadAverage(), quick: quick, bots: figures,
                                     scheduler: scheduler).markdown
        print(report)
        if let output { try report.write(toFile: output, atomically: true, encoding: .utf8) }
    }
}
