import Foundation
import HTTP
import Testing

extension HTTPTests {
    @Suite("Requests and responses") struct Exchanges {
        @Test("a GET returns the status and the body")
        func get() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let response = try await client.send(HTTPRequest(url: server.baseURL + "/hello"))
                #expect(response.status == 200)
                #expect(String(decoding: response.body, as: UTF8.self) == "hello")
                #expect(response.bodyByteCount == 5)
                #expect(!response.isBodyInFile)
            }
        }

        @Test("a POST of 64 KiB is echoed, with its headers and without an Expect round trip")
        func postEcho() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let body = Data((0..<65536).map { UInt8(truncatingIfNeeded: $0 &* 31) })
                let request = HTTPRequest(
                    method: .post, url: server.baseURL + "/echo",
                    headers: ["X-Test": "round trip", "Content-Type": "application/json"], body: body)
                let response = try await client.send(request)
                #expect(response.status == 200)
                #expect(response.body == body)
                #expect(response.headers["X-Method"] == "POST")
                #expect(response.headers["X-Received-Test"] == "round trip")
                #expect(response.headers["X-Received-Content-Type"] == "application/json")
                #expect(response.headers["X-Received-Expect"] == "")
            }
        }

        @Test("a body without a Content-Type is not labelled as a form")
        func noDefaultContentType() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let response = try await client.send(
                    HTTPRequest(method: .post, url: server.baseURL + "/echo", body: Data("x".utf8)))
                #expect(response.headers["X-Received-Content-Type"] == "")
                let empty = try await client.send(HTTPRequest(method: .post, url: server.baseURL + "/echo"))
                #expect(empty.headers["X-Method"] == "POST")
                #expect(empty.headers["X-Received-Content-Type"] == "")
                #expect(empty.body.isEmpty)
            }
        }

        @Test("PUT, PATCH and DELETE send their own method", arguments: [HTTPMethod.put, .patch, .delete])
        func otherMethods(method: HTTPMethod) async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let withBody = try await client.send(
                    HTTPRequest(method: method, url: server.baseURL + "/echo", body: Data("{}".utf8)))
                #expect(withBody.headers["X-Method"] == method.rawValue)
                #expect(withBody.body == Data("{}".utf8))
                let withoutBody = try await client.send(HTTPRequest(method: method, url: server.baseURL + "/echo"))
                #expect(withoutBody.headers["X-Method"] == method.rawValue)
            }
        }

        @Test("response header names match in any case, and repeated fields keep every value")
        func responseHeaders() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let response = try await client.send(HTTPRequest(url: server.baseURL + "/echo"))
                #expect(response.headers["x-method"] == "GET")
                #expect(response.headers["CONTENT-LENGTH"] == "0")
                #expect(response.headers.values(for: "set-cookie") == ["a=1", "b=2"])
            }
        }

        @Test("non-2xx statuses come back as responses, not errors",
              arguments: [200, 201, 301, 400, 401, 403, 404, 429, 500, 502, 503])
        func statuses(status: Int) async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let response = try await client.send(HTTPRequest(url: server.baseURL + "/status/\(status)"))
                #expect(response.status == status)
                #expect(String(decoding: response.body, as: UTF8.self) == "status \(status)")
                #expect(response.isSuccess == (200..<300).contains(status))
            }
        }

        @Test("sequential requests reuse one kept-alive connection")
        func connectionReuse() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                var opened = 0
                for _ in 0..<20 {
                    opened += try await client.send(HTTPRequest(url: server.baseURL + "/hello")).newConnections
                }
                #expect(opened == 1)
            }
        }

        @Test("200 concurrent requests all succeed within the per-host connection limit")
        func concurrentRequests() async throws {
            try await withTestServer { server in
                let client = try makeClient(HTTPClientConfiguration(maxConnectionsPerHost: 16))
                let results = try await withThrowingTaskGroup(of: (Int, HTTPResponse).self) { group in
                    for index in 0..<200 {
                        group.addTask {
                            let request = HTTPRequest(method: .post, url: server.baseURL + "/echo",
                                                      body: Data("request \(index)".utf8))
                            return (index, try await client.send(request))
                        }
                    }
                    return try await group.reduce(into: [(Int, HTTPResponse)]()) { $0.append($1) }
                }
                #expect(results.count == 200)
                for (index, response) in results {
                    #expect(response.status == 200)
                    #expect(String(decoding: response.body, as: UTF8.self) == "request \(index)")
                }
                let opened = results.reduce(0) { $0 + $1.1.newConnections }
                #expect(opened <= 16)
                #expect(client.statistics.activeTransfers == 0)
            }
        }

        @Test("a second burst reuses the idle connections of the first (explicit MAXCONNECTS)")
        func burstReuse() async throws {
            let server = try RawServer(.hello)
            defer { server.stop() }
            let client = try makeClient(HTTPClientConfiguration(maxConnectionsPerHost: 16))
            func burst() async throws -> Int {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<16 {
                        group.addTask { try await client.send(HTTPRequest(url: server.baseURL + "/")).newConnections }
                    }
                    return try await group.reduce(0, +)
                }
            }
            let first = try await burst()
            try await Task.sleep(for: .milliseconds(100))
            let second = try await burst()
            #expect((1...16).contains(first))
            // However the first burst happened to spread (under load its tasks may trickle in and share
            // connections), every connection it opened is still cached: together the bursts never
            // open more than the per-host limit.
            #expect(first + second <= 16, "first \(first), second \(second)")
        }

        // Throughput is measured by scripts/benchmark-rest, not here; this checks the reuse it relies on.
        @Test("2,000 sequential keep-alive requests share one connection and one easy handle")
        func sequentialReuse() async throws {
            let server = try RawServer(.hello)
            defer { server.stop() }
            let client = try makeClient()
            let request = HTTPRequest(url: server.baseURL + "/hello")
            _ = try await client.send(request)
            var opened = 0
            for _ in 0..<2000 {
                let response = try await client.send(request)
                #expect(response.body.count == 5)
                opened += response.newConnections
            }
            #expect(opened == 0)
            #expect(client.statistics.handlesCreated == 1)
        }
    }
}
