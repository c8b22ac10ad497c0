import CCurl
import CCurlShim
import Foundation

/// A TCP (and TLS, and proxy-tunnelled) byte stream opened by libcurl with `CURLOPT_CONNECT_ONLY`,
/// the one file of this module that calls libcurl. curl does DNS, TLS with verification, proxies from
/// the environment; we write the HTTP Upgrade and the frames ourselves.
///
/// Not thread-safe: the connection's loop thread owns it.
final class CurlSocket {
    private let easy: UnsafeMutableRawPointer
    /// The socket to `poll()` on; read only with `receive` (TLS buffers data `poll` cannot see).
    let descriptor: Int32

    enum Transfer {
        case done(Int)
        case wouldBlock
        case closed
    }

    private static let globalInit: Void = {
        curl_global_init(Int(CURL_GLOBAL_ALL))
    }()

    /// Connects to `url` (ws:// or wss://, sent to curl as http:// or https://). HTTP/1.1 is forced:
    /// in CONNECT_ONLY mode curl would otherwise offer h2 in ALPN and, if the server picks it, write
    /// HTTP/2 bytes onto our stream.
    static func connect(to url: URL, caFile: String?, connectTimeoutSeconds: Int) throws(WebSocketError) -> CurlSocket {
        _ = globalInit
        guard let easy = curl_easy_init() else { throw WebSocketError(.transport, "curl_easy_init failed") }
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        components?.scheme = url.scheme?.lowercased() == "wss" ? "https" : "http"
        components?.path = "/"
        components?.query = nil
        guard let target = components?.string else {
            curl_easy_cleanup(easy)
            throw WebSocketError(.transport, "cannot build a connection URL")
        }
        _ = ccurl_setopt_string(easy, CURLOPT_URL, target)
        _ = ccurl_setopt_long(easy, CURLOPT_CONNECT_ONLY, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        _ = ccurl_setopt_long(easy, CURLOPT_HTTPPROXYTUNNEL, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT, connectTimeoutSeconds)
        if let caFile {
            _ = ccurl_setopt_string(easy, CURLOPT_CAINFO, caFile)
        }
        let status = curl_easy_perform(easy)
        guard status == CURLE_OK else {
            curl_easy_cleanup(easy)
            throw WebSocketError(.transport, "connect: \(Self.describe(status))")
        }
        var descriptor: curl_socket_t = -1
        guard ccurl_getinfo_socket(easy, &descriptor) == CURLE_OK, descriptor >= 0 else {
            curl_easy_cleanup(easy)
            throw WebSocketError(.transport, "connect: curl gave no socket")
        }
        return CurlSocket(easy: easy, descriptor: descriptor)
    }

    private init(easy: UnsafeMutableRawPointer, descriptor: Int32) {
        self.easy = easy
        self.descriptor = descriptor
    }

    deinit {
        curl_easy_cleanup(easy)
    }

    /// `curl_easy_send`: how many bytes went out, or that the socket is full for now.
    func send(_ bytes: UnsafeRawBufferPointer) throws(WebSocketError) -> Transfer {
        var sent = 0
        let status = curl_easy_send(easy, bytes.baseAddress, bytes.count, &sent)
        switch status {
        case CURLE_OK: return .done(sent)
        case CURLE_AGAIN: return .wouldBlock
        default: throw WebSocketError(.transport, "send: \(Self.describe(status))")
        }
    }

    /// `curl_easy_recv`: bytes read, nothing for now, or the peer's end of stream.
    func receive(into buffer: UnsafeMutableRawBufferPointer) throws(WebSocketError) -> Transfer {
        var received = 0
        let status = curl_easy_recv(easy, buffer.baseAddress, buffer.count, &received)
        switch status {
        case CURLE_OK: return received == 0 ? .closed : .done(received)
        case CURLE_AGAIN: return .wouldBlock
        default: throw WebSocketError(.transport, "receive: \(Self.describe(status))")
        }
    }

    private static func describe(_ status: CURLcode) -> String {
        "\(String(cString: curl_easy_strerror(status))) (curl \(status.rawValue))"
    }
}
