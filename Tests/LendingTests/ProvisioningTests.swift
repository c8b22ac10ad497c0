import Clocks
import Foundation
import Lending
import PanelSimulator
import PanelTesting
import SimulatorSupport
import Testing

/// An approval installs the requested release on an image with the Java it needs, starts the
/// server, and only then grants access and makes the loan ACTIVE; a server that cannot run the
/// release is refused before anything is reserved.
@Suite("Provisioning a loan's server")
struct ProvisioningTests {
    typealias World = LendingWorld
    static let server = World.serverIdentifier(1)

    func file(_ world: World, version: String) async throws -> WorkflowRecord {
        try await world.service.file(NewWorkflow(applicantDiscordId: World.member, description: "Launch party", mcVersion: version,
                                                 periodDays: 7, organizerDiscordId: World.organizer), panelUsers: [World.member])
    }

    @Test("26.1 on a Java 21 server: Java 25 image, reinstall, started, then access and ACTIVE from the activation")
    func installsTheRequestedRelease() async throws {
        try await World.with(servers: 1) { world in
            #expect(world.simulator.server(Self.server)?.dockerImage == "ghcr.io/pterodactyl/yolks:java_21")
            let workflow = try await file(world, version: "26.1")
            let approval = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            let approvedAt = world.clock.date
            try await world.drainTasks()

            let server = try #require(world.simulator.server(Self.server))
            #expect(server.dockerImage == "ghcr.io/pterodactyl/yolks:java_25")
            #expect(server.variables.first { $0.envVariable == "MINECRAFT_VERSION" }?.serverValue == "26.1")
            #expect(server.installedVersion == "26.1")
            #expect(server.installsStarted == 1)
            #expect(server.powerState == "running")
            #expect(world.simulator.subusers(of: Self.server).map(\.email) == ["alice@kpw.local"])

            // Access was granted only after the install and the start.
            let routes = world.simulator.requests.compactMap(\.route)
            let reinstall = try #require(routes.firstIndex(of: .reinstall))
            let start = try #require(world.simulator.requests.lastIndex { $0.route == .power && $0.body?["signal"]?.stringValue == "start" })
            let grant = try #require(routes.firstIndex(of: .createSubuser))
            #expect(reinstall < start && start < grant)

            let active = try #require(try await world.workflow(workflow.id))
            #expect(active.status == .active)
            #expect(active.mcVersion == "26.1")
            let startDate = try #require(active.startDate)
            #expect(startDate > approvedAt, "the loan starts when the server is ready, not at the click")
            #expect(active.endDate == startDate.addingTimeInterval(7 * 86_400))
            let audit = try #require(try await AuditTable.list(workflowId: workflow.id, on: world.pool).first { $0.action == .approve })
            #expect(audit.detail["version"] == "26.1" && audit.detail["java"] == "25" && audit.detail["image"] == "ghcr.io/pterodactyl/yolks:java_25")
            #expect(approval.serverAlias == World.alias(1))
            let approved = world.notifier.notices.compactMap { notice -> LoanSummary? in
                if case .loanApproved(let loan, _) = notice { return loan }
                return nil
            }
            #expect(approved.map(\.mcVersion) == ["26.1"])
            let stages = world.notifier.notices.compactMap { notice -> ApprovalProgress.Stage? in
                if case .approvalProgress(let progress) = notice { return progress.stage }
                return nil
            }
            #expect(stages == [.preparing, .installing(version: "26.1", java: 25), .starting, .ready(version: "26.1", address: "mc1.kpw.local:25565")])
        }
    }

    @Test("latest is resolved at approval and recorded; a returned server gets the next loan's version installed again")
    func nextLoanInstallsAgain() async throws {
        try await World.with(servers: 1) { world in
            let first = try await file(world, version: "latest")
            _ = try await world.service.approve(first.id, by: World.moderator, usernames: [World.member: "alice"])
            try await world.drainTasks()
            #expect(try await world.workflow(first.id)?.mcVersion == "26.2")
            let audit = try #require(try await AuditTable.list(workflowId: first.id, on: world.pool).first { $0.action == .approve })
            #expect(audit.detail["requestedVersion"] == "latest" && audit.detail["version"] == "26.2")

            world.simulator.advance(by: .seconds(8 * 86_400))
            #expect(try await world.scheduler.tick().returnsQueued == 1)
            try await world.drainTasks()
            #expect(try await world.workflow(first.id)?.status == .returned)

            let second = try await file(world, version: "1.20.1")
            _ = try await world.service.approve(second.id, by: World.moderator)
            try await world.drainTasks()
            let server = try #require(world.simulator.server(Self.server))
            #expect(try await world.workflow(second.id)?.status == .active)
            #expect(server.installedVersion == "1.20.1")
            #expect(server.dockerImage == "ghcr.io/pterodactyl/yolks:java_17")
            #expect(server.installsStarted == 2)
            #expect(server.files["/"]?.contains { $0.name == "server.jar" } == true)
        }
    }

