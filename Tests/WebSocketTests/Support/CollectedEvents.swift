import WebSocket

extension WebSocketClient {
    /// Every event until the stream ends, and the error it ended with (nil for a clean end).
    func collected() async -> (events: [WebSocketEvent], error: WebSocketError?) {
        var events: [WebSocketEvent] = []
        do {
            for try await event in self.events { events.append(event) }
            return (events, nil)
        } catch {
            return (events, error as? WebSocketError)
        }
    }
}
