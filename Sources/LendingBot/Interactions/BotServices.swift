public import Clocks
public import Discord
public import Lending
public import Logging
public import Postgres

/// What the handlers work with, built once at start-up.
public struct BotServices: Sendable {
    public let configuration: BotConfiguration
    public let discord: DiscordClient
    /// The workflow's decisions: every change, and every check that guards one.
    public let workflow: WorkflowService
    /// What the handlers show, read through the domain (no handler names a table or the pool).
    public let queries: LendingQueries
    /// The panel through the workflow's port, for the calls the handlers make themselves
    /// (a username check, a server's state, a password reset).
    public let panel: any LendingPanel
    public let applicationID: ApplicationID
    public let guildID: GuildID
    public let moderation: Moderation
    public let drafts: ApprovalDrafts
    /// The approving moderators' replies, where the preparation's progress is shown.
    public let replies: ApprovalReplies
    public let guildLanguage: GuildLanguage
    /// Each member's own language, remembered from their interactions for later direct messages.
    public let memberLocales: MemberLocales
    public let clock: BotClock
    public let logger: Logger
    public let metrics: BotMetrics
    /// The live board, told after each interaction that something may have changed; nil in
    /// wirings without one.
    public let board: BoardRefresher?

    public init(configuration: BotConfiguration, discord: DiscordClient, pool: PostgresPool, workflow: WorkflowService,
                panel: any LendingPanel, applicationID: ApplicationID, guildID: GuildID,
                drafts: ApprovalDrafts = ApprovalDrafts(), replies: ApprovalReplies = ApprovalReplies(), guildLanguage: GuildLanguage = GuildLanguage(), memberLocales: MemberLocales? = nil, clock: BotClock = .system, metrics: BotMetrics = BotMetrics(), board: BoardRefresher? = nil, logger: Logger) {
        self.memberLocales = memberLocales ?? MemberLocales(pool: pool, clock: clock)
        self.metrics = metrics
        self.board = board
        self.configuration = configuration
        self.discord = discord
        self.queries = LendingQueries(pool: pool)
        self.workflow = workflow
        self.panel = panel
        self.applicationID = applicationID
        self.guildID = guildID
        self.moderation = Moderation(adminRoleIDs: configuration.adminRoleIDs)
        self.drafts = drafts
        self.replies = replies
        self.guildLanguage = guildLanguage
        self.clock = clock
        self.logger = logger
    }
}
