import Foundation
import Glibc
import TestSupport

/// How to start one of the bots being compared.
struct BotLaunch: Sendable {
    let name: String
    let executable: String
    let arguments: [String]
    /// Everything but the Discord and database settings, which `start` adds.
    let environment: [String: String]
}

/// A bot running as a child process against a `SimulatedDiscord`.
final class BotUnderTest: Sendable {
    struct StartFailed: Error, CustomStringConvertible {
        let description: String
    }

    let process: ChildProcess
    let meter: ProcessMeter
    /// Seconds from the spawn to READY with the commands registered.
    let startupSeconds: Double

    private init(process: ChildProcess, startupSeconds: Double) {
        self.process = process
        self.meter = ProcessMeter(pid: process.processID)
        self.startupSeconds = startupSeconds
    }

    /// Spawns the bot and waits (polling each millisecond) until its session is READY and its
    /// commands are registered.
    static func start(_ launch: BotLaunch, discord: SimulatedDiscord, timeout: Duration = .seconds(90)) async throws -> BotUnderTest {
        let started = ContinuousClock.now
        let process = try ChildProcess(launch.executable, launch.arguments, environment: launch.environment)
        ChildCleanup.track(process)
        while !discord.isBotReady {
            if let status = try? await process.waitForExit(timeout: .zero) {
                throw StartFailed(description: "\(launch.name) exited with \(status) before it was ready:\n\(process.standardError.suffix(4000))")
            }
            guard ContinuousClock.now - started < timeout else {
                process.terminate()
                throw StartFailed(description: "\(launch.name) was not ready within \(timeout):\n\(process.standardError.suffix(4000))")
            }
            try await Task.sleep(for: .milliseconds(1))
        }
        return BotUnderTest(process: process, startupSeconds: LoadDriver.milliseconds(ContinuousClock.now - started) / 1000)
    }

    /// SIGTERM, then SIGKILL if it has not exited within `grace`.
    func stop(grace: Duration = .seconds(15)) async {
        process.send(SIGTERM)
        if (try? await process.waitForExit(timeout: grace)) == nil { process.terminate() }
        ChildCleanup.track(nil)
    }
}
