import CCurl
import CCurlShim
import Foundation

/// The one file that calls libcurl. Its two classes are owned by `TransferLoop` and used only on
/// its thread, except `CurlMulti.wakeup()`, which libcurl documents as callable from any thread.
///
/// What this file never does, on purpose:
/// - set `CURLOPT_SSL_VERIFYPEER` or `CURLOPT_SSL_VERIFYHOST`: libcurl's defaults (verify the chain
///   and the host name) stay in force on every handle, including after `curl_easy_reset`;
/// - set `CURLOPT_PROXY` or `CURLOPT_NOPROXY`: libcurl then takes proxies from `http_proxy`,
///   `https_proxy`, `all_proxy` and `no_proxy` in the environment;
/// - follow redirects: a 3xx comes back as a response, so an `Authorization` header is never
///   replayed to another host.
enum Curl {
    /// `curl_global_init`, once per process before any other libcurl call. Thread-safe in libcurl
    /// 7.84 and later (Debian 12 ships 7.88) and reference-counted, so FoundationNetworking's own
    /// call does not conflict.
    static let isInitialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    /// Maps a `CURLcode` to an error kind; the only place that knows curl's numbers.
    static func kind(of code: CURLcode) -> HTTPError.Kind {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .dns
        case CURLE_COULDNT_CONNECT:
            return .connect
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
             CURLE_SSL_CLIENTCERT, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            return .tls
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
             CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionReset
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL, CURLE_BAD_FUNCTION_ARGUMENT,
             CURLE_UNKNOWN_OPTION, CURLE_NOT_BUILT_IN:
            return .invalidRequest
        case CURLE_WRITE_ERROR:
            return .fileIO
        default:
            return .other(code: Int(code.rawValue))
        }
    }

    static func error(_ code: CURLcode, operation: String, detail: String? = nil) -> HTTPError {
        let message = curl_easy_strerror(code).map { String(cString: $0) } ?? "libcurl error"
        return HTTPError(kind(of: code), operation: operation, message: message, detail: detail,
                         curlCode: Int(code.rawValue))
    }

    static func outOfMemory(operation: String) -> HTTPError {
        error(CURLE_OUT_OF_MEMORY, operation: operation)
    }

    /// Whole milliseconds, at least 1: libcurl reads 0 as "no timeout".
    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let total = seconds.multipliedReportingOverflow(by: 1000)
        guard !total.overflow else { return Int.max }
        return max(1, Int(total.partialValue + attoseconds / 1_000_000_000_000_000))
    }
}

/// A transfer's `CURLcode`, kept opaque so that only this file reads curl's numbers.
struct CurlResult {
    fileprivate let code: CURLcode

    var isOK: Bool { code == CURLE_OK }
}

/// A `CURLM` (`curl_multi_init`) and the easy handles currently added to it.
final class CurlMulti {
    private let multi: UnsafeMutableRawPointer
    private var added: [UnsafeMutableRawPointer: EasyHandle] = [:]

    var activeCount: Int { added.count }
    var addedHandles: [EasyHandle] { Array(added.values) }

