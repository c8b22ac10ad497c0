import Foundation
import HTTP
import InMemoryLogging
import Logging
import Testing

extension HTTPTests {
    @Suite("Failures and their kinds") struct Failures {
        @Test("a closed port is a connect error")
        func connectRefused() async throws {
            let client = try makeClient()
            let port = try RawServer.closedPort()
            let kind = await httpErrorKind {
                _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:\(port)/"))
            }
            #expect(kind == .connect)
        }

        @Test("a host under .invalid is a DNS error")
        func unresolvableHost() async throws {
            let client = try makeClient()
            let kind = await httpErrorKind {
                _ = try await client.send(HTTPRequest(url: "http://no-such-host.invalid/", timeout: .seconds(20)))
            }
            #expect(kind == .dns)
        }

        /// The server never answers within the test, so only the client's own deadline ends the
        /// request; no wall-clock bound is asserted, which a loaded machine could miss.
        @Test("a handler slower than the total timeout is a timeout", .timeLimit(.minutes(1)))
        func totalTimeout() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let kind = await httpErrorKind {
                    _ = try await client.send(HTTPRequest(url: server.baseURL + "/never", timeout: .milliseconds(300)))
                }
                #expect(kind == .timeout)
            }
        }

        @Test("a reset, a missing answer and a cut-short body are connection resets",
              arguments: [RawBehaviour.reset, .closeWithoutResponse, .truncatedBody])
        func connectionFaults(fault: RawBehaviour) async throws {
            let server = try RawServer(fault)
            defer { server.stop() }
            let client = try makeClient()
            let kind = await httpErrorKind {
                _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/"))
            }
            #expect(kind == .connectionReset)
            // The broken connection is not reused for the next request.
            let again = await httpErrorKind {
                _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/"))
            }
            #expect(again == .connectionReset)
        }

        @Test("TLS against a server that does not speak it is a TLS error")
        func tlsHandshakeFailure() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let kind = await httpErrorKind {
                    _ = try await client.send(HTTPRequest(url: "https://127.0.0.1:\(server.port)/hello"))
                }
                #expect(kind == .tls)
            }
        }

        @Test("a missing CA file is refused when the client starts")
        func missingCAFile() throws {
            let error = #expect(throws: HTTPError.self) {
                _ = try makeClient(HTTPClientConfiguration(caFile: "no/such/ca-bundle.pem"))
            }
            #expect(error?.kind == .tls)
            #expect(error?.description.contains("TLS_CA_FILE") == true)
        }

        @Test("malformed requests are refused before any I/O", arguments: [
            HTTPRequest(url: "http://127.0.0.1:1/", headers: ["X-Bad": "a\r\nInjected: yes"]),
            HTTPRequest(url: "http://127.0.0.1:1/", headers: ["Bad Name": "x"]),
            HTTPRequest(method: HTTPMethod(rawValue: "GET /x"), url: "http://127.0.0.1:1/"),
            HTTPRequest(url: "http://127.0.0.1:1/a b"),
            HTTPRequest(url: "file:///etc/hostname"),
            HTTPRequest(url: "no scheme at all"),
            HTTPRequest(url: "http://127.0.0.1:1/", timeout: .zero),
        ])
        func invalidRequests(request: HTTPRequest) async throws {
            let client = try makeClient()
            let kind = await httpErrorKind { _ = try await client.send(request) }
            #expect(kind == .invalidRequest)
        }

        @Test("errors, logs and descriptions never show header values or the URL")
        func redaction() async throws {
            let secret = "SECRET-TOKEN-42"
            let handler = InMemoryLogHandler()
            var logger = Logger(label: "http-test") { _ in handler }
            logger.logLevel = .trace
            let client = try makeClient(logger: logger)
            let port = try RawServer.closedPort()
            let request = HTTPRequest(
                method: .post, url: "http://user:\(secret)@127.0.0.1:\(port)/webhooks/1/\(secret)?token=\(secret)",
                headers: ["Authorization": "Bot \(secret)"], body: Data("{}".utf8),
                label: "POST webhooks/{id}/{token}")
            do {
                _ = try await client.send(request)
                Issue.record("expected a connect error")
            } catch let error as HTTPError {
                #expect(error.kind == .connect)
                #expect(error.operation == "POST webhooks/{id}/{token}")
                #expect(!error.description.contains(secret))
                #expect(!error.debugDescription.contains(secret))
            }
            var dumped = ""
            dump(request, to: &dumped)
            #expect(!dumped.contains(secret))
            #expect(!"\(request) \(request.headers)".contains(secret))
            #expect(!handler.entries.isEmpty)
            for entry in handler.entries {
                #expect(!"\(entry.message) \(entry.metadata)".contains(secret))
            }
            let unlabelled = HTTPRequest(url: "https://user:\(secret)@discord.com:443/api/v10/webhooks/\(secret)?a=\(secret)")
            #expect(unlabelled.redactedName == "GET https://discord.com:443")
        }
    }
}
