import Foundation
import Glibc
import HTTP
import SocketLoop
import Synchronization
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

        /// While tasks keep the loop busy it goes from turn to turn without polling, but only for a
        /// bounded number of turns: a task that never stops yielding must not keep an attached
        /// socket unserved. Each yield is a turn; the socket is served within a few of them, and
        /// without the bound never (the task gives up after 100,000 and the test fails).
        @Test("a socket that became readable is served while a task on the loop never stops yielding", .timeLimit(.minutes(1)))
        func socketsServedUnderWork() async throws {
            let client = try makeClient()
            defer { client.shutdown() }
            let socket = try PipeSocket()
            client.socketLoop.attach(socket)
            let yields = await withTaskExecutorPreference(client.executor) {
                // The loop serves a socket once as it attaches it, whatever its readiness; the
                // byte is written after that, so only a poll can find it.
                while socket.serveCount == 0 { await Task.yield() }
                socket.makeReadable()
                var yields = 0
                while !socket.wasServed && yields < 100_000 {
                    await Task.yield()
                    yields += 1
                }
                return yields
            }
            #expect(socket.wasServed)
            // Turns, not time: one yield per turn, a poll within the bound's few turns.
            #expect(yields > 0 && yields <= 100)
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

/// A pipe attached to a loop: readable once a byte is written to it, served (the byte read, the
/// pipe dropped by the loop) when the loop polls it.
private final class PipeSocket: LoopSocket, Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32
    private let served = Mutex((count: 0, readByte: false))

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    var serveCount: Int { served.withLock { $0.count } }
    var wasServed: Bool { served.withLock { $0.readByte } }

    func makeReadable() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    var pollRequests: [PollRequest] { [PollRequest(descriptor: readEnd, events: Int16(POLLIN))] }
    var deadline: ContinuousClock.Instant? { nil }

    func serve() -> Bool {
        var byte: UInt8 = 0
        let readByte = read(readEnd, &byte, 1) == 1
        served.withLock { $0 = (count: $0.count + 1, readByte: readByte) }
        return !readByte
    }

    func loopStopped() {}
}
