import Foundation
import HTTP
import Logging
import SimulatorSupport
import Synchronization
import WebSocket

/// A small driver for one chromium page over the DevTools protocol: commands out with an id,
/// answers matched by id, events ignored. Runs over the project's own WebSocket client (ws:// on loopback).
final class DevToolsSession: Sendable {
    private let socket: WebSocketClient
    private let pending = Mutex<[Int: CheckedContinuation<SimulatorJSON, any Error>]>([:])
    private let nextID = Atomic<Int>(1)
    private let reader: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// Opens the first page target of the chromium listening on `port`.
    static func connect(port: Int, http: HTTPClient, logger: Logger) async throws -> DevToolsSession {
        let list = try await http.send(HTTPRequest(method: .get, url: "http://127.0.0.1:\(port)/json/list"))
        guard let targets = SimulatorJSON(parsing: list.body)?.arrayValue,
              let page = targets.first(where: { $0["type"]?.stringValue == "page" }),
              let address = page["webSocketDebuggerUrl"]?.stringValue, let url = URL(string: address) else {
            throw Failure(description: "chromium lists no page target: \(String(decoding: list.body, as: UTF8.self))")
        }
        var configuration = WebSocketClient.Configuration()
        configuration.maximumMessageSize = 64 * 1024 * 1024
        let session = DevToolsSession(socket: try await WebSocketClient.connect(to: url, configuration: configuration, logger: logger))
        session.startReading()
        return session
    }

    private init(socket: WebSocketClient) {
        self.socket = socket
    }

    private func startReading() {
        let task = Task { [self] in
            do {
                for try await event in socket.events {
                    guard case .text(let text) = event, let message = SimulatorJSON(parsing: Data(text.utf8)), let id = message["id"]?.intValue else { continue }
                    let waiter = pending.withLock { $0.removeValue(forKey: id) }
                    if let error = message["error"], !error.isNull {
                        waiter?.resume(throwing: Failure(description: "DevTools error: \(error)"))
                    } else {
                        waiter?.resume(returning: message["result"] ?? .null)
                    }
                }
            } catch {}
            let waiters = pending.withLock { state in defer { state = [:] }; return Array(state.values) }
            for waiter in waiters { waiter.resume(throwing: Failure(description: "the DevTools connection closed")) }
        }
        reader.withLock { $0 = task }
    }

    /// Sends `method` with `params` and returns its `result`; fails when chromium has not answered
    /// within `timeout` (a promise that never settles must not hang the suite).
    @discardableResult
    func send(_ method: String, _ params: SimulatorJSON = [:], timeout: Duration = .seconds(60)) async throws -> SimulatorJSON {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        let message: SimulatorJSON = ["id": .integer(Int64(id)), "method": .string(method), "params": params]
        let watchdog = Task { [self] in
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return }
            pending.withLock { $0.removeValue(forKey: id) }?.resume(throwing: Failure(description: "\(method): no answer within \(timeout)"))
        }
        defer { watchdog.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            pending.withLock { $0[id] = continuation }
            do {
                try socket.send(.text(String(decoding: message.encoded(), as: UTF8.self)))
            } catch {
                pending.withLock { $0.removeValue(forKey: id) }?.resume(throwing: error)
            }
        }
    }

    /// Evaluates `expression` in the page (awaiting a promise) and returns its value as JSON.
    @discardableResult
    func evaluate(_ expression: String) async throws -> SimulatorJSON {
        let result = try await send("Runtime.evaluate", ["expression": .string(expression), "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"], !exception.isNull {
            throw Failure(description: "the page threw: \(exception["exception"]?["description"]?.stringValue ?? "\(exception)")")
        }
        return result["result"]?["value"] ?? .null
    }

    /// Polls `condition` (a JavaScript expression) until it is true, or fails after `timeout`. An
    /// expression that throws counts as false: while a page loads, even `document.body` may be null.
    func waitUntil(_ what: String, _ condition: String, timeout: Duration = .seconds(45)) async throws {
        let deadline = ContinuousClock.now + timeout
        while try await evaluate("(() => { try { return Boolean(\(condition)); } catch (error) { return false; } })()").boolValue != true {
            guard ContinuousClock.now < deadline else {
                let notice = try? await evaluate("document.querySelector('[data-testid=notice]')?.textContent")
                throw Failure(description: "timed out waiting for \(what) (page notice: \(notice?.stringValue ?? "-"))")
            }
            try await Task.sleep(for: .milliseconds(150))
        }
    }

    /// A PNG of the page as it looks now.
    func screenshot() async throws -> Data {
        let result = try await send("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true])
        guard let encoded = result["data"]?.stringValue, let data = Data(base64Encoded: encoded) else { throw Failure(description: "no screenshot data") }
        return data
    }

    func close() {
        socket.close()
        reader.withLock { $0?.cancel() }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
