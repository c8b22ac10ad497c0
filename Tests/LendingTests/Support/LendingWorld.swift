import Clocks
import Foundation
import Lending
import LendingAdapters
import Logging
import PanelSimulator
import PanelTesting
import Postgres
import Pterodactyl
import SimulatorSupport

/// Everything a workflow test needs, real where it matters: a migrated PostgreSQL database, the
/// panel simulator behind the real HTTP client and the bot's panel adapter, and the Discord side
/// as recording ports. Time is the simulator's manual clock, shared by the workflow, so backoff,
/// claims, reminders and expiry are moved by hand.
struct LendingWorld: Sendable {
    let pool: PostgresPool
    let panelWorld: PanelTestWorld
    let panel: any LendingPanel
    let notifier: RecordingNotifier
    let community: RecordingCommunity
    let policy: LendingPolicy
    let clock: BotClock
    let service: WorkflowService
    let runner: TaskRunner
    let scheduler: Scheduler
    let logger: Logger
    let versions: any MinecraftVersionCatalog

    var simulator: PanelSimulator { panelWorld.panel }

    /// The pool: server01…serverNN bound to simulator servers `s0000001`…
    static func serverIdentifier(_ number: Int) -> String { String(format: "5e%06d", number) }
    static func alias(_ number: Int) -> String { String(format: "server%02d", number) }

    static let moderator = "100000000000000001"
    static let organizer = "200000000000000001"
    static let member = "200000000000000002"
    static let otherMember = "200000000000000003"

    static func with(
        servers: Int = 3,
        adjustPanel: (inout PanelSimulator.Configuration) -> Void = { _ in },
        adjustPolicy: (inout LendingPolicy) -> Void = { _ in },
        archive: (any ArchiveDestination)? = nil,
        wrapPanel: (any LendingPanel) -> any LendingPanel = { $0 },
        wrapNotifier: (any LendingNotifier) -> any LendingNotifier = { $0 },
        runnerConfiguration: TaskRunner.Configuration = Self.fastRunner,
        versions: any MinecraftVersionCatalog = BuiltInMinecraftVersionCatalog(),
        _ body: (LendingWorld) async throws -> Void
    ) async throws {
        var configuration = PanelSimulator.Configuration(
            servers: (1...max(servers, 1)).map { SimulatedPanelServer.standard(id: $0, identifier: serverIdentifier($0), name: alias($0)) },
            automaticBackupDuration: .seconds(20),
            automaticInstallDuration: .seconds(30)
        )
        configuration.backupThrottleLimit = 100
        adjustPanel(&configuration)
        try await withLendingDatabase { pool in
            try await PanelTestWorld.with(configuration) { panelWorld in
                var policy = LendingPolicy(timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .current, subuserPermissions: LoanPermissions.default)
                // One member files every request here; the limit has tests of its own.
                policy.maxOpenRequests = 1_000
                adjustPolicy(&policy)
                var logger = Logger(label: "test.lending")
                // Retries and recoveries are the point of many tests here; only trouble is worth printing.
                logger.logLevel = .error
                let clock = panelWorld.clock
                let adapter = PterodactylLendingPanel(client: panelWorld.client, logger: logger)
                let panel = wrapPanel(adapter)
                let notifier = RecordingNotifier()
                let taskNotifier = wrapNotifier(notifier)
                let community = RecordingCommunity()
                let runner = TaskRunner(
                    pool: pool,
                    handlers: [
                        .approve: ApprovalTask(panel: panel, community: community, notifier: taskNotifier, versions: versions, policy: policy),
                        .returnLoan: ReturnTask(panel: panel, community: community, notifier: taskNotifier, archive: archive, policy: policy),
                        .release: ReleaseTask(panel: panel, policy: policy),
                        .panelUsers: PanelUsersTask(panel: panel, community: community, notifier: taskNotifier, policy: policy),
                    ],
                    notifier: taskNotifier, clock: clock, configuration: runnerConfiguration, logger: logger)
                let service = WorkflowService(pool: pool, policy: policy, clock: clock, panel: panel, notifier: notifier, versions: versions,
                                              logger: logger)
                let scheduler = Scheduler(pool: pool, service: service, notifier: notifier, policy: policy, clock: clock, logger: logger)
                for number in 1...max(servers, 1) where number <= servers {
                    // Of the type its egg on the panel says, as `bind` would read it.
                    let egg = configuration.servers.first { $0.identifier == serverIdentifier(number) }?.egg ?? .paper
                    _ = try await ServerBindingTable.insert(name: alias(number), pteroId: serverIdentifier(number),
                                                            serverType: ServerType.fromEgg(named: egg.name), at: clock.date, on: pool)
                }
                try await body(LendingWorld(pool: pool, panelWorld: panelWorld, panel: panel, notifier: notifier,
                                            community: community, policy: policy, clock: clock, service: service, runner: runner,
                                            scheduler: scheduler, logger: logger, versions: versions))
            }
        }
    }

    /// Retries quickly so a test can drive backoff with a few clock moves.
    static var fastRunner: TaskRunner.Configuration {
        var configuration = TaskRunner.Configuration()
        configuration.retryBase = .seconds(1)
        configuration.retryCap = .seconds(8)
        configuration.maxAttempts = 6
        // The lease is renewed in real time while the panel's waits move the manual clock by
        // minutes (an install, a start): a lease that short would lapse under a running task.
        configuration.lease = .seconds(900)
        return configuration
    }

    /// A request filed by `member` with `organizer`, naming `panelUsers`.
    func file(description: String = "Summer build contest", periodDays: Int = 7, organizer: String = Self.organizer,
              panelUsers: [String] = [Self.member]) async throws -> WorkflowRecord {
        try await service.file(NewWorkflow(applicantDiscordId: Self.member, description: description, mcVersion: "1.21.4",
                                           periodDays: periodDays, organizerDiscordId: organizer), panelUsers: panelUsers)
    }

    /// Runs due tasks and moves the clock past each backoff until no task is QUEUED, or fails
    /// after `rounds` moves.
    func drainTasks(rounds: Int = 20) async throws {
        for _ in 0..<rounds {
            try await runner.runDue()
            let queued = try await pool.query("SELECT count(*)::int AS n FROM \"LendingTask\" WHERE \"state\" = 'QUEUED'").first?.decode("n", as: Int.self) ?? 0
            if queued == 0 { return }
            panelWorld.panel.advance(by: .seconds(10))
        }
        throw DrainTimeout()
    }

    /// Files, approves (with `usernames` for members without an account) and runs the approval.
    func activeLoan(panelUsers: [String] = [Self.member], usernames: [String: String]? = nil) async throws -> WorkflowRecord {
        let workflow = try await file(panelUsers: panelUsers)
        let names = usernames ?? Dictionary(uniqueKeysWithValues: panelUsers.map { ($0, "user\($0.suffix(4))") })
        _ = try await service.approve(workflow.id, by: Self.moderator, usernames: names)
        try await drainTasks()
        guard let active = try await WorkflowTable.find(id: workflow.id, on: pool), active.status == .active else { throw NotActive() }
        return active
    }

    func workflow(_ id: Int) async throws -> WorkflowRecord? {
        try await WorkflowTable.find(id: id, on: pool)
    }

    func tasks(workflowId: Int) async throws -> [TaskRecord] {
        try await TaskTable.list(workflowId: workflowId, on: pool)
    }

    struct DrainTimeout: Error {}
    struct NotActive: Error {}
}
