public import SimulatorSupport
/// An interaction callback the REST simulator accepted (2xx), as an observer of
/// `DiscordRESTSimulator.observeCallbacks(_:)` sees it the moment it was judged.
public struct AcceptedCallback: Sendable {
    public let interactionID: String
    /// The callback's `type` (4 message, 5 deferred, 9 modal, ...).
    public let type: Int
    /// The whole callback body, `{type, data}`.
    public let body: SimulatorJSON?
    /// When the simulator had the request, before it read the body and judged it: the end of the
    /// bot's part of the interaction's first response.
    public let arrivedAt: ContinuousClock.Instant

    /// Nil unless `request` is an accepted `POST /interactions/{id}/{token}/callback`.
    init?(_ request: RecordedRequest, arrivedAt: ContinuousClock.Instant) {
        guard request.route == .createInteractionResponse, (200..<300).contains(request.status),
              let type = request.body?["type"]?.intValue else { return nil }
        // The recorded path is `/interactions/{id}/{token}/callback`.
        let segments = request.path.split(separator: "/")
        guard segments.count == 4 else { return nil }
        interactionID = String(segments[1])
        self.type = type
        body = request.body
        self.arrivedAt = arrivedAt
    }
}
