import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import Postgres
import SimulatorSupport
import TestSupport
import Testing

/// Server types end to end, on the Discord and panel simulators and PostgreSQL: a moderator binds
/// a server whose type is read from its egg (or given), a member asked for the type only when the
/// pool has several, and approvals that give each request a server of its type.
@Suite("Server types, end to end")
struct ServerTypeCommandTests {
    /// The seeded pool (server01…03, stock Paper egg) and a fourth panel server, not yet bound, made
    /// from the Forge egg.
    static func withForgeServer(_ configuration: inout PanelSimulator.Configuration) {
        var forge = SimulatedPanelServer.standard(id: 4, identifier: SeededGuild.serverIdentifier(4), name: "server04")
        forge.egg = .forge
        configuration.servers.append(forge)
    }

    /// Binds the Forge server as `modded`, reading its type from the egg.
    static func bindForge(_ driver: LoanDriver) async throws -> String {
        let set = try await driver.admin(["server-binding", "set"], [.string("name", "modded"), .string("ptero-id", SeededGuild.serverIdentifier(4))])
        return try await driver.content(set)
    }

    /// A world whose pool has the three Paper servers and the Forge one, bound as `modded`.
    static func withForgePool(_ body: (BotWorld, LoanDriver) async throws -> Void) async throws {
        try await BotWorld.with(adjustPanel: withForgeServer) { world in
            let driver = LoanDriver(world)
            _ = try await bindForge(driver)
            try await body(world, driver)
        }
    }

    @Test("server-binding set reads the type from the server's egg, takes one given instead, refuses a bad one; list shows each type")
    func bindingTypes() async throws {
        try await BotWorld.with(adjustPanel: Self.withForgeServer) { world in
            let driver = LoanDriver(world)
            let read = try await Self.bindForge(driver)
            #expect(read.contains("Server modded now points at panel server 5e000004.") && read.contains("Type: forge (read from its egg on the panel)."), "\(read)")
            #expect(try await ServerBindingTable.find(name: "modded", on: world.pool)?.serverType == "forge")

            let bad = try await driver.admin(["server-binding", "set"], [.string("name", "modded"), .string("ptero-id", "5e000004"), .string("type", "neo forge")])
            #expect(try await driver.content(bad) == "\"neo forge\" cannot be a server type (1 to 32 lowercase letters, digits, - or _).")
            #expect(try await ServerBindingTable.find(name: "modded", on: world.pool)?.serverType == "forge")

            let given = try await driver.admin(["server-binding", "set"], [.string("name", "modded"), .string("ptero-id", "5e000004"), .string("type", "NeoForge")])
            #expect(try await driver.content(given).contains("Type: neoforge."))
            let list = try await driver.answer(try await driver.admin(["server-binding", "list"]))
            let description = try #require(list["embeds"]?[0]?["description"]?.stringValue)
            #expect(description.contains("`modded` → `5e000004` · neoforge · free"), "\(description)")
            #expect(description.contains("`server01` → `5e000001` · paper · free"), "\(description)")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("with one type in the pool, checkout opens the plain form at once and the request is stored with that type")
    func oneType() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let command = try await driver.member(["checkout"], as: Persona.otherMember)
            let (type, data) = try driver.callback(command)
            #expect(type == 9 && data?["custom_id"]?.stringValue == ComponentRoute.checkoutForm.customID)
            _ = try await world.submit(.checkoutForm, CheckoutTests.fields(), as: Persona.otherMember)
            #expect(try await world.workflow(1)?.serverType == "paper")
        }
    }

