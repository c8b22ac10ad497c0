import FlyingFox
import FlyingSocks
import Foundation
import LendingBot
public import Logging
import SimulatorSupport

/// The console over HTTP on 127.0.0.1 only: the page at `/`, its JSON API under `/api/`.
///
/// `GET /api/state`; `POST /api/command`, `/api/autocomplete`, `/api/component`, `/api/modal`,
/// `/api/modal/dismiss`, `/api/clock/advance`, each with a JSON body. A refused request answers
/// 400 `{"error": "..."}` (403 for a foreign `Host`, 415 for a body that is not JSON) and changes nothing.
///
/// Only this machine's browser may drive it: a request must name 127.0.0.1 or localhost as its
/// `Host` (so a page on another site cannot reach it through DNS rebinding), and a `POST` must say
/// `application/json` (so another site's page cannot send one without a CORS preflight, which
/// this server never grants).
public struct ConsoleServer: Sendable {
    private let running: RunningHTTPServer
    /// What the page shows and drives; a test reaches the simulators through it.
    public let console: SandboxConsole
    public var port: UInt16 { running.port }

    public var url: String { "http://127.0.0.1:\(port)/" }

    /// Listens on 127.0.0.1:`port` (0: a free port) and returns once connections are accepted.
    public static func start(console: SandboxConsole, port: Int, logger: Logger) async throws -> ConsoleServer {
        guard let requested = UInt16(exactly: port) else { throw SandboxError("--port: \(port) is not a port") }
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: requested)
        // Read once, before listening: a page missing from the build stops the sandbox at start.
        let page = Data(try ConsolePage.load().utf8)
        do {
            return ConsoleServer(running: try await RunningHTTPServer.start(address: address, timeout: 30,
                                                                           handler: ConsoleHandler(console: console, page: page, logger: logger)),
                                 console: console)
        } catch {
            throw SandboxError("cannot listen on 127.0.0.1:\(port) (is another program using it? choose one with --port): \(error)")
        }
    }

    public func stop() async {
        await running.stop()
    }
}

struct ConsoleHandler: HTTPHandler {
    let console: SandboxConsole
    /// `ConsolePage`, read at start.
    let page: Data
    let logger: Logger

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let host = request.headers[.host].map { $0.split(separator: ":").first.map(String.init) ?? $0 } ?? ""
        guard host == "127.0.0.1" || host == "localhost" else { return json(.forbidden, ["error": "the console answers only to 127.0.0.1 or localhost"]) }
        if request.method == .POST, request.headers[.contentType]?.lowercased().hasPrefix("application/json") != true {
            return json(.unsupportedMediaType, ["error": "send application/json"])
        }
        do {
            switch (request.method, request.path) {
            case (.GET, "/"), (.GET, "/index.html"):
                return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"],
                                    body: page)
            case (.GET, "/api/state"):
                return json(.ok, try await console.state())
            case (.POST, let path) where path.hasPrefix("/api/"):
                return json(.ok, try await post(path, body: try await body(of: request)))
            case (_, "/"), (_, "/api/state"):
                let allow: HTTPHeaders = [HTTPHeader("Allow"): "GET"]
                return HTTPResponse(statusCode: .methodNotAllowed, headers: allow)
            default:
                return json(.notFound, ["error": "not found"])
            }
        } catch let refusal as ConsoleRefusal {
            return json(.badRequest, ["error": .string(refusal.description)])
        } catch {
            logger.warning("console request failed", metadata: ["http.path": "\(request.path)", "error": "\(error)"])
            return json(.internalServerError, ["error": .string("\(error)")])
        }
    }

    private func post(_ path: String, body: SimulatorJSON) async throws -> SimulatorJSON {
        let persona = body["persona"]?.stringValue ?? ""
        switch path {
        case "/api/command":
            return try await console.runCommand(persona: persona, command: try string("command", in: body), options: body["options"])
        case "/api/autocomplete":
            return try await console.autocomplete(persona: persona, command: try string("command", in: body), options: body["options"])
        case "/api/component":
            return try await console.pressComponent(persona: persona, messageID: try string("messageId", in: body), customID: try string("customId", in: body),
                                                    values: body["values"]?.arrayValue?.compactMap(\.stringValue))
        case "/api/modal":
            return try await console.submitModal(persona: persona, openedBy: try string("interactionId", in: body), values: body["values"]?.objectValue ?? [:])
        case "/api/modal/dismiss":
            try console.dismissModal(persona: persona, openedBy: try string("interactionId", in: body))
            return ["dismissed": true]
        case "/api/clock/advance":
            return try await console.advanceClock(body)
        default:
            throw ConsoleRefusal("no such action: \(path)")
        }
    }

    private func body(of request: HTTPRequest) async throws -> SimulatorJSON {
        let data = try await request.bodyData
        guard let json = SimulatorJSON(parsing: data), json.objectValue != nil else { throw ConsoleRefusal("the body must be a JSON object") }
        return json
    }

    private func string(_ key: String, in body: SimulatorJSON) throws -> String {
        guard let value = body[key]?.stringValue, !value.isEmpty else { throw ConsoleRefusal("\(key) is required") }
        return value
    }

    private func json(_ status: HTTPStatusCode, _ value: SimulatorJSON) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "application/json; charset=utf-8", HTTPHeader("Cache-Control"): "no-store"],
                     body: value.encoded())
    }
}
