/// The one error type of the `HTTP` module: no complete response arrived.
///
/// `description` is safe for any log or reply: `operation` is the request's label or origin, and
/// `message` is a fixed phrase. libcurl's own error text, which can name the host and port, is only
/// in `debugDescription`. No header value and no full URL is ever stored here.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The host (or proxy) name did not resolve.
        case dns
        /// No TCP connection could be made: refused, unreachable.
        case connect
        /// The TLS handshake or certificate check failed, or the CA file is unusable.
        case tls
        /// The connect or total timeout of the request ran out.
        case timeout
        /// The connection broke mid-exchange: reset, closed before a response, or a body cut short.
        /// The server may or may not have acted on the request.
        case connectionReset
        /// The client was shut down while the request was queued or in flight. (A cancelled task
        /// gets `CancellationError` instead.)
        case cancelled
        /// The request was refused before any I/O: bad method, header, URL, scheme or timeout.
        case invalidRequest
        /// The download file could not be created, written, closed or renamed.
        case fileIO
        /// The body passed its cap: `maxBodyBytes` in memory, or for a download the size the
        /// response announced (`Content-Length`) or the caller expected (`maxFileBytes`). The
        /// transfer is stopped at once rather than checked at the end.
        case bodyTooLarge
        /// Any other libcurl failure, by its `CURLcode`.
        case other(code: Int)
    }

    public let kind: Kind
    /// The request's label (a route template) or method and origin; never the URL or a header.
    public let operation: String
    /// A fixed phrase: libcurl's `curl_easy_strerror` text or one of ours.
    public let message: String
    /// libcurl's detailed message (`CURLOPT_ERRORBUFFER`), which may name the host and port.
    public let detail: String?
    /// The `CURLcode`, when libcurl reported the failure.
    public let curlCode: Int?

    public init(_ kind: Kind, operation: String, message: String, detail: String? = nil, curlCode: Int? = nil) {
        self.kind = kind
        self.operation = operation
        self.message = message
        self.detail = detail
        self.curlCode = curlCode
    }

    public var description: String {
        "HTTP \(operation) failed (\(kind)): \(message)"
    }

    public var debugDescription: String {
        var text = description
        if let curlCode { text += " [curl \(curlCode)]" }
        if let detail, !detail.isEmpty { text += " [\(detail)]" }
        return text
    }
}