    @Test("with several types, checkout asks for one first (select or option) and opens the form for it; the request, its post, the lists show it")
    func severalTypes() async throws {
        try await BotWorld.with(adjustPanel: Self.withForgeServer) { world in
            let driver = LoanDriver(world)
            _ = try await Self.bindForge(driver)

            // Without the option: an ephemeral select of the pool's types, with their sizes.
            let command = try await driver.member(["checkout"], as: Persona.otherMember)
            let (type, data) = try driver.callback(command)
            #expect(type == 4 && (data?["flags"]?.intValue ?? 0) & 64 != 0)
            #expect(data?["content"]?.stringValue == "Which kind of server do you need? Choosing one opens the request form.")
            let select = data?["components"]?[0]?["components"]?[0]
            #expect(select?["custom_id"]?.stringValue == ComponentRoute.checkoutTypePick.customID)
            #expect(select?["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue } == ["forge", "paper"])
            #expect(select?["options"]?.arrayValue?.compactMap { $0["description"]?.stringValue } == ["1 server", "3 servers"])
            // The board's button asks the same way.
            let board = try await driver.click(.boardRequest, as: Persona.otherMember)
            #expect(try driver.callback(board).data?["components"]?[0]?["components"]?[0]?["custom_id"]?.stringValue == "checkout.type")

            // Choosing opens the form for that type, which files a Forge request.
            let picked = try await driver.click(.checkoutTypePick, values: ["forge"], as: Persona.otherMember)
            let form = try driver.callback(picked)
            #expect(form.type == 9 && form.data?["custom_id"]?.stringValue == "checkout.typed:forge")
            #expect(form.data?["title"]?.stringValue == "Request a forge server")
            _ = try await world.submit(.checkoutTypedForm(serverType: "forge"), CheckoutTests.fields(description: "Modpack night"), as: Persona.otherMember)
            let filed = try #require(try await world.workflow(1))
            #expect(filed.serverType == "forge" && filed.status == .pending)

            // The option, autocompleted from the pool, opens the form at once.
            let choices = try await driver.autocomplete("mcserver", ["checkout"], [.string("type", "pa", focused: true)], as: Persona.otherMember)
            #expect(choices.compactMap { $0["value"]?.stringValue } == ["paper"])
            #expect(choices.first?["name"]?.stringValue == "paper (3 servers)")
            let typed = try await driver.member(["checkout"], [.string("type", "Paper")], as: Persona.otherMember)
            #expect(try driver.callback(typed).data?["custom_id"]?.stringValue == "checkout.typed:paper")

            // The moderators' post and the list show the type.
            try await eventually("the moderators' notice") { !world.rest.sentMessages(in: SeededGuild.notifyChannelID).isEmpty }
            let post = try #require(world.rest.requests(to: .createMessage).first?.body)
            let fields = post["embeds"]?[0]?["fields"]?.arrayValue ?? []
            #expect(fields.contains { $0["name"]?.stringValue == "Type" && $0["value"]?.stringValue == "forge" }, "\(post)")
            let list = try await world.answer(try await world.workflowCommand("list"))
            #expect(list["embeds"]?[0]?["fields"]?[0]?["value"]?.stringValue?.contains("Type: forge") == true, "\(list)")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("a type the pool does not have is refused before the form, naming the types there are, in the member's language")
    func unknownType() async throws {
        try await BotWorld.with(adjustPanel: Self.withForgeServer) { world in
            let driver = LoanDriver(world)
            _ = try await Self.bindForge(driver)
            let english = try await driver.member(["checkout"], [.string("type", "vanilla")], as: Persona.otherMember)
            #expect(try driver.callback(english).type == 4)
            #expect(try await driver.content(english) == "There is no vanilla server in the pool. Types you can ask for: `forge`, `paper`")
            let japanese = try await driver.member(["checkout"], [.string("type", "fabric")], as: Persona.member)
            #expect(try await driver.content(japanese) == "種類「fabric」のサーバーはありません。選べる種類: `forge`, `paper`")
            // A select left over from before the Forge server was unbound opens nothing either.
            _ = try await driver.admin(["server-binding", "unset"], [.string("name", "modded")])
            let stale = try await driver.click(.checkoutTypePick, values: ["forge"], as: Persona.otherMember)
            #expect(try await driver.content(stale) == "There is no forge server in the pool. Types you can ask for: `paper`")
            // A plain form submitted while the pool has several types is refused by the domain.
            _ = try await Self.bindForge(driver)
            let plain = try await world.submit(.checkoutForm, CheckoutTests.fields(), as: Persona.otherMember)
            #expect(try await driver.content(plain).contains("The pool has several server types: run /mcserver checkout again and choose one"))
            let rows = try await world.pool.query(#"SELECT count(*)::int AS n FROM "Workflow""#, named: "count workflows")
            #expect(try rows.first?.decode("n", as: Int.self) == 0)
        }
    }

    @Test("approving takes a server of the request's type; naming one of another type is refused clearly and reserves nothing")
    func approvalByType() async throws {
        try await Self.withForgePool { world, driver in
            try await world.giveAccount(to: Persona.member.userID, username: "alice-mc")
            let forge = try await world.services.workflow.file(NewWorkflow(
                applicantDiscordId: Persona.member.userID, description: "Modpack night", mcVersion: "1.21.4", periodDays: 7,
                organizerDiscordId: Persona.member.userID, serverType: "forge"), panelUsers: [Persona.member.userID])
            let paper = try await world.services.workflow.file(NewWorkflow(
                applicantDiscordId: Persona.member.userID, description: "Plugin jam", mcVersion: "1.21.4", periodDays: 7,
                organizerDiscordId: Persona.member.userID, serverType: "paper"), panelUsers: [Persona.member.userID])

            let wrong = try await world.workflowCommand("approve", [.integer("id", forge.id), .string("server", "server01")])
            #expect(try await driver.content(wrong) == "Server server01 is a paper server, but this request asks for forge. The request stays pending.")
            #expect(try await world.workflow(forge.id)?.pteroServerId == nil)
            #expect(try await world.tasks(of: forge.id).isEmpty)

            let forgeApproval = try await world.workflowCommand("approve", [.integer("id", forge.id)])
            #expect(try await driver.content(forgeApproval).contains("modded"))
            let paperApproval = try await world.workflowCommand("approve", [.integer("id", paper.id)])
            #expect(try await driver.content(paperApproval).contains("server01"))
            try await world.drainTasks()
            #expect(try await world.workflow(forge.id)?.pteroServerId == SeededGuild.serverIdentifier(4))
            #expect(try await world.workflow(paper.id)?.pteroServerId == SeededGuild.serverIdentifier(1))
            #expect(try await world.workflow(forge.id)?.status == .active)
            #expect(try await world.workflow(paper.id)?.status == .active)

            // Every Forge server is lent now, though Paper ones are free.
            let more = try await world.services.workflow.file(NewWorkflow(
                applicantDiscordId: Persona.member.userID, description: "Second modpack", mcVersion: "1.21.4", periodDays: 7,
                organizerDiscordId: Persona.member.userID, serverType: "forge"), panelUsers: [Persona.member.userID])
            let none = try await world.workflowCommand("approve", [.integer("id", more.id)])
            #expect(try await driver.content(none) == "Every forge server is lent or reserved. The request stays pending.")
            #expect(try await world.tasks(of: more.id).isEmpty)

            // The member sees the type of each of their requests.
            let mine = try await driver.answer(try await driver.member(["mine"], as: Persona.member))
            let values = mine["embeds"]?[0]?["fields"]?.arrayValue?.compactMap { $0["value"]?.stringValue } ?? []
            #expect(values.filter { $0.contains("種類: forge") }.count == 2 && values.contains { $0.contains("種類: paper") }, "\(values)")
            driver.expectEveryRequestAccepted()
        }
    }
}
