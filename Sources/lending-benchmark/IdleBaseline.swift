import Foundation

/// The resident memory of `idle-baseline` once it says it is ready: what the Swift runtime,
/// Foundation, libcurl with TLS, libpq and zlib take before a bot adds anything, the floor under
/// both bots' idle RSS figure (the peer's floor is CPython's, not measured here).
enum IdleBaseline {
    static func residentMebibytes(executable: String) async throws -> Double? {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer {
            // Closing its input is what ends it.
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }
        // The first line is "ready"; read off Swift's pool, which a blocking read would hold.
        let ready = await withCheckedContinuation { (done: CheckedContinuation<Bool, Never>) in
            Thread {
                let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
                done.resume(returning: line.hasPrefix("ready"))
            }.start()
        }
        guard ready else { return nil }
        try await Task.sleep(for: .seconds(1))
        return ProcessMeter(pid: process.processIdentifier).residentMebibytes()
    }
}
