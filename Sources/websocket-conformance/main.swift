// Drives the Autobahn test cases of a fuzzing server (kosoku in fuzzingserver mode) with the
// project's WebSocket client: for each case, connect and echo every message until the server closes.
// Usage: websocket-conformance [ws://127.0.0.1:9001]
import Foundation
import Logging
import WebSocket

let base = CommandLine.arguments.dropFirst().first ?? "ws://127.0.0.1:9001"
let agent = "lending-bot"
let logger: Logger = {
    var logger = Logger(label: "autobahn")
    logger.logLevel = .warning
    return logger
}()

func url(_ path: String) -> URL {
    guard let url = URL(string: base + path) else {
        FileHandle.standardError.write(Data("invalid base URL \(base)\n".utf8))
        exit(2)
    }
    return url
}

func caseCount() async throws -> Int {
    let client = try await WebSocketClient.connect(to: url("/getCaseCount"), logger: logger)
    for try await event in client.events {
        if case .text(let text) = event, let count = Int(text) { return count }
    }
    return 0
}

/// Echoes until the server ends the case; a protocol error is the expected outcome of many cases.
func run(case number: Int) async {
    var configuration = WebSocketClient.Configuration()
    configuration.maximumMessageSize = 64 * 1024 * 1024
    do {
        let client = try await WebSocketClient.connect(to: url("/runCase?case=\(number)&agent=\(agent)"), configuration: configuration, logger: logger)
        for try await event in client.events {
            switch event {
            case .text(let text): try client.send(.text(text))
            case .binary(let bytes): try client.send(.binary(bytes))
            case .ping, .pong, .close: break
            }
        }
    } catch {
        logger.info("case ended with an error", metadata: ["case": "\(number)", "error": "\(error)"])
    }
}

let count = try await caseCount()
print("running \(count) cases")
for number in 1...max(count, 1) where count > 0 {
    await run(case: number)
}
// The server writes its reports and may drop this last connection without a close frame.
let report = try await WebSocketClient.connect(to: url("/updateReports?agent=\(agent)"), logger: logger)
do {
    for try await _ in report.events {}
} catch {
    logger.info("the report connection ended without a close frame", metadata: ["error": "\(error)"])
}
print("reports updated")
