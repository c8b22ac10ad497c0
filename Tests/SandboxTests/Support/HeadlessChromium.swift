import Foundation
import Glibc
import TestSupport

/// Debian's chromium in headless mode with the DevTools protocol on a port it picks itself (read
/// back from `DevToolsActivePort` in its throwaway profile), stopped and cleaned up by `with`.
struct HeadlessChromium {
    let port: Int

    static let executableCandidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]

    static var executable: String? {
        executableCandidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func with(_ body: (HeadlessChromium) async throws -> Void) async throws {
        guard let executable else { throw Missing() }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: profile) }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.path
        let process = try ChildProcess(executable, [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--mute-audio", "--hide-scrollbars",
            "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir=\(profile.path)",
            "--window-size=1400,1100", "--lang=en-US", "about:blank",
        ], environment: environment)
        do {
            let port = try await devToolsPort(of: process, profile: profile)
            try await body(HeadlessChromium(port: port))
        } catch {
            await stop(process)
            throw error
        }
        await stop(process)
    }

    /// The port chromium chose, from the first line of `DevToolsActivePort`.
    private static func devToolsPort(of process: ChildProcess, profile: URL) async throws -> Int {
        let portFile = profile.appendingPathComponent("DevToolsActivePort")
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let first = text.split(separator: "\n").first, let port = Int(first) {
                return port
            }
            if let status = try? await process.waitForExit(timeout: .zero) {
                throw Failed(description: "chromium exited with \(status): \(process.standardError.suffix(2000))")
            }
            guard ContinuousClock.now < deadline else { throw Failed(description: "chromium did not open its DevTools port within 60 s") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// SIGTERM, a few seconds to exit, then SIGKILL; always reaped.
    private static func stop(_ process: ChildProcess) async {
        process.send(SIGTERM)
        _ = try? await process.waitForExit(timeout: .seconds(5))
        process.terminate()
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "chromium is not installed (scripts/install-dependencies installs it)" }
    }

    struct Failed: Error, CustomStringConvertible {
        let description: String
    }
}
