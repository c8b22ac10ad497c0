/// A failure the next request to a route meets, queued with `injectFault(_:on:)` and consumed in
/// order. None of them acts on the request, so each is safe for a client to retry.
public enum PanelFault: Sendable, Hashable {
    /// A generic 500 (or any status) from the panel itself.
    case status(Int)
    /// Wings unreachable: 504 `DaemonConnectionException` (docs/PANEL-API.md §1.4).
    case daemonUnavailable
    /// Wings answered 4xx, passed through with "An error occurred on the remote host: …".
    case daemonError(status: Int, message: String)
}

/// A fault on Wings' download stream, queued with `injectDownloadFault(_:)`.
public enum PanelDownloadFault: Sendable, Hashable {
    /// Send the headers with the full `Content-Length`, then this many bytes, then close.
    case resetAfter(bytes: Int64)
}

/// The bytes of every simulated backup archive: byte `i` is `i mod 251`, so a test can check any
/// offset of a multi-hundred-megabyte download without keeping a copy.
public enum SimulatedBackupContent {
    public static func byte(at offset: Int64) -> UInt8 {
        UInt8(truncatingIfNeeded: offset % 251)
    }
}
