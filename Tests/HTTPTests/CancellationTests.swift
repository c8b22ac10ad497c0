import Foundation
import HTTP
import Testing

extension HTTPTests {
    @Suite("Cancellation and shutdown") struct Cancellation {
        /// The server never answers within the test, so only a cancellation that interrupts the
        /// transfer ends it; one that does not runs into the time limit. No wall-clock bound is
        /// asserted, so a loaded machine cannot fail it.
        @Test("cancelling a slow request throws CancellationError at once", .timeLimit(.minutes(1)))
        func cancelSlowRequest() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let task = Task { try await client.send(HTTPRequest(url: server.baseURL + "/never")) }
                try await Task.sleep(for: .milliseconds(200))
                task.cancel()
                await #expect(throws: CancellationError.self) { _ = try await task.value }
                #expect(client.statistics.activeTransfers == 0)
            }
        }

        @Test("a task cancelled before it sends never reaches libcurl")
        func cancelledBeforeSending() async throws {
            let client = try makeClient()
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                return try await client.send(HTTPRequest(url: "http://127.0.0.1:1/"))
            }
            await #expect(throws: CancellationError.self) { _ = try await task.value }
            #expect(client.statistics.handlesCreated == 0)
        }

        /// As above, the server never answers, so every request ends only by its cancellation.
        @Test("100 cancelled requests leave no transfer behind, and the client keeps working", .timeLimit(.minutes(2)))
        func manyCancellations() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let outcomes = await withTaskGroup(of: String.self) { group in
                    for _ in 0..<100 {
                        group.addTask {
                            do {
                                _ = try await client.send(HTTPRequest(url: server.baseURL + "/never"))
                                return "response"
                            } catch is CancellationError {
                                return "cancelled"
                            } catch {
                                return "\(error)"
                            }
                        }
                    }
                    try? await Task.sleep(for: .milliseconds(300))
                    group.cancelAll()
                    return await group.reduce(into: [String]()) { $0.append($1) }
                }
                #expect(outcomes.count == 100)
                #expect(outcomes.allSatisfy { $0 == "cancelled" }, "\(Set(outcomes))")
                #expect(client.statistics.activeTransfers == 0)
                let response = try await client.send(HTTPRequest(url: server.baseURL + "/hello"))
                #expect(response.status == 200)
                let statistics = client.statistics
                #expect(statistics.activeTransfers == 0)
                #expect(statistics.idleHandles <= HTTPClientConfiguration().maxIdleHandles)
            }
        }

        @Test("shutdown fails the request in flight and every later one with .cancelled")
        func shutdown() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let task = Task { try await client.send(HTTPRequest(url: server.baseURL + "/never")) }
                try await Task.sleep(for: .milliseconds(200))
                client.shutdown()
                let inFlight = await httpErrorKind { _ = try await task.value }
                #expect(inFlight == .cancelled)
                let later = await httpErrorKind { _ = try await client.send(HTTPRequest(url: server.baseURL + "/hello")) }
                #expect(later == .cancelled)
            }
        }
    }
}
