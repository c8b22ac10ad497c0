import Foundation
import HTTP
import Testing

extension HTTPTests {
    /// The client's loop thread as a task executor: what a task that prefers it runs, where, and
    /// what happens to it once the client has shut down.
    @Suite("The loop as a task executor") struct Executor {

        @Test("a task that prefers the executor runs on the loop thread, before its request and after the answer")
        func runsOnTheLoop() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                defer { client.shutdown() }
                #expect(!client.isOnLoopThread)
                let (before, status, after) = try await withTaskExecutorPreference(client.executor) {
                    let before = client.isOnLoopThread
                    let response = try await client.send(HTTPRequest(url: server.baseURL + "/hello"))
                    return (before, response.status, client.isOnLoopThread)
                }
                #expect(before)
                #expect(status == 200)
                #expect(after)
            }
        }

        /// Jobs enqueued from other threads wake the loop; those its own answers resume do not need
        /// to. A lost wake-up leaves a task waiting for ever, which the time limit turns into a failure.
        @Test("forty tasks preferring the executor, three requests each, all answered", .timeLimit(.minutes(1)))
        func manyTasks() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                defer { client.shutdown() }
                let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
                    for _ in 0..<40 {
                        group.addTask(executorPreference: client.executor) {
                            var statuses: [Int] = []
                            for _ in 0..<3 {
                                statuses.append(try await client.send(HTTPRequest(url: server.baseURL + "/hello")).status)
                                statuses.append(client.isOnLoopThread ? 1 : 0)
                            }
                            return statuses
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0 += $1 }
                }
                #expect(statuses.count == 240)
                #expect(statuses.enumerated().allSatisfy { $0.offset % 2 == 0 ? $0.element == 200 : $0.element == 1 })
                #expect(client.statistics.activeTransfers == 0)
            }
        }

        @Test("after shutdown a task preferring the executor still runs, on Swift's pool", .timeLimit(.minutes(1)))
        func afterShutdown() async throws {
            let client = try makeClient()
            client.shutdown()
            // The loop thread ends shortly after; jobs enqueued meanwhile are handed over as it ends.
            for _ in 0..<20 {
                let ran = await withTaskExecutorPreference(client.executor) {
                    await Task.yield()
                    return true
                }
                #expect(ran)
            }
            await #expect(throws: HTTPError.self) {
                try await withTaskExecutorPreference(client.executor) {
                    _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:1/"))
                }
            }
            let onPool = await withTaskExecutorPreference(client.executor) {
                try? await Task.sleep(for: .milliseconds(50))
                return !client.isOnLoopThread
            }
            #expect(onPool)
        }
    }
}
