/// What the simulated gateway saw: the reading half of "act, then inspect".
extension DiscordGatewaySimulator {
    /// Every connection accepted, in order, including refused handshakes.
    public var connections: [GatewayConnectionRecord] {
        withWorld { $0.connections }
    }

    /// Messages clients sent, in arrival order; `payloads(on:)` for one connection.
    public var receivedPayloads: [GatewayReceivedPayload] {
        withWorld { $0.payloads }
    }

    public func payloads(on connectionID: Int) -> [GatewayReceivedPayload] {
        withWorld { $0.payloads.filter { $0.connectionID == connectionID } }
    }

    public var heartbeats: [HeartbeatRecord] {
        withWorld { $0.heartbeats }
    }

    public func heartbeats(on connectionID: Int) -> [HeartbeatRecord] {
        withWorld { $0.heartbeats.filter { $0.connectionID == connectionID } }
    }

    public var identifies: [IdentifyRecord] {
        withWorld { $0.identifies }
    }

    public var resumes: [ResumeRecord] {
        withWorld { $0.resumes }
    }

    /// Close frames the simulator sent (scenarios and validation failures), in order.
    public var closesSent: [GatewayCloseRecord] {
        withWorld { $0.closesSent }
    }

    /// Close frames clients sent, in order.
    public var closesReceived: [GatewayCloseRecord] {
        withWorld { $0.closesReceived }
    }

    /// Successful IDENTIFYs (sessions started); what counts toward Discord's 1000 per day.
    public var sessionStartCount: Int {
        withWorld { $0.sessionStarts }
    }

    /// Session ids in the order they started.
    public var sessionIDs: [String] {
        withWorld { $0.sessionOrder }
    }

    /// The last `s` given in `sessionID` (0 before READY), nil for an unknown session.
    public func lastSequence(in sessionID: String) -> Int? {
        withWorld { $0.sessions[sessionID]?.lastSequence }
    }

    /// Whether `sessionID` can still be resumed; nil for an unknown session.
    public func isResumable(_ sessionID: String) -> Bool? {
        withWorld { world in world.sessions[sessionID].map { $0.endedBecause == nil } }
    }
}
