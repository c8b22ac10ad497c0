import CCurl
import Foundation
import Glibc
import Logging
import SocketLoop
import Synchronization

/// The thread that owns libcurl's multi handle and every easy handle, and runs their transfers.
///
/// Invariant: `multi`, `idleHandles` and every `Transfer`'s loop-side state are touched only on the
/// loop thread, except `multi.wakeup()`. Other threads reach the loop only through `shared` (inbox
/// and statistics, under its lock) followed by a wake-up, so a request costs one lock and one
/// wake-up, and no other thread hop.
///
/// It is also a task executor (`TransferLoop+Executor.swift`): a task that prefers it runs its
/// code on this thread between the transfers, so its request needs no wake-up to reach libcurl
/// and its answer none to reach the task.
final class TransferLoop: @unchecked Sendable {
    enum Command {
        case start(Transfer)
        case cancel(Transfer)
        case attach(any LoopSocket)
    }

    struct Shared {
        var inbox: [Command] = []
        var isStopping = false
        var statistics = HTTPClient.Statistics()
        /// Jobs of the tasks that prefer this loop, in the order they were enqueued.
        var jobs: [UnownedJob] = []
        /// The thread has ended: jobs go to Swift's global executor instead.
        var hasEnded = false
    }

    let shared = Locked(Shared())
    /// The loop thread's `pthread_self()`, 0 until it starts: work handed over from the loop
    /// thread itself needs no wake-up, the loop looks at its queues before it sleeps.
    let loopThread = Atomic<UInt>(0)
    let multi: CurlMulti
    private let configuration: HTTPClientConfiguration
    private let logger: Logger

    // Loop thread only.
    private var idleHandles: [EasyHandle] = []
    private var handlesCreated = 0
    private var completions: [(Transfer, Result<HTTPResponse, any Error>)] = []
    /// The connections served beside libcurl's transfers (`TransferLoop+Sockets.swift`).
    var sockets: [any LoopSocket] = []
    var waits: [curl_waitfd] = []
    /// At most this many turns in a row skip `poll` while tasks have work queued (`run()`).
    static let turnsWithoutPollLimit = 8

    init(configuration: HTTPClientConfiguration, logger: Logger) throws(HTTPError) {
        self.configuration = configuration
        self.logger = logger
        multi = try CurlMulti(configuration: configuration)
        let thread = Thread { [self] in run() }
        thread.name = "http-loop"
        thread.start()
    }

    // MARK: Any thread

    /// Hands `transfer` to the loop, or resumes at once if the task was already cancelled or the
    /// client is shut down.
    func submit(_ transfer: Transfer, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        guard transfer.attach(continuation) else {
            continuation.resume(throwing: CancellationError())
            return
        }
        let accepted = shared.withLock { shared in
            guard !shared.isStopping else { return false }
            shared.inbox.append(.start(transfer))
            return true
        }
        guard accepted else {
            transfer.complete(.failure(Self.shutDownError(transfer)))
            return
        }
        wakeUnlessOnLoop()
    }

    /// From the task's cancellation handler: the loop removes the transfer from libcurl and resumes
    /// it with `CancellationError`, unless it finishes first.
    func cancel(_ transfer: Transfer) {
        guard transfer.requestCancellation() == .removeFromLoop else { return }
        shared.withLock { $0.inbox.append(.cancel(transfer)) }
        wakeUnlessOnLoop()
    }

    /// Fails every queued and running request with `.cancelled` and ends the thread. Idempotent.
    func stop() {
        shared.withLock { $0.isStopping = true }
        multi.wakeup()
    }

    var statistics: HTTPClient.Statistics {
        shared.withLock { $0.statistics }
    }

    // MARK: Loop thread

    private func run() {
        loopThread.store(UInt(pthread_self()), ordering: .releasing)
        var commands: [Command] = []
        var jobs: [UnownedJob] = []
        var turnsWithoutPoll = 0
        while true {
            // The tasks first: what they hand to libcurl goes out in this turn.
            runJobs(&jobs)
            let isStopping = shared.withLock { shared in
                swap(&shared.inbox, &commands)
                return shared.isStopping
            }
            for command in commands {
                switch command {
                case .start(let transfer) where isStopping:
                    completions.append((transfer, .failure(Self.shutDownError(transfer))))
                case .start(let transfer):
                    start(transfer)
                case .cancel(let transfer):
                    abort(transfer, with: CancellationError())
                case .attach(let socket) where isStopping:
                    socket.loopStopped()
                case .attach(let socket):
                    // Its first bytes may already be read (those after the WebSocket handshake).
                    if socket.serve() { sockets.append(socket) }
                }
            }
            commands.removeAll(keepingCapacity: true)
            if isStopping {
                stopAll()
                stopSockets()
                resumeCompletions()
                end()
                return
            }
            multi.perform()
            for (easy, code) in multi.takeCompleted() {
                finish(easy, code: code)
            }
            resumeCompletions()
            // A task resumed above, or a request it made, is for this turn's successor, not for after a sleep.
            let hasWork = shared.withLock { !$0.jobs.isEmpty || !$0.inbox.isEmpty }
            // The next turn may come without a look at the sockets: a task's await on the loop
            // thread is one turn, and an interaction's chain of them cost a `poll` syscall each
            // (about five per interaction) that found nothing. The sockets still get their look
            // within a bounded number of turns, so no chain of tasks can keep them unserved.
            if hasWork && turnsWithoutPoll < Self.turnsWithoutPollLimit {
                turnsWithoutPoll += 1
                continue
            }
            turnsWithoutPoll = 0
            pollAndServeSockets(milliseconds: hasWork ? 0 : 1000)
        }
    }

