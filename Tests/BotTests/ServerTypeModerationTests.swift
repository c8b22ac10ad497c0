import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import SimulatorSupport
import TestSupport
import Testing

/// What moderators and members see of server types once the pool has several, end to end on the
/// simulators and PostgreSQL: approve's suggestions, `/mcserver help`, the live board's free
/// servers, and a moderator changing a pending request's type.
@Suite("Server types for moderators and on the board")
struct ServerTypeModerationTests {
    static func file(_ world: BotWorld, type: String, description: String = "Modpack night") async throws -> WorkflowRecord {
        try await world.services.workflow.file(NewWorkflow(
            applicantDiscordId: Persona.member.userID, description: description, mcVersion: "1.21.4", periodDays: 7,
            organizerDiscordId: Persona.member.userID, serverType: type), panelUsers: [Persona.member.userID])
    }

    static func serverChoices(_ world: BotWorld, request: Int?, typed: String = "") async throws -> [SimulatorJSON] {
        let id: [SimulatedCommandOption] = request.map { [.integer("id", $0)] } ?? []
        let reply = try world.callback(try await world.autocomplete("approve", id + [.string("server", typed, focused: true)]))
        #expect(reply.type == 8)
        return reply.data["choices"]?.arrayValue ?? []
    }

    static func values(_ choices: [SimulatorJSON]) -> [String] {
        choices.compactMap { $0["value"]?.stringValue }
    }

