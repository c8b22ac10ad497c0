extension DiscordRESTSimulator {
    /// What the simulated Discord knows before the first request: the bot, its one guild, and the
    /// users, roles and channels a test talks about. Every default is a fixed value so that runs repeat.
    public struct Configuration: Sendable {
        public var botToken: String
        public var applicationID: String
        /// The bot's user id; Discord gives bots created today the application's id.
        public var botUserID: String
        public var botUsername: String
        /// The role Discord creates for the bot when it joins (managed, the bot's only role). It sits
        /// just above every manageable role and below every other one; it holds MANAGE_ROLES when
        /// `botCanManageRoles` is true.
        public var botRoleID: String
        public var guildID: String
        public var guildName: String
        /// The guild's `preferred_locale` in `GET /guilds/{guild_id}`.
        public var guildPreferredLocale: String
        public var users: [SimulatedUser]
        public var members: [SimulatedMember]
        public var roles: [SimulatedRole]
        public var channels: [SimulatedChannel]
        /// False is the scenario "bot lacks MANAGE_ROLES": every role change answers 403 50013.
        public var botCanManageRoles: Bool
        public var rateLimits: [SimulatedRoute: RateLimitRule]
        public var fallbackRateLimit: RateLimitRule
        public var globalRateLimit: RateLimitRule
        /// What `GET /gateway/bot` returns; the gateway simulator puts its own URL here.
        public var gatewayURL: String
        public var sessionStartLimit: SessionStartLimit
        /// Discord's deadline for the first callback (3 s) and the lifetime of the interaction
        /// token (15 min); configurable only so that a test can explore the edges.
        public var callbackDeadline: Duration
        public var interactionTokenLifetime: Duration
        /// Discord allows 200 new commands per guild per day (docs/DISCORD.md#commands).
        public var dailyCommandCreates: Int

        public init(
            botToken: String = "simulated.bot.token",
            applicationID: String = "1100000000000000001",
            botUserID: String? = nil,
            botUsername: String = "lending-bot",
            botRoleID: String = "1100000000000000002",
            guildID: String = "1200000000000000001",
            guildName: String = "Lending community",
            guildPreferredLocale: String = "en-US",
            users: [SimulatedUser] = [],
            members: [SimulatedMember] = [],
            roles: [SimulatedRole] = [],
            channels: [SimulatedChannel] = [],
            botCanManageRoles: Bool = true,
            rateLimits: [SimulatedRoute: RateLimitRule] = RateLimitRule.defaults,
            fallbackRateLimit: RateLimitRule = .fallback,
            globalRateLimit: RateLimitRule = .global,
            gatewayURL: String = "wss://gateway.discord.gg",
            sessionStartLimit: SessionStartLimit = SessionStartLimit(),
            callbackDeadline: Duration = .seconds(3),
            interactionTokenLifetime: Duration = .seconds(15 * 60),
            dailyCommandCreates: Int = 200
        ) {
            self.botToken = botToken
            self.applicationID = applicationID
            self.botUserID = botUserID ?? applicationID
            self.botUsername = botUsername
            self.botRoleID = botRoleID
            self.guildID = guildID
            self.guildName = guildName
            self.guildPreferredLocale = guildPreferredLocale
            self.users = users
            self.members = members
            self.roles = roles
            self.channels = channels
            self.botCanManageRoles = botCanManageRoles
            self.rateLimits = rateLimits
            self.fallbackRateLimit = fallbackRateLimit
            self.globalRateLimit = globalRateLimit
            self.gatewayURL = gatewayURL
            self.sessionStartLimit = sessionStartLimit
            self.callbackDeadline = callbackDeadline
            self.interactionTokenLifetime = interactionTokenLifetime
            self.dailyCommandCreates = dailyCommandCreates
        }

        func rateLimit(for route: SimulatedRoute) -> RateLimitRule {
            rateLimits[route] ?? fallbackRateLimit
        }
    }

    /// `session_start_limit` of `GET /gateway/bot`; `resetAfter` goes out in milliseconds, as Discord sends it.
    public struct SessionStartLimit: Sendable, Hashable {
        public var total: Int
        public var remaining: Int
        public var resetAfter: Duration
        public var maxConcurrency: Int

        public init(total: Int = 1000, remaining: Int = 1000, resetAfter: Duration = .seconds(86_400), maxConcurrency: Int = 1) {
            self.total = total
            self.remaining = remaining
            self.resetAfter = resetAfter
            self.maxConcurrency = maxConcurrency
        }
    }
}
