public import Foundation

/// One HTTP request, as a value.
///
/// The URL can carry secrets (Discord puts interaction and webhook tokens in the path), so it never
/// reaches a log or an error: those show `label`, a route template such as
/// `POST interactions/{id}/{token}/callback`. Without a label they show the method and the origin
/// (scheme, host and port) only. `description` and `dump` follow the same rule.
public struct HTTPRequest: Sendable, CustomStringConvertible, CustomReflectable {
    /// Where the response body goes.
    public enum Destination: Sendable, Equatable {
        /// Into `HTTPResponse.body`, whole: for API answers, not for anything large.
        case memory
        /// Streamed to a file in constant memory, for multi-gigabyte backups. Bytes go to
        /// `<path>.partial`, which is renamed to `path` only after a complete 2xx response, so a
        /// failed or cancelled download never leaves a truncated file at `path` nor replaces an
        /// older one. A non-2xx response's body (an error document) goes to memory instead, up to
        /// `HTTPClientConfiguration.maxErrorBodyBytes`. The file is not fsynced; a caller that
        /// needs the bytes on disk before acting (deleting the source, say) syncs it itself.
        case file(path: String)
    }

    public var method: HTTPMethod
    /// An absolute `http` or `https` URL; other schemes are refused.
    public var url: String
    public var headers: HTTPHeaders
    /// Sent as-is; no `Content-Type` is added, so set one in `headers` when there is a body.
    public var body: Data?
    /// What logs and errors call this request, such as a route template; never the URL itself.
    public var label: String?
    /// Time allowed for DNS, TCP and TLS; `nil` uses the client's default.
    public var connectTimeout: Duration?
    /// Time allowed for the whole exchange, body included; `nil` uses the client's default.
    /// Set this generously (or explicitly) for large downloads.
    public var timeout: Duration?
    public var destination: Destination
    /// For a file download, the most bytes the caller expects (a backup's size, say): more is
    /// `bodyTooLarge`, and the partial file is removed.
    public var maxFileBytes: Int64?

    public init(
        method: HTTPMethod = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: Data? = nil,
        label: String? = nil,
        connectTimeout: Duration? = nil,
        timeout: Duration? = nil,
        destination: Destination = .memory
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.label = label
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.destination = destination
    }

    /// The name logs and errors use: the label, or the method and origin.
    public var redactedName: String {
        label ?? "\(method.rawValue) \(Self.origin(of: url))"
    }

    public var description: String { "HTTPRequest(\(redactedName))" }
    public var customMirror: Mirror {
        Mirror(self, children: ["method": method.rawValue, "name": redactedName], displayStyle: .struct)
    }

    /// `scheme://host[:port]` without user information, path, query or fragment.
    static func origin(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "<url>" }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
        return String(url[..<schemeEnd.upperBound]) + host
    }

    /// Checks what libcurl would otherwise accept silently or turn into a malformed request.
    func validate() throws(HTTPError) {
        func invalid(_ message: String) -> HTTPError {
            HTTPError(.invalidRequest, operation: redactedName, message: message)
        }
        guard method.isValidToken else { throw invalid("the method is not an HTTP token") }
        guard !url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else {
            throw invalid("the URL contains spaces or control characters")
        }
        for field in headers {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(HTTPHeaders.isTokenByte) else {
                throw invalid("a header name is not an HTTP token")
            }
            guard HTTPHeaders.isValidValue(field.value) else {
                throw invalid("the value of header \(field.name) contains CR, LF or NUL")
            }
        }
        if case .file(let path) = destination, path.isEmpty || path.utf8.contains(0) {
            throw invalid("the download path is empty or contains NUL")
        }
        for timeout in [connectTimeout, timeout].compactMap({ $0 }) where timeout <= .zero {
            throw invalid("a timeout is not positive")
        }
    }
}