    private func start(_ transfer: Transfer) {
        guard let easy = idleHandles.popLast() ?? makeHandle() else {
            completions.append((transfer, .failure(Curl.outOfMemory(operation: transfer.name))))
            return
        }
        do {
            if case .file(let path) = transfer.request.destination {
                transfer.download = try DownloadFile(path: path, operation: transfer.name)
            }
            try easy.prepare(for: transfer, configuration: configuration)
            try multi.add(easy, operation: transfer.name)
        } catch {
            transfer.download?.discard()
            recycle(easy)
            completions.append((transfer, .failure(error)))
        }
    }

    private func makeHandle() -> EasyHandle? {
        handlesCreated += 1
        return EasyHandle()
    }

    /// A cancelled or shut-down transfer: removed from libcurl (closing its connection if a
    /// response was in progress), its partial file deleted.
    private func abort(_ transfer: Transfer, with error: any Error) {
        guard let easy = transfer.easy else { return }   // already finished
        multi.remove(easy)
        transfer.download?.discard()
        recycle(easy)
        logger.debug("http request cancelled", metadata: ["http.route": "\(transfer.name)"])
        completions.append((transfer, .failure(error)))
    }

    private func finish(_ easy: EasyHandle, code: CurlResult) {
        multi.remove(easy)
        guard let transfer = easy.transfer else {
            recycle(easy)
            return
        }
        let result: Result<HTTPResponse, any Error>
        if code.isOK {
            do {
                result = .success(try response(of: transfer, on: easy))
            } catch {
                result = .failure(error)
            }
        } else {
            transfer.download?.discard()
            let error = transfer.callbackError ?? easy.error(for: code, operation: transfer.name)
            logger.debug("http request failed", metadata: [
                "http.route": "\(transfer.name)", "http.error": "\(error.kind)",
            ])
            result = .failure(error)
        }
        recycle(easy)
        completions.append((transfer, result))
    }

    private func response(of transfer: Transfer, on easy: EasyHandle) throws(HTTPError) -> HTTPResponse {
        let status = easy.responseCode
        var isBodyInFile = false
        if let download = transfer.download {
            if (200..<300).contains(status) {
                try download.commit(operation: transfer.name)
                isBodyInFile = true
            } else {
                download.discard()
            }
        }
        let response = HTTPResponse(
            status: status,
            headers: transfer.headers,
            body: transfer.body,
            bodyByteCount: transfer.bodyByteCount,
            isBodyInFile: isBodyInFile,
            newConnections: easy.newConnections,
            totalTime: easy.totalTime
        )
        logger.debug("http request done", metadata: [
            "http.route": "\(transfer.name)",
            "http.status": "\(status)",
            "http.duration": "\(response.totalTime)",
            "http.new_connections": "\(response.newConnections)",
        ])
        return response
    }

    private func recycle(_ easy: EasyHandle) {
        easy.recycle()
        if idleHandles.count < configuration.maxIdleHandles {
            idleHandles.append(easy)
        }
    }

    private func stopAll() {
        for easy in multi.addedHandles {
            if let transfer = easy.transfer {
                abort(transfer, with: Self.shutDownError(transfer))
            } else {
                multi.remove(easy)
            }
        }
        idleHandles.removeAll()
    }

    /// Publishes the statistics before resuming anyone, so a caller that has its response sees
    /// counts that already include it.
    private func resumeCompletions() {
        guard !completions.isEmpty else { return }
        let statistics = HTTPClient.Statistics(
            activeTransfers: multi.activeCount, idleHandles: idleHandles.count, handlesCreated: handlesCreated)
        shared.withLock { $0.statistics = statistics }
        let batch = completions
        completions.removeAll(keepingCapacity: true)
        for (transfer, result) in batch {
            transfer.complete(result)
        }
    }

    private static func shutDownError(_ transfer: Transfer) -> HTTPError {
        HTTPError(.cancelled, operation: transfer.name, message: "the HTTP client was shut down")
    }
}
