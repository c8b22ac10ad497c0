import Foundation
import Lending
import PanelSimulator
import Postgres
import Testing

/// Server types in the domain, on the panel simulator and PostgreSQL: the type read from a
/// server's egg when it is bound (or given), the type a request is filed for, and an approval
/// that only ever reserves a server of that type. The words members and moderators see are
/// checked end to end in BotTests (`ServerTypeCommandTests`).
@Suite("Server types")
struct ServerTypeTests {
    typealias World = LendingWorld

    /// server01 Paper, server02 Fabric, server03 Paper: a pool of two types.
    static func mixedPool(_ configuration: inout PanelSimulator.Configuration) {
        configuration.servers[1].egg = .fabric
    }

    func request(type: String?, description: String = "Event") -> NewWorkflow {
        NewWorkflow(applicantDiscordId: World.member, description: description, mcVersion: "1.21.4", periodDays: 7,
                    organizerDiscordId: World.organizer, serverType: type)
    }

    func count(_ table: String, in world: World) async throws -> Int {
        try await world.pool.query(Query(unsafeSQL: "SELECT count(*)::int AS n FROM \"\(table)\""), named: "count rows").first?.decode("n") ?? 0
    }

    @Test("well-known eggs fold into a few types; any other egg is a type spelled from its name", arguments: [
        ("Vanilla Minecraft", "vanilla"), ("Paper", "paper"), ("Forge Minecraft", "forge"), ("NeoForge", "neoforge"), ("Fabric", "fabric"),
        ("Sponge (SpongeVanilla)", "sponge"), ("SpongeForge", "sponge"), ("Purpur", "purpur"), ("Bungeecord", "bungeecord"),
        ("Quilt Loader", "quilt"), ("Spigot", "spigot"), ("PocketMine MP", "pocketmine-mp"), ("  Custom: SkyBlock 2.0! ", "custom-skyblock-2-0"),
        ("マインクラフト", ServerType.unread),
        ("An egg with a name far longer than thirty-two characters", "an-egg-with-a-name-far-longer-th"),
    ])
    func typeFromEgg(_ egg: String, _ type: String) {
        #expect(ServerType.fromEgg(named: egg) == type)
        #expect(ServerType.isValid(type))
    }

    @Test("typed types are trimmed and lowercased; anything else is refused", arguments: [
        (" Fabric ", "fabric"), ("forge-1_20", "forge-1_20"), ("", nil), ("-paper", nil), ("pa per", nil), ("paper:1", nil), ("ペーパー", nil),
        (String(repeating: "a", count: 33), nil),
    ] as [(String, String?)])
    func parse(_ typed: String, _ parsed: String?) {
        #expect(ServerType.parse(typed) == parsed)
    }

