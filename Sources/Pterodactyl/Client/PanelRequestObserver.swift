/// Told of every attempt `PanelClient` sends: which API (`application` or `client`), the method,
/// the status the panel answered (nil when no answer came: DNS, connect, TLS, timeout, reset), and
/// how long the attempt took on the configuration's clock.
/// A 429 the client waits out and repeats is reported too, so throttling stays visible.
///
/// Called on the request's task; implementations must be quick and must not call the panel.
public protocol PanelRequestObserver: Sendable {
    func panelRequestFinished(api: String, method: String, status: Int?, duration: Duration)
}
