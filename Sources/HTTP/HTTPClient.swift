public import Logging
import Foundation
public import SocketLoop

/// The production `HTTPTransport`: HTTP/1.1 and HTTP/2 over libcurl's multi interface.
///
/// One dedicated thread (`TransferLoop`) owns libcurl's handles and runs every transfer; `send`
/// adds the request to its inbox, wakes it, and suspends until the transfer ends. Connections are
/// kept alive and reused across requests. TLS certificates and host names are always verified.
/// Proxies come from the environment (`https_proxy`, `no_proxy`, ...), as libcurl does by
/// default. Redirects are not followed.
///
/// Shutting down is explicit (`shutdown()`) or happens when the client is released.
public final class HTTPClient: HTTPTransport {
    /// Counts for diagnostics and leak checks, refreshed each time a request completes (before its
    /// caller resumes).
    public struct Statistics: Sendable, Equatable {
        /// Transfers added to libcurl and not yet finished or cancelled.
        public var activeTransfers = 0
        /// Easy handles reset and waiting for the next request.
        public var idleHandles = 0
        /// Easy handles created since the client started.
        public var handlesCreated = 0

        public init(activeTransfers: Int = 0, idleHandles: Int = 0, handlesCreated: Int = 0) {
            self.activeTransfers = activeTransfers
            self.idleHandles = idleHandles
            self.handlesCreated = handlesCreated
        }
    }

    public let configuration: HTTPClientConfiguration
    private let loop: TransferLoop

    /// Starts the loop thread. Throws `.tls` if `configuration.caFile` is not a readable file, so a
    /// mistyped `TLS_CA_FILE` fails at start-up rather than at the first HTTPS request.
    public init(configuration: HTTPClientConfiguration = HTTPClientConfiguration(), logger: Logger) throws(HTTPError) {
        if let caFile = configuration.caFile {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: caFile, isDirectory: &isDirectory), !isDirectory.boolValue,
                  FileManager.default.isReadableFile(atPath: caFile) else {
                throw HTTPError(.tls, operation: "load TLS CA file",
                                message: "the CA file (TLS_CA_FILE) does not exist or is not a readable file")
            }
        }
        guard configuration.maxConnectionsPerHost > 0, configuration.maxIdleHandles >= 0 else {
            throw HTTPError(.invalidRequest, operation: "start HTTP client",
                            message: "maxConnectionsPerHost must be positive")
        }
        self.configuration = configuration
        loop = try TransferLoop(configuration: configuration, logger: logger)
    }

    deinit {
        loop.stop()
    }

    /// Sends `request` and returns its response, whatever the status.
    ///
    /// Throws `HTTPError` if no complete response arrived, or `CancellationError` if the calling
    /// task is cancelled first: the transfer is then removed from libcurl on the loop thread, its
    /// connection closed if a response was in progress, and a partial download deleted.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try request.validate()
        let transfer = Transfer(request: request, configuration: configuration)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                loop.submit(transfer, continuation: continuation)
            }
        } onCancel: {
            loop.cancel(transfer)
        }
    }

    /// Fails queued and running requests with `.cancelled`, and every later one too. The loop
    /// thread ends and frees libcurl's handles. Idempotent.
    public func shutdown() {
        loop.stop()
    }

    /// The loop thread as a task executor: a task that prefers it (`withTaskExecutorPreference`)
    /// runs between the transfers on that thread, and its requests and their answers cross no
    /// other thread. Work that blocks its thread must not prefer it: every transfer would wait.
    /// After `shutdown()` its jobs run on Swift's global executor.
    public var executor: any TaskExecutor { loop }

    /// The loop thread as the server of other connections (the gateway's WebSocket), in the same
    /// `poll` as libcurl's transfers. Connections attached to it end when the client shuts down.
    public var socketLoop: any SocketLoop { loop }

    /// Whether the caller runs on the loop thread (a task that prefers `executor`, between its awaits).
    public var isOnLoopThread: Bool { loop.isOnLoopThread }

    public var statistics: Statistics {
        loop.statistics
    }
}