    @Test("approve's server option suggests only the free servers of the request's type; with no request named yet, every free one")
    func approveSuggestions() async throws {
        try await ServerTypeCommandTests.withForgePool { world, driver in
            try await world.giveAccount(to: Persona.member.userID, username: "alice-mc")
            let forge = try await Self.file(world, type: "forge")
            let paper = try await Self.file(world, type: "paper", description: "Plugin jam")

            let forForge = try await Self.serverChoices(world, request: forge.id)
            #expect(Self.values(forForge) == ["modded"])
            #expect(forForge.first?["name"]?.stringValue == "modded — free · forge")
            #expect(Self.values(try await Self.serverChoices(world, request: paper.id)) == ["server01", "server02", "server03"])
            #expect(Self.values(try await Self.serverChoices(world, request: paper.id, typed: "MOD")).isEmpty, "a Forge server is not offered for Paper")
            #expect(Self.values(try await Self.serverChoices(world, request: nil)) == ["modded", "server01", "server02", "server03"])

            // Once the Paper request holds server01, it is no longer suggested; nor is the Forge
            // server once it is reserved.
            let approved = try await world.workflowCommand("approve", [.integer("id", paper.id), .string("server", "server01")])
            let approvedText = try await driver.content(approved)
            #expect(approvedText.contains("server01"), "\(approvedText)")
            let next = try await Self.file(world, type: "paper", description: "Second jam")
            let afterOne = Self.values(try await Self.serverChoices(world, request: next.id))
            #expect(afterOne == ["server02", "server03"], "\(afterOne)")
            let forgeApproval = try await driver.content(try await world.workflowCommand("approve", [.integer("id", forge.id)]))
            #expect(forgeApproval.contains("modded"), "\(forgeApproval)")
            let again = try await Self.file(world, type: "forge", description: "Second modpack")
            #expect(Self.values(try await Self.serverChoices(world, request: again.id)).isEmpty)
            // An id no request has: every free server, as before one is named.
            #expect(Self.values(try await Self.serverChoices(world, request: 999)) == ["server02", "server03"])
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("help names checkout's type option only while the pool has several types, in the invoker's language")
    func help() async throws {
        try await BotWorld.with(adjustPanel: ServerTypeCommandTests.withForgeServer) { world in
            let driver = LoanDriver(world)
            func helpText(_ invoker: SimulatedInvoker) async throws -> String {
                let answer = try await driver.answer(try await driver.member(["help"], as: invoker))
                return answer["embeds"]?[0]?["description"]?.stringValue ?? ""
            }
            let one = try await helpText(Persona.otherMember)
            #expect(!one.contains("type:"), "\(one)")
            _ = try await ServerTypeCommandTests.bindForge(driver)
            let english = try await helpText(Persona.otherMember)
            #expect(english.contains("The pool has servers of several types (`forge`, `paper`): `/mcserver checkout type:` asks for one at once"),
                    "\(english)")
            let japanese = try await helpText(Persona.member)
            #expect(japanese.contains("サーバーの種類が複数あります（`forge`, `paper`）。`/mcserver checkout type:`"), "\(japanese)")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("the board's free servers show each one's type once the pool has several, and not before")
    func boardTypes() async throws {
        try await BotWorld.with(adjustPanel: ServerTypeCommandTests.withForgeServer) { world in
            let driver = LoanDriver(world)
            world.bot.board.changed()
            try await world.settleBoard()
            let before = LiveBoardTests.text(of: try #require(LiveBoardTests.boardMessages(world).first))
            #expect(before.contains("`server01` `server02` `server03`"), "\(before)")
            #expect(!before.contains("(paper)"), "\(before)")

            _ = try await ServerTypeCommandTests.bindForge(driver)
            world.bot.board.changed()
            try await world.settleBoard()
            let after = LiveBoardTests.text(of: try #require(LiveBoardTests.boardMessages(world).first))
            #expect(after.contains("`modded` (forge) · `server01` (paper) · `server02` (paper) · `server03` (paper)"), "\(after)")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("with 20 free servers of two long types the board stays within Discord's limits and says how many are left out")
    func boardTypesWithinLimits() async throws {
        let longType = String(repeating: "x", count: ServerType.maxLength)
        try await BotWorld.with(servers: 20, adjustPanel: { configuration in
            for index in configuration.servers.indices where index.isMultiple(of: 2) {
                configuration.servers[index].egg = SimulatedEgg(id: 90, name: longType)
            }
        }) { world in
            world.bot.board.changed()
            try await world.settleBoard()
            let board = try #require(LiveBoardTests.boardMessages(world).first, "the simulator accepted the board")
            let text = LiveBoardTests.text(of: board)
            #expect(text.unicodeScalars.count <= 4000)
            #expect((board["components"]?.arrayValue?.count ?? 99) <= 40)
            #expect(text.contains("`server01` (\(longType))"), "\(text)")
            #expect(text.contains("more") || text.contains("ほか"), "the servers past the budget are counted: \(text)")
        }
    }

    @Test("edit type changes a PENDING request's type, audited, autocompleted from the pool; the approval then takes a server of it")
    func editType() async throws {
        try await ServerTypeCommandTests.withForgePool { world, driver in
            try await world.giveAccount(to: Persona.member.userID, username: "alice-mc")
            let request = try await Self.file(world, type: "paper")

            let suggested = try world.callback(try await world.autocomplete("edit", [.integer("id", request.id), .string("type", "FO", focused: true)]))
            #expect(Self.values(suggested.data["choices"]?.arrayValue ?? []) == ["forge"])
            #expect(suggested.data["choices"]?[0]?["name"]?.stringValue == "forge (1 server)")

            let edit = try await world.workflowCommand("edit", [.integer("id", request.id), .string("type", "Forge")])
            #expect(try driver.isEphemeral(edit))
            let answer = try await driver.answer(edit)
            #expect(answer["content"]?.stringValue == "Request #\(request.id) was updated by <@\(Persona.moderator.userID)>.", "\(answer)")
            let fields = answer["embeds"]?[0]?["fields"]?.arrayValue ?? []
            #expect(fields.contains { $0["name"]?.stringValue == "Type" && $0["value"]?.stringValue == "forge" }, "\(answer)")
            #expect(try await world.workflow(request.id)?.serverType == "forge")
            let audit = try #require(try await AuditTable.list(workflowId: request.id, on: world.pool).last { $0.action == .edit })
            #expect(audit.detail["serverType"] == "paper→forge" && audit.actor == Persona.moderator.userID)

            // The same type again changes nothing and writes no audit row.
            _ = try await driver.content(try await world.workflowCommand("edit", [.integer("id", request.id), .string("type", "forge")]))
            #expect(try await AuditTable.list(workflowId: request.id, on: world.pool).filter { $0.action == .edit }.count == 1)

            let approval = try await world.workflowCommand("approve", [.integer("id", request.id)])
            #expect(try await driver.content(approval).contains("modded"))
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("edit type refusals change nothing: a type the pool lacks (naming those it has), a malformed one, with add, during an approval, an ACTIVE loan")
    func editTypeRefusals() async throws {
        try await BotWorld.with(adjustPanel: ServerTypeCommandTests.withForgeServer) { world in
            let driver = LoanDriver(world)
            // Lent while the pool had one type.
            let loan = try await driver.activeLoan()
            _ = try await ServerTypeCommandTests.bindForge(driver)
            let request = try await Self.file(world, type: "paper")
            func edit(_ id: Int, _ options: [SimulatedCommandOption], resolved: [SimulatedResolvedUser] = []) async throws -> String {
                try await driver.content(try await driver.admin(["workflow", "edit"], [.integer("id", id)] + options, resolvedUsers: resolved))
            }

            #expect(try await edit(request.id, [.string("type", "vanilla")])
                        == "There is no vanilla server in the pool. Types you can ask for: `forge`, `paper`")
            #expect(try await edit(request.id, [.string("type", "neo forge")])
                        == "\"neo forge\" cannot be a server type (1 to 32 lowercase letters, digits, - or _).")
            let together = try await edit(request.id, [.string("type", "forge"), .user("add", id: Persona.otherMember.userID)],
                                          resolved: [Persona.resolved(Persona.otherMember)])
            #expect(together.contains("Change the type on its own"), "\(together)")
            #expect(try await Self.panelUsersCount(world, request.id) == 1)
            let lent = try await edit(loan.id, [.string("type", "forge")])
            #expect(lent == "Loan #\(loan.id) is already lent on its server, so its type cannot change. Only a pending request's type can be edited.")
            #expect(try await world.workflow(loan.id)?.serverType == "paper")

            // alice has the account the loan made her.
            let started = try await driver.content(try await world.workflowCommand("approve", [.integer("id", request.id)]))
            #expect(started.contains("task #"), "\(started)")
            let approving = try await edit(request.id, [.string("type", "forge")])
            #expect(approving.contains("already being approved"), "\(approving)")
            #expect(try await world.workflow(request.id)?.serverType == "paper")
            #expect(try await AuditTable.list(workflowId: request.id, on: world.pool).allSatisfy { $0.action != .edit })
            driver.expectEveryRequestAccepted()
        }
    }

    static func panelUsersCount(_ world: BotWorld, _ id: Int) async throws -> Int {
        try await WorkflowPanelUserTable.list(workflowId: id, on: world.pool).count
    }
}
