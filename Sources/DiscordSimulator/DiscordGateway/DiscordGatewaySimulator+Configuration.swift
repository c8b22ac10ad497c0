extension DiscordGatewaySimulator {
    /// What the simulated gateway enforces and who the bot is. Discord's limits are the defaults;
    /// tests shrink the intervals and windows so that they run in milliseconds.
    public struct Configuration: Sendable {
        public var botToken: String
        public var applicationID: String
        /// The bot's user id; Discord gives bots created today the application's id.
        public var botUserID: String
        public var botUsername: String
        /// Guilds listed (unavailable) in READY; with the GUILDS intent each is followed by a GUILD_CREATE.
        public var guildIDs: [String]
        /// Sent in HELLO. Discord sends 41 250 ms today.
        public var heartbeatInterval: Duration
        /// How far a heartbeat may stray from its slot before it counts as early or late, and how
        /// long a dispatch counts as "in flight" when judging a heartbeat's `d`.
        public var heartbeatTolerance: Duration
        /// Privileged intents switched on in the (simulated) developer portal; requesting any other
        /// privileged intent closes with 4014. Discord's privileged intents are GUILD_MEMBERS (1 << 1),
        /// GUILD_PRESENCES (1 << 8) and MESSAGE_CONTENT (1 << 15).
        public var enabledPrivilegedIntents: Int
        /// IDENTIFYs allowed per `identifyWindow` in each bucket `shard_id % maxConcurrency` (docs/DISCORD.md#identify).
        public var maxConcurrency: Int
        public var identifyWindow: Duration
        /// Session starts left today (`session_start_limit.remaining`); at 0 IDENTIFY gets op 9 `false`.
        public var sessionStartsRemaining: Int
        /// Discord closes with 4008 past 120 payloads per connection per 60 s (docs/DISCORD.md#send-limit).
        public var sendLimit: Int
        public var sendLimitWindow: Duration
        /// Discord closes with 4002 for a payload larger than 4096 bytes (docs/DISCORD.md#send-limit).
        public var maximumPayloadSize: Int
        /// How long a session with no connection stays resumable; after that RESUME gets op 9 `false`.
        public var resumeWindow: Duration
        /// True is the scenario "this bot is in too many guilds for one shard": IDENTIFY without
        /// `shard` closes with 4011.
        public var requiresSharding: Bool
        /// How long the simulator waits for the client's close frame after sending its own.
        public var closeHandshakeTimeout: Duration
        /// Defaults for the INTERACTION_CREATE builders: where the interaction happens and who triggers it.
        public var interactionGuildID: String
        public var interactionChannelID: String
        public var interactionUserID: String
        public var interactionUsername: String
        public var interactionLocale: String

        public init(
            botToken: String = "simulated.bot.token",
            applicationID: String = "1100000000000000001",
            botUserID: String? = nil,
            botUsername: String = "lending-bot",
            guildIDs: [String] = ["1200000000000000001"],
            heartbeatInterval: Duration = .milliseconds(41_250),
            heartbeatTolerance: Duration = .seconds(1),
            enabledPrivilegedIntents: Int = 0,
            maxConcurrency: Int = 1,
            identifyWindow: Duration = .seconds(5),
            sessionStartsRemaining: Int = 1000,
            sendLimit: Int = 120,
            sendLimitWindow: Duration = .seconds(60),
            maximumPayloadSize: Int = 4096,
            resumeWindow: Duration = .seconds(120),
            requiresSharding: Bool = false,
            closeHandshakeTimeout: Duration = .seconds(2),
            interactionGuildID: String? = nil,
            interactionChannelID: String = "1300000000000000001",
            interactionUserID: String = "1400000000000000001",
            interactionUsername: String = "borrower",
            interactionLocale: String = "en-US"
        ) {
            self.botToken = botToken
            self.applicationID = applicationID
            self.botUserID = botUserID ?? applicationID
            self.botUsername = botUsername
            self.guildIDs = guildIDs
            self.heartbeatInterval = heartbeatInterval
            self.heartbeatTolerance = heartbeatTolerance
            self.enabledPrivilegedIntents = enabledPrivilegedIntents
            self.maxConcurrency = maxConcurrency
            self.identifyWindow = identifyWindow
            self.sessionStartsRemaining = sessionStartsRemaining
            self.sendLimit = sendLimit
            self.sendLimitWindow = sendLimitWindow
            self.maximumPayloadSize = maximumPayloadSize
            self.resumeWindow = resumeWindow
            self.requiresSharding = requiresSharding
            self.closeHandshakeTimeout = closeHandshakeTimeout
            self.interactionGuildID = interactionGuildID ?? guildIDs.first ?? "1200000000000000001"
            self.interactionChannelID = interactionChannelID
            self.interactionUserID = interactionUserID
            self.interactionUsername = interactionUsername
            self.interactionLocale = interactionLocale
        }
    }
}

/// Gateway intents (Discord's documentation, "Gateway", "List of Intents") as the simulator judges them.
enum GatewayIntents {
    static let guilds = 1 << 0
    /// GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT.
    static let privileged = 1 << 1 | 1 << 8 | 1 << 15
    /// Every documented bit: 0–16, 20, 21, 24, 25. Anything else closes with 4013.
    static let valid = (0...16).reduce(0) { $0 | 1 << $1 } | 1 << 20 | 1 << 21 | 1 << 24 | 1 << 25
}
