import Foundation
import Glibc
import TestSupport

/// Instructions per interaction of a bot's own process, one interaction at a time: a figure that,
/// unlike CPU time, does not move with the machine's load. `perf stat` counts them where the
/// processor's counters are open to it; where they are not (a virtual machine that hides them,
/// as the one of the last runs did), the bot runs under valgrind's callgrind, which counts every
/// instruction it executes, and the counters are zeroed after a warm-up and dumped after the
/// measured interactions (`callgrind_control`). Callgrind makes the bot some 50 times slower, so
/// this is a separate, short run with a fresh bot; its dump is kept as a profile
/// (`callgrind_annotate FILE`).
struct InstructionCount {
    struct Outcome: Sendable {
        /// `perf stat` or `callgrind`.
        let tool: String
        let perInteraction: Double
        let interactions: Int
        let unanswered: Int
        /// The callgrind dump of the measured interactions, for `callgrind_annotate`.
        let profile: String?
        /// The count's shares by library (callgrind only).
        var byLibrary: [(group: String, share: Double)] = []
    }

    let launch: BotLaunch
    let warmUp: Int
    let count: Int
    /// Where the callgrind dumps go.
    let folder: String

    /// Whether `perf stat` can count this machine's instructions (a virtual machine may hide the
    /// counters: perf then prints `<not supported>`).
    static func perfCountsInstructions() async -> Bool {
        guard let perf = try? ChildProcess("perf", ["stat", "-x", ",", "-e", "instructions", "true"], environment: ProcessInfo.processInfo.environment),
              (try? await perf.waitForExit(timeout: .seconds(10))) == 0 else { return false }
        let counted = perf.standardError.split(separator: "\n").contains { Double($0.split(separator: ",").first ?? "") != nil }
        perf.terminate()
        return counted
    }

    func run(databaseURL: String) async throws -> Outcome {
        let perf = await Self.perfCountsInstructions()
        let discord = try await SimulatedDiscord.start()
        defer { Task { await discord.stop() } }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = launch.name.filter { $0.isLetter || $0.isNumber }
        let output = "\(folder)/callgrind.\(name)"
        var counted = launch
        if !perf { counted = try await preparedForValgrind(launch, name: name) }
        let wrapper = perf ? [] : ["valgrind", "--tool=callgrind", "--callgrind-out-file=\(output).%p"]
        let bot = try await BotUnderTest.start(counted, discord: discord, databaseURL: databaseURL, wrapper: wrapper, timeout: .seconds(600))
        // Stopped before returning, not by a task left behind: the benchmark may exit right after,
        // and a bot under valgrind would outlive it.
        do {
            let outcome = try await count(bot, discord: discord, perf: perf, output: output)
            await bot.stop()
            return outcome
        } catch {
            await bot.stop()
            throw error
        }
    }

    private func count(_ bot: BotUnderTest, discord: SimulatedDiscord, perf: Bool, output: String) async throws -> Outcome {
        let pid = bot.process.processID
        let driver = try LoadDriver(discord: discord, bot: bot.meter)
        progress("\(launch.name): counting instructions with \(perf ? "perf stat" : "callgrind"), \(warmUp) interactions of warm-up")
        _ = await driver.runOneAtATime(count: warmUp)
        if perf {
            let counter = try ChildProcess("perf", ["stat", "-x", ",", "-e", "instructions", "-p", "\(pid)"], environment: ProcessInfo.processInfo.environment)
            try await Task.sleep(for: .milliseconds(500))
            let outcome = await driver.runOneAtATime(count: count)
            counter.send(SIGINT)
            _ = try await counter.waitForExit(timeout: .seconds(10))
            guard let total = counter.standardError.split(separator: "\n").lazy.compactMap({ Double($0.split(separator: ",").first ?? "") }).first else {
                throw BenchmarkFailure(description: "perf stat printed no count: \(counter.standardError.suffix(500))")
            }
            return Outcome(tool: "perf stat", perInteraction: total / Double(count), interactions: count, unanswered: outcome.unanswered, profile: nil)
        }
        try await callgrindControl("--zero", pid)
        let outcome = await driver.runOneAtATime(count: count)
        try await callgrindControl("--dump=measured", pid)
        let dump = "\(output).\(pid).1"
        guard let text = try? String(contentsOfFile: dump, encoding: .utf8),
              let line = text.split(separator: "\n").last(where: { $0.hasPrefix("totals:") || $0.hasPrefix("summary:") }),
              let total = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else {
            throw BenchmarkFailure(description: "callgrind wrote no count to \(dump)")
        }
        return Outcome(tool: "callgrind", perInteraction: total / Double(count), interactions: count, unanswered: outcome.unanswered, profile: dump,
                       byLibrary: InstructionsByLibrary.shares(of: dump))
    }

    /// What valgrind 3.19 needs to run a Swift program (lending-bot, interaction-floor): a copy of the
    /// executable without its DWARF 5 debug information, which that valgrind cannot read (the
    /// symbols stay, so the profile names functions), and `Benchmarks/callgrind/sigsuspend.c`
    /// preloaded. Other executables (the peer's Python) are left as they are; the preload does them
    /// no harm.
    private func preparedForValgrind(_ launch: BotLaunch, name: String) async throws -> BotLaunch {
        let shim = "\(folder)/libsigsuspend.so"
        try await run("cc", ["-O2", "-shared", "-fPIC", "-o", shim, "Benchmarks/callgrind/sigsuspend.c"])
        var executable = launch.executable
        if ["lending-bot", "interaction-floor"].contains(launch.name) {
            executable = "\(folder)/\(name)-without-debug-info"
            try await run("objcopy", ["--strip-debug", launch.executable, executable])
        }
        return BotLaunch(name: launch.name, executable: executable, arguments: launch.arguments,
                         environment: launch.environment.merging(["LD_PRELOAD": shim]) { _, new in new })
    }

    private func run(_ executable: String, _ arguments: [String]) async throws {
        let process = try ChildProcess(executable, arguments, environment: ProcessInfo.processInfo.environment)
        guard try await process.waitForExit(timeout: .seconds(120)) == 0 else {
            throw BenchmarkFailure(description: "\(executable) failed: \(process.standardError.suffix(500))")
        }
    }

    private func callgrindControl(_ command: String, _ pid: Int32) async throws {
        let control = try ChildProcess("callgrind_control", [command, "\(pid)"], environment: ProcessInfo.processInfo.environment)
        guard try await control.waitForExit(timeout: .seconds(60)) == 0 else {
            throw BenchmarkFailure(description: "callgrind_control \(command) failed: \(control.standardError.suffix(500))")
        }
    }
}
