/// The answer to `GET /gateway/bot`: where to connect and how many IDENTIFYs remain today.
public struct GatewayBot: Sendable, Hashable, Codable {
    public struct SessionStartLimit: Sendable, Hashable, Codable {
        public var total: Int
        public var remaining: Int
        /// Milliseconds until `remaining` resets.
        public var resetAfter: Int
        /// How many shards may IDENTIFY per 5 seconds.
        public var maxConcurrency: Int

        enum CodingKeys: String, CodingKey {
            case total, remaining
            case resetAfter = "reset_after"
            case maxConcurrency = "max_concurrency"
        }
    }

    /// `wss://gateway.discord.gg` without query; the client appends `?v=10&encoding=json`.
    public var url: String
    public var shards: Int
    public var sessionStartLimit: SessionStartLimit

    enum CodingKeys: String, CodingKey {
        case url, shards
        case sessionStartLimit = "session_start_limit"
    }
}