    /// Creates the multi handle with an explicit connection cache (`CURLMOPT_MAXCONNECTS`) and
    /// per-host limit (`CURLMOPT_MAX_HOST_CONNECTIONS`); see `HTTPClientConfiguration`.
    init(configuration: HTTPClientConfiguration) throws(HTTPError) {
        guard Curl.isInitialized, let multi = curl_multi_init() else {
            throw HTTPError(.other(code: Int(CURLE_FAILED_INIT.rawValue)), operation: "start HTTP client",
                            message: "libcurl could not be initialised")
        }
        self.multi = multi
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, configuration.effectiveMaxIdleConnections)
        _ = ccurl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, configuration.maxConnectionsPerHost)
    }

    /// `curl_multi_cleanup`; every easy handle must have been removed first.
    deinit {
        curl_multi_cleanup(multi)
    }

    /// `curl_multi_add_handle`. Fails only on misuse (a handle added twice) or out of memory.
    func add(_ easy: EasyHandle, operation: String) throws(HTTPError) {
        let code = curl_multi_add_handle(multi, easy.handle)
        guard code == CURLM_OK else {
            throw HTTPError(.other(code: Int(code.rawValue)), operation: operation,
                            message: String(cString: curl_multi_strerror(code)))
        }
        added[easy.handle] = easy
    }

    /// `curl_multi_remove_handle`: stops the transfer if it is still running. A connection in the
    /// middle of a response is closed; a finished one goes back to the cache.
    func remove(_ easy: EasyHandle) {
        guard added.removeValue(forKey: easy.handle) != nil else { return }
        _ = curl_multi_remove_handle(multi, easy.handle)
    }

    /// `curl_multi_perform`: drives every transfer as far as it can go without blocking, running the
    /// write and header callbacks on this thread. Its `CURLMcode` only reports misuse, so it is not
    /// surfaced; per-transfer failures come from `takeCompleted()`.
    func perform() {
        var running: Int32 = 0
        _ = curl_multi_perform(multi, &running)
    }

    /// Drains `curl_multi_info_read`. The message memory is invalid once a handle is removed
    /// (as `curl_multi_info_read`'s documentation warns), so everything is copied out before the caller removes any handle.
    func takeCompleted() -> [(EasyHandle, CurlResult)] {
        var completed: [(EasyHandle, CurlResult)] = []
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                  let easy = added[handle] else { continue }
            completed.append((easy, CurlResult(code: message.pointee.data.result)))
        }
        return completed
    }

    /// `curl_multi_poll`: sleeps until a socket is ready, libcurl's next timer is due, `wakeup()` is
    /// called, or `milliseconds` pass.
    func poll(milliseconds: Int32) {
        _ = curl_multi_poll(multi, nil, 0, milliseconds, nil)
    }

    /// `poll(milliseconds:)` that also waits for `extra` descriptors, whose `revents` it fills.
    func poll(milliseconds: Int32, extra: inout [curl_waitfd]) {
        guard !extra.isEmpty else { return poll(milliseconds: milliseconds) }
        let count = UInt32(extra.count)
        _ = extra.withUnsafeMutableBufferPointer { curl_multi_poll(multi, $0.baseAddress, count, milliseconds, nil) }
    }

    /// `curl_multi_wakeup`, safe from any thread. A wake-up sent while the loop is not polling is
    /// remembered, so the next `poll` returns at once.
    func wakeup() {
        _ = curl_multi_wakeup(multi)
    }
}

/// A `CURL` easy handle, reused across requests after `curl_easy_reset` (which keeps its DNS cache
/// and session IDs but clears every option).
final class EasyHandle {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// The transfer whose callbacks this handle calls, retained while it runs.
    private(set) var transfer: Transfer?

    /// `curl_easy_init`; nil when libcurl is out of memory.
    init?() {
        guard Curl.isInitialized, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(to: 0)
    }