    @Test("bind reads the type from the server's egg on the panel, or takes the one given; a bad type changes nothing")
    func bindReadsTheEgg() async throws {
        try await World.with(servers: 2, adjustPanel: { configuration in
            configuration.servers[1].egg = .fabric
            configuration.servers.append(.standard(id: 3, identifier: World.serverIdentifier(3), name: "server03"))
            configuration.servers[2].egg = SimulatedEgg(id: 21, name: "Modded SkyBlock")
        }) { world in
            try await world.service.unbind("server02")
            let fabric = try await world.service.bind("server02", to: World.serverIdentifier(2))
            #expect(fabric.serverType == "fabric")
            let custom = try await world.service.bind("server03", to: World.serverIdentifier(3))
            #expect(custom.serverType == "modded-skyblock")
            let given = try await world.service.bind("server03", to: World.serverIdentifier(3), serverType: " Forge ")
            #expect(given.serverType == "forge")
            #expect(try await ServerBindingTable.find(name: "server03", on: world.pool)?.serverType == "forge")

            await #expect(throws: ServerTypeRefusal.invalidType("paper 2")) {
                try await world.service.bind("server04", to: World.serverIdentifier(3), serverType: "paper 2")
            }
            #expect(try await ServerBindingTable.list(on: world.pool).map(\.name) == ["server01", "server02", "server03"])
        }
    }

    @Test("binding a held server again to the same panel server changes only its type; repointing it is still refused")
    func rebindHeldServer() async throws {
        try await World.with { world in
            try await world.service.unbind("server03")
            let loan = try await world.activeLoan()
            let alias = try #require(try await ServerBindingTable.list(on: world.pool).first { $0.pteroId == loan.pteroServerId }?.name)
            let retyped = try await world.service.bind(alias, to: try #require(loan.pteroServerId), serverType: "vanilla")
            #expect(retyped.serverType == "vanilla" && retyped.pteroId == loan.pteroServerId)
            await #expect(throws: LendingError.bindingInUse(alias: alias, workflowId: loan.id)) {
                try await world.service.bind(alias, to: World.serverIdentifier(3), serverType: "vanilla")
            }
            #expect(try await world.workflow(loan.id)?.status == .active)
        }
    }

    @Test("an application key that may not read eggs is told as the setting to change, and nothing is bound")
    func keyWithoutEggs() async throws {
        try await World.with(servers: 2, adjustPanel: { configuration in
            configuration.keys[0].kind = .application(permissions: ["users": 3, "servers": 3])
        }) { world in
            try await world.service.unbind("server02")
            let failure = await #expect(throws: PortFailure.self) { try await world.service.bind("server02", to: World.serverIdentifier(2)) }
            #expect(failure?.message.contains("PTERODACTYL_APPLICATION_KEY may not read eggs") == true, "\(String(describing: failure))")
            #expect(try await ServerBindingTable.find(name: "server02", on: world.pool) == nil)
            // A type given needs no egg.
            #expect(try await world.service.bind("server02", to: World.serverIdentifier(2), serverType: "paper").serverType == "paper")
        }
    }

    @Test("with one type in the pool a request needs none and is stored with it; with several it must name one the pool has")
    func filing() async throws {
        try await World.with { world in
            let filed = try await world.file()
            #expect(filed.serverType == "paper")
        }
        try await World.with(adjustPanel: Self.mixedPool) { world in
            await #expect(throws: ServerTypeRefusal.typeRequired(available: ["fabric", "paper"])) {
                try await world.service.file(request(type: nil), panelUsers: [World.member])
            }
            await #expect(throws: ServerTypeRefusal.noServerOfType(requested: "forge", available: ["fabric", "paper"])) {
                try await world.service.file(request(type: "forge"), panelUsers: [World.member])
            }
            await #expect(throws: ServerTypeRefusal.invalidType("fab ric")) {
                try await world.service.file(request(type: "fab ric"), panelUsers: [World.member])
            }
            #expect(try await count("Workflow", in: world) == 0)
            #expect(try await count("NoticeOutbox", in: world) == 0)
            let filed = try await world.service.file(request(type: "Fabric"), panelUsers: [World.member])
            #expect(filed.serverType == "fabric")
            #expect(try await world.workflow(filed.id)?.serverType == "fabric")
        }
    }

    @Test("two requests of different types each get a free server of their own type, passing the others over")
    func allocationByType() async throws {
        try await World.with(adjustPanel: Self.mixedPool) { world in
            let fabric = try await world.service.file(request(type: "fabric", description: "Modded"), panelUsers: [World.member])
            let paper = try await world.service.file(request(type: "paper", description: "Plugins"), panelUsers: [World.member])
            let fabricApproval = try await world.service.approve(fabric.id, by: World.moderator, usernames: [World.member: "alice"])
            #expect(fabricApproval.serverAlias == "server02", "server01 is free but Paper")
            try await world.drainTasks()
            let paperApproval = try await world.service.approve(paper.id, by: World.moderator)
            #expect(paperApproval.serverAlias == "server01")
            try await world.drainTasks()
            #expect(try await world.workflow(fabric.id)?.pteroServerId == World.serverIdentifier(2))
            #expect(try await world.workflow(paper.id)?.status == .active)

            // No Fabric server is free though server03 (Paper) is: the refusal names the type.
            let another = try await world.service.file(request(type: "fabric", description: "Second modded"), panelUsers: [World.member])
            await #expect(throws: ServerTypeRefusal.noFreeServerOfType("fabric")) {
                try await world.service.approve(another.id, by: World.moderator)
            }
            let stillPending = try await world.workflow(another.id)
            #expect(stillPending?.status == .pending && stillPending?.pteroServerId == nil)
            #expect(try await world.tasks(workflowId: another.id).isEmpty)
        }
    }

    @Test("a server named for an approval must be of the request's type: refused before and at the approval, nothing reserved")
    func namedServerOfAnotherType() async throws {
        try await World.with(adjustPanel: Self.mixedPool) { world in
            let paper = try await world.service.file(request(type: "paper"), panelUsers: [World.member])
            let refusal = ServerTypeRefusal.wrongType(alias: "server02", serverType: "fabric", requested: "paper")
            await #expect(throws: refusal) { try await world.service.requireServerFree("server02", for: paper.id) }
            await #expect(throws: refusal) { try await world.service.approve(paper.id, by: World.moderator, serverAlias: "server02", usernames: [World.member: "alice"]) }
            #expect(try await world.workflow(paper.id)?.pteroServerId == nil)
            #expect(try await world.tasks(workflowId: paper.id).isEmpty)
            #expect(try await world.service.requireServerFree("server03", for: paper.id).name == "server03")
            let approval = try await world.service.approve(paper.id, by: World.moderator, serverAlias: "server03", usernames: [World.member: "alice"])
            #expect(approval.serverAlias == "server03")
        }
    }

    @Test("a request filed before servers had types asks for none, and any free server takes it")
    func requestWithoutType() async throws {
        try await World.with(servers: 2, adjustPanel: { $0.servers[0].egg = .fabric }) { world in
            let workflow = try await world.service.file(request(type: "paper"), panelUsers: [World.member])
            try await world.pool.query(#"UPDATE "Workflow" SET "serverType" = NULL"#, named: "an old request")
            #expect(try await world.workflow(workflow.id)?.serverType == nil)
            let approval = try await world.service.approve(workflow.id, by: World.moderator, serverAlias: "server01", usernames: [World.member: "alice"])
            #expect(approval.serverAlias == "server01")
        }
    }
}