    @Test("an egg without Java 25 is refused before any reservation, and nothing changes")
    func refusedBeforeReservation() async throws {
        try await World.with(servers: 1, adjustPanel: { configuration in
            configuration.servers[0].eggImages = SimulatedPanelServer.javaImages.filter { !$0.key.hasSuffix("25") }
        }) { world in
            let workflow = try await file(world, version: "26.1")
            let writesBefore = world.simulator.requests.filter { $0.method != "GET" }.count
            await #expect(throws: LendingError.noSuitableServer(reasons: ["server01 offers Java 8 to 21; 26.1 needs Java 25"])) {
                try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            }
            await #expect(throws: LendingError.serverUnsuitable(alias: "server01", reason: "server01 offers Java 8 to 21; 26.1 needs Java 25")) {
                try await world.service.approve(workflow.id, by: World.moderator, serverAlias: "server01", usernames: [World.member: "alice"])
            }
            let stored = try #require(try await world.workflow(workflow.id))
            #expect(stored.status == .pending && stored.pteroServerId == nil)
            #expect(try await world.tasks(workflowId: workflow.id).isEmpty)
            #expect(world.simulator.requests.filter { $0.method != "GET" }.count == writesBefore)
            // The same request for a release the egg can run goes through.
            let older = try await file(world, version: "1.20.1")
            _ = try await world.service.approve(older.id, by: World.moderator, usernames: [World.member: "alice"])
        }
    }

    @Test("an egg without a version variable is named in the refusal")
    func noVersionVariable() async throws {
        try await World.with(servers: 1, adjustPanel: { configuration in
            configuration.servers[0].variables.removeAll { $0.envVariable == "MINECRAFT_VERSION" }
        }) { world in
            let workflow = try await file(world, version: "1.21.4")
            let error = await #expect(throws: LendingError.self) {
                try await world.service.approve(workflow.id, by: World.moderator, serverAlias: "server01", usernames: [World.member: "alice"])
            }
            #expect(error?.description.contains("PANEL_VERSION_VARIABLE") == true)
            #expect(try await world.workflow(workflow.id)?.pteroServerId == nil)
        }
    }

    @Test("server-binding set refuses a server whose egg has no version variable or no image with a readable Java")
    func bindRefusesUnpreparableServers() async throws {
        try await World.with(servers: 3, adjustPanel: { configuration in
            configuration.servers[1].variables.removeAll { $0.envVariable == "MINECRAFT_VERSION" }
            configuration.servers[2].eggImages = ["Custom": "registry.example/minecraft:stable"]
        }) { world in
            try await world.service.unbind("server02")
            try await world.service.unbind("server03")
            let noVariable = await #expect(throws: LendingError.self) { try await world.service.bind("server02", to: World.serverIdentifier(2)) }
            #expect(noVariable?.description.contains("PANEL_VERSION_VARIABLE") == true)
            let noJava = await #expect(throws: LendingError.self) { try await world.service.bind("server03", to: World.serverIdentifier(3)) }
            #expect(noJava?.description.contains("no Docker image whose Java the bot can read") == true)
            #expect(try await ServerBindingTable.find(name: "server02", on: world.pool) == nil)
            #expect(try await ServerBindingTable.find(name: "server03", on: world.pool) == nil)
        }
    }

    @Test("a failed install fails the task with its stage, the loan stays PENDING with nobody inside, and Retry installs again")
    func failedInstall() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await file(world, version: "26.1")
            world.simulator.failNextInstall(of: Self.server)
            let approval = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            try await world.drainTasks()
            let failed = try #require(try await world.tasks(workflowId: workflow.id).first)
            #expect(failed.state == .failed)
            #expect(failed.lastError?.hasPrefix("installing 26.1: ") == true, "\(failed.lastError ?? "")")
            #expect(try await world.workflow(workflow.id)?.status == .pending)
            #expect(world.simulator.subusers(of: Self.server).isEmpty)
            #expect(world.simulator.server(Self.server)?.status == "reinstall_failed")

            _ = try await world.service.retry(taskId: approval.task.id, by: World.moderator)
            try await world.drainTasks()
            #expect(try await world.workflow(workflow.id)?.status == .active)
            #expect(world.simulator.server(Self.server)?.installsStarted == 2)
            #expect(world.simulator.server(Self.server)?.installedVersion == "26.1")
        }
    }

    @Test("an install past PANEL_INSTALL_TIMEOUT_SECONDS fails the task; Retry waits for the same install, never starting a second")
    func timedOutInstall() async throws {
        try await World.with(servers: 1, adjustPanel: { $0.automaticInstallDuration = .seconds(1_200) }) { world in
            let workflow = try await file(world, version: "26.1")
            let approval = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            try await world.drainTasks()
            let failed = try #require(try await world.tasks(workflowId: workflow.id).first)
            #expect(failed.state == .failed)
            #expect(failed.lastError?.contains("still running after 15 minute(s)") == true, "\(failed.lastError ?? "")")
            #expect(try await world.workflow(workflow.id)?.status == .pending)
            #expect(world.simulator.subusers(of: Self.server).isEmpty)

            _ = try await world.service.retry(taskId: approval.task.id, by: World.moderator)
            try await world.drainTasks()
            #expect(try await world.workflow(workflow.id)?.status == .active)
            #expect(world.simulator.server(Self.server)?.installsStarted == 1)
        }
    }

    @Test("the bot killed mid-install and restarted waits for that install: one reinstall in all")
    func crashMidInstall() async throws {
        let point = CrashPoint()
        try await World.with(servers: 1, wrapPanel: { CrashingPanel(inner: $0, point: point) }) { world in
            let workflow = try await file(world, version: "26.1")
            _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            // egg, stop, version variable, image, install state, reinstall, install state: the
            // process dies while the install runs, and comes back after it has finished.
            try await TaskRecoveryTests.crash(world, point: point, at: 7)
            try await world.drainTasks()
            #expect(try await world.workflow(workflow.id)?.status == .active)
            #expect(world.simulator.server(Self.server)?.installsStarted == 1)
            #expect(world.simulator.requests(to: .reinstall).count == 1)
        }
    }
}
