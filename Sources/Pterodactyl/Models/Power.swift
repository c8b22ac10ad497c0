/// The body of `POST /servers/{s}/power` (docs/PANEL-API.md §3.4). Sent to Wings and acted on in the background.
public enum PowerSignal: String, Sendable, CaseIterable {
    case start, stop, restart, kill
}

/// `current_state` from `/resources`.
public enum PowerState: String, Sendable, Equatable, Decodable {
    case offline, starting, running, stopping
}

/// `GET /servers/{s}/resources` (docs/PANEL-API.md §3.4). The panel caches it for 20 s, so a fresh signal may not
/// show yet.
public struct ResourceUsage: Sendable, Equatable, Decodable {
    public let currentState: PowerState
    public let isSuspended: Bool
    public let memoryBytes: Int64
    public let diskBytes: Int64
    /// `cpu_absolute`: percent of one core, so 200 means two cores fully used.
    public let cpuPercent: Double
    public let uptime: Int64

    private enum CodingKeys: String, CodingKey {
        case currentState = "current_state"
        case isSuspended = "is_suspended"
        case resources
    }

    private enum ResourceKeys: String, CodingKey {
        case memoryBytes = "memory_bytes"
        case diskBytes = "disk_bytes"
        case cpuPercent = "cpu_absolute"
        case uptime
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        currentState = try c.decode(PowerState.self, forKey: .currentState)
        isSuspended = try c.decodeIfPresent(Bool.self, forKey: .isSuspended) ?? false
        let r = try? c.nestedContainer(keyedBy: ResourceKeys.self, forKey: .resources)
        memoryBytes = (try? r?.decode(Int64.self, forKey: .memoryBytes)) ?? 0
        diskBytes = (try? r?.decode(Int64.self, forKey: .diskBytes)) ?? 0
        cpuPercent = (try? r?.decode(Double.self, forKey: .cpuPercent)) ?? 0
        uptime = (try? r?.decode(Int64.self, forKey: .uptime)) ?? 0
    }
}
