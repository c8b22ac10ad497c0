public import Clocks
public import Discord
public import Lending
import LendingAdapters
public import Logging
public import Postgres
public import Pterodactyl

/// The bot's parts once its clients and its database exist: the adapters of the domain's ports,
/// the task runner, the workflow, the scheduler, and what the interaction handlers share.
/// `lending-bot run` builds them from the real clients; the end-to-end tests build the same from
/// the simulators', so both run one wiring.
public struct BotComponents: Sendable {
    public let notifier: DiscordNotifier
    public let community: DiscordCommunity
    public let runner: TaskRunner
    public let workflow: WorkflowService
    public let scheduler: Scheduler
    public let services: BotServices
    /// The live board in BOARD_CHANNEL_ID (does nothing without it).
    public let board: BoardRefresher
    /// Which Minecraft releases exist and the Java each needs.
    public let versions: any MinecraftVersionCatalog

    /// - Parameter versionManifest: where Mojang's version manifest is read (cached in the
    ///   database, refreshed every `MINECRAFT_VERSIONS_REFRESH_HOURS`); nil knows only the
    ///   built-in table.
    /// - Parameter boardClock: what the live board's refreshes wait on (a test's manual clock).
    public init(configuration: BotConfiguration, discord: DiscordClient, panelClient: PanelClient, pool: PostgresPool,
                application: ApplicationID, guild: GuildID, language: GuildLanguage, clock: BotClock,
                versionManifest: (any VersionManifestSource)? = nil, boardClock: any Clock<Duration> = ContinuousClock(),
                taskRunner: TaskRunner.Configuration = TaskRunner.Configuration(), metrics: BotMetrics = BotMetrics(), logger: Logger) {
        let policy = configuration.lendingPolicy(subuserPermissions: LoanPermissions.default)
        let panel = PterodactylLendingPanel(client: panelClient, timeouts: configuration.panelTimeouts, logger: logger)
        let versions: any MinecraftVersionCatalog = versionManifest.map {
            CachedMinecraftVersionCatalog(pool: pool, source: $0, clock: clock, configuration: configuration.versionCatalogConfiguration, logger: logger)
        } ?? BuiltInMinecraftVersionCatalog()
        let replies = ApprovalReplies()
        let memberLocales = MemberLocales(pool: pool, clock: clock)
        let notifier = DiscordNotifier(discord: discord, configuration: configuration, guildLanguage: language,
                                       postedMessages: PostedMessages(pool: pool, clock: clock), replies: replies, application: application,
                                       memberLocales: memberLocales, clock: clock, logger: logger)
        let board = BoardRefresher(discord: discord, channel: configuration.boardChannelID.flatMap(ChannelID.init),
                                   messages: BoardMessages(pool: pool, clock: clock), queries: LendingQueries(pool: pool),
                                   timeZone: configuration.timeZone, guildLanguage: language, clock: clock, waitClock: boardClock, logger: logger)
        let observer = BoardObserver(metrics: metrics, board: board)
        let community = DiscordCommunity(discord: discord, guild: guild, configuration: configuration, logger: logger)
        let runner = TaskRunner(pool: pool, handlers: [
            .approve: ApprovalTask(panel: panel, community: community, notifier: notifier, versions: versions, policy: policy),
            .returnLoan: ReturnTask(panel: panel, community: community, notifier: notifier, archive: configuration.archiveDestination(), policy: policy),
            .release: ReleaseTask(panel: panel, policy: policy),
            .panelUsers: PanelUsersTask(panel: panel, community: community, notifier: notifier, policy: policy),
        ], notifier: notifier, clock: clock, configuration: taskRunner, observer: observer, logger: logger)
        let workflow = WorkflowService(pool: pool, policy: policy, clock: clock, panel: panel, notifier: notifier, versions: versions,
                                       wakeRunner: { runner.wake() }, logger: logger)
        self.versions = versions
        self.notifier = notifier
        self.board = board
        self.community = community
        self.runner = runner
        self.workflow = workflow
        self.scheduler = Scheduler(pool: pool, service: workflow, notifier: notifier, policy: policy, clock: clock, observer: observer, logger: logger)
        self.services = BotServices(configuration: configuration, discord: discord, pool: pool, workflow: workflow, panel: panel,
                                    applicationID: application, guildID: guild, replies: replies,
                                    guildLanguage: language, memberLocales: memberLocales, clock: clock, metrics: metrics, board: board, logger: logger)
    }
}