    /// `curl_easy_cleanup`; the handle must not be in a multi handle any more.
    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Sets every option `transfer` needs. Any `curl_easy_setopt` failure becomes an `HTTPError`.
    func prepare(for transfer: Transfer, configuration: HTTPClientConfiguration) throws(HTTPError) {
        let request = transfer.request
        let operation = transfer.name
        func check(_ code: CURLcode) throws(HTTPError) {
            guard code == CURLE_OK else { throw Curl.error(code, operation: operation) }
        }
        self.transfer = transfer
        transfer.easy = self
        errorBuffer[0] = 0
        let context = Unmanaged.passUnretained(transfer).toOpaque()

        try check(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(ccurl_setopt_string(handle, CURLOPT_URL, request.url))
        // Only HTTP(S): a URL from outside must not read local files or speak other protocols.
        try check(ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        // libcurl must not use signals (SIGALRM for DNS timeouts) on a non-main thread.
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        try check(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Curl.milliseconds(transfer.connectTimeout)))
        try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Curl.milliseconds(transfer.timeout)))
        if let caFile = configuration.caFile {
            try check(ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile))
        }
        if let userAgent = configuration.userAgent, !request.headers.contains("User-Agent") {
            try check(ccurl_setopt_string(handle, CURLOPT_USERAGENT, userAgent))
        }
        try setMethodAndBody(request, check: check)
        try setHeaders(request, check: check)

        try check(ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            let length = size * count
            guard let context else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
        })
        try check(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context))
        try check(ccurl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            let length = size * count
            guard let context else { return 0 }
            let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
            transfer.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
            return length
        })
        try check(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context))
        if transfer.download != nil {
            // Fewer, larger writes for multi-gigabyte files; still a fixed 256 KiB.
            try check(ccurl_setopt_long(handle, CURLOPT_BUFFERSIZE, 256 * 1024))
        }
    }

    private func setMethodAndBody(_ request: HTTPRequest, check: (CURLcode) throws(HTTPError) -> Void) throws(HTTPError) {
        if let body = request.body {
            // The size first: CURLOPT_COPYPOSTFIELDS copies that many bytes, so the Data need not
            // outlive this call.
            try check(ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            let code = body.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress {
                    return ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
                }
                return ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
            }
            try check(code)
            if request.method != .post {
                try check(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue))
            }
            return
        }
        switch request.method {
        case .get:
            try check(ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        case .head:
            try check(ccurl_setopt_long(handle, CURLOPT_NOBODY, 1))
        case .post:
            try check(ccurl_setopt_long(handle, CURLOPT_POST, 1))
            try check(ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, 0))
            try check(ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, ""))
        default:
            try check(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method.rawValue))
        }
    }

    private func setHeaders(_ request: HTTPRequest, check: (CURLcode) throws(HTTPError) -> Void) throws(HTTPError) {
        var lines: [String] = []
        for field in request.headers {
            // "Name;" is curl's spelling of a header with an empty value; "Name:" would delete it.
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        // No `Expect: 100-continue` round trip for bodies over 1 KiB.
        if !request.headers.contains("Expect") { lines.append("Expect:") }
        // libcurl would otherwise label every body, even an empty POST, as a form.
        if request.body != nil || request.method == .post, !request.headers.contains("Content-Type") {
            lines.append("Content-Type:")
        }
        for line in lines {
            guard let appended = curl_slist_append(headerList, line) else {
                throw Curl.outOfMemory(operation: transfer?.name ?? "")
            }
            headerList = appended
        }
        try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
    }

    /// `curl_easy_reset` plus freeing the header list: the handle is ready for another request,
    /// and no longer holds the transfer.
    func recycle() {
        curl_easy_reset(handle)
        curl_slist_free_all(headerList)
        headerList = nil
        transfer?.easy = nil
        transfer = nil
    }

    /// The error for a failed transfer, with libcurl's detailed message kept for `debugDescription`.
    func error(for result: CurlResult, operation: String) -> HTTPError {
        let detail = String(cString: errorBuffer)
        return Curl.error(result.code, operation: operation, detail: detail.isEmpty ? nil : detail)
    }

    /// `CURLINFO_RESPONSE_CODE` of the final response.
    var responseCode: Int {
        var code = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// `CURLINFO_NUM_CONNECTS`: 0 when a cached connection was reused.
    var newConnections: Int {
        var count = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &count)
        return count
    }

    /// `CURLINFO_TOTAL_TIME_T`, reported by libcurl in microseconds.
    var totalTime: Duration {
        var microseconds: curl_off_t = 0
        _ = ccurl_getinfo_off_t(handle, CURLINFO_TOTAL_TIME_T, &microseconds)
        return .microseconds(microseconds)
    }
}
