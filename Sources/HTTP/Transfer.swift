import Foundation

/// One request from `send` to its single resumption.
///
/// Two parts with two owners:
/// - `life` (under its own lock) is shared by the calling task, its cancellation handler and the loop
///   thread. It holds the continuation, so whoever moves the phase to `finished` is the only one
///   who resumes it: exactly once, whatever the race between completion and cancellation.
/// - Everything else (the response being assembled, the download file) is touched only on the loop
///   thread, between `TransferLoop.start` and the end of the transfer, including from libcurl's
///   callbacks, which run inside `curl_multi_perform` on that thread.
final class Transfer: @unchecked Sendable {
    enum Phase {
        /// `send` has not handed over its continuation yet.
        case created
        /// The continuation is stored; the loop owns the request.
        case submitted(CheckedContinuation<HTTPResponse, any Error>)
        /// Cancelled before submission: `submit` resumes at once without touching the loop.
        case cancelledEarly
        /// Resumed; nothing more may happen.
        case finished
    }

    /// What `requestCancellation` found, telling the caller whether the loop must act.
    enum CancellationOutcome {
        case noLoopWork, removeFromLoop
    }

    let request: HTTPRequest
    let name: String
    let connectTimeout: Duration
    let timeout: Duration
    private let life = Locked(Phase.created)

    // Loop-thread state.
    var status = 0
    var headers = HTTPHeaders()
    var body = Data()
    var bodyByteCount: Int64 = 0
    var download: DownloadFile?
    var isWritingToFile = false
    var maxErrorBodyBytes = 0
    var maxBodyBytes = 0
    /// The failure a callback hit (a file write); reported instead of curl's generic write error.
    var callbackError: HTTPError?
    /// The easy handle running this transfer, from `start` until it is recycled.
    var easy: EasyHandle?

    init(request: HTTPRequest, configuration: HTTPClientConfiguration) {
        self.request = request
        name = request.redactedName
        connectTimeout = request.connectTimeout ?? configuration.connectTimeout
        timeout = request.timeout ?? configuration.timeout
        maxErrorBodyBytes = configuration.maxErrorBodyBytes
        maxBodyBytes = configuration.maxBodyBytes
    }

    /// Stores the continuation; false if the task was cancelled first, in which case the caller
    /// resumes it with `CancellationError` right away.
    func attach(_ continuation: CheckedContinuation<HTTPResponse, any Error>) -> Bool {
        life.withLock { phase in
            guard case .created = phase else { return false }
            phase = .submitted(continuation)
            return true
        }
    }

    func requestCancellation() -> CancellationOutcome {
        life.withLock { phase in
            switch phase {
            case .created:
                phase = .cancelledEarly
                return .noLoopWork
            case .submitted:
                return .removeFromLoop
            case .cancelledEarly, .finished:
                return .noLoopWork
            }
        }
    }

    /// Resumes the caller, once; later calls do nothing.
    func complete(_ result: Result<HTTPResponse, any Error>) {
        let continuation: CheckedContinuation<HTTPResponse, any Error>? = life.withLock { phase in
            guard case .submitted(let continuation) = phase else { return nil }
            phase = .finished
            return continuation
        }
        continuation?.resume(with: result)
    }

    // MARK: Callbacks (loop thread, inside curl_multi_perform)

    /// One header line, CRLF included. A status line starts a new header block, so the headers of
    /// a `100 Continue` or a proxy's `CONNECT` answer are replaced by the final response's.
    func receiveHeaderLine(_ line: UnsafeRawBufferPointer) {
        // Trim bytes, not Characters: "\r\n" is a single Character in Swift.
        var length = line.count
        while length > 0, line[length - 1] == 0x0D || line[length - 1] == 0x0A {
            length -= 1
        }
        let bytes = UnsafeRawBufferPointer(rebasing: line[..<length])
        if bytes.starts(with: "HTTP/".utf8) {
            let text = String(decoding: bytes, as: UTF8.self)
            let parts = text.split(separator: " ", maxSplits: 2)
            status = parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
            return
        }
        // Split and trim over the bytes too: Foundation's `trimmingCharacters(in:)` and a search by
        // `Character` made header lines a tenth of the bot's instructions per interaction. HTTP's
        // optional whitespace around a value is spaces and tabs.
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return }
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = colon + 1
        var end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        headers.add(name: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<colon]), as: UTF8.self),
                    value: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    }

    /// Body bytes. Returns false to make libcurl stop with `CURLE_WRITE_ERROR`, after recording why.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bodyByteCount == 0, download != nil, (200..<300).contains(status) {
            isWritingToFile = true
        }
        bodyByteCount += Int64(bytes.count)
        if isWritingToFile, let download {
            if let limit = downloadLimit, bodyByteCount > limit {
                callbackError = HTTPError(.bodyTooLarge, operation: name, message: "the download passed its announced size of \(limit) bytes")
                return false
            }
            do {
                try download.write(bytes, operation: name)
            } catch {
                callbackError = error
                return false
            }
            return true
        }
        if download != nil {
            let room = max(0, maxErrorBodyBytes - body.count)
            body.append(contentsOf: bytes.prefix(room))
        } else {
            guard body.count + bytes.count <= maxBodyBytes else {
                callbackError = HTTPError(.bodyTooLarge, operation: name, message: "the answer passed \(maxBodyBytes) bytes")
                return false
            }
            body.append(contentsOf: bytes)
        }
        return true
    }

    /// The smaller of what the response announced (`Content-Length`) and what the caller expects.
    private var downloadLimit: Int64? {
        let announced = headers["Content-Length"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        return [announced, request.maxFileBytes].compactMap { $0 }.min()
    }
}
