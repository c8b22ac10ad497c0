/// Settings shared by every request of one `HTTPClient`.
///
/// Proxies are not configured here on purpose: libcurl reads `http_proxy`, `https_proxy`,
/// `all_proxy` and `no_proxy` (and their upper-case forms, except `HTTP_PROXY`) from the environment
/// for every request, and this module never sets `CURLOPT_PROXY`, so that default stays in force.
public struct HTTPClientConfiguration: Sendable {
    /// Connections open at once to one host; further requests to it wait in libcurl's queue
    /// (`CURLMOPT_MAX_HOST_CONNECTIONS`). The timeout of a waiting request is already running.
    public var maxConnectionsPerHost: Int
    /// Idle keep-alive connections kept for reuse (`CURLMOPT_MAXCONNECTS`). Set explicitly: libcurl's
    /// default is four times the handles *currently* added, so an idle client would close its
    /// connections once the requests that added them are done. `nil` means
    /// `max(32, 4 × maxConnectionsPerHost)`.
    public var maxIdleConnections: Int?
    /// Default time for DNS, TCP and TLS. 10 s: long enough for a slow resolver, short enough that a
    /// dead host fails well within Discord's interaction deadlines plus one retry.
    public var connectTimeout: Duration
    /// Default time for a whole request. 30 s, a common choice of Discord libraries (docs/DISCORD.md#requests); downloads should
    /// set their own.
    public var timeout: Duration
    /// An extra PEM bundle of trusted CAs (`TLS_CA_FILE`), handed to `CURLOPT_CAINFO`. It replaces
    /// libcurl's default bundle file; the system's hashed CA directory (`CURLOPT_CAPATH`, compiled
    /// into Debian's libcurl) is still consulted. Verification is always on; there is no switch to
    /// turn it off.
    public var caFile: String?
    /// Sent when a request sets no `User-Agent` of its own.
    public var userAgent: String?
    /// Cap on the in-memory body of a non-2xx answer to a file download; bytes beyond it are
    /// counted, not kept.
    public var maxErrorBodyBytes: Int
    /// Easy handles kept for reuse after `curl_easy_reset`; more are freed when they finish.
    public var maxIdleHandles: Int
    /// Cap on a body kept in memory (API answers): a server that sends more cannot fill the
    /// bot's memory; the transfer stops with `bodyTooLarge`.
    public var maxBodyBytes: Int

    public init(
        maxConnectionsPerHost: Int = 16,
        maxIdleConnections: Int? = nil,
        connectTimeout: Duration = .seconds(10),
        timeout: Duration = .seconds(30),
        caFile: String? = nil,
        userAgent: String? = nil,
        maxErrorBodyBytes: Int = 1 << 20,
        maxIdleHandles: Int = 64,
        maxBodyBytes: Int = 16 << 20
    ) {
        self.maxConnectionsPerHost = maxConnectionsPerHost
        self.maxIdleConnections = maxIdleConnections
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.caFile = caFile
        self.userAgent = userAgent
        self.maxErrorBodyBytes = maxErrorBodyBytes
        self.maxIdleHandles = maxIdleHandles
        self.maxBodyBytes = maxBodyBytes
    }

    var effectiveMaxIdleConnections: Int {
        maxIdleConnections ?? max(32, 4 * maxConnectionsPerHost)
    }
}
