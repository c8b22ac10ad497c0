import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import Postgres
import SimulatorSupport
import TestSupport
import Testing

@Suite("A moderator changes a request's panel users, end to end")
struct PanelUsersEditTests {
    static let server = "5e000001"

    static func panelUsers(_ world: BotWorld, _ id: Int) async throws -> [String] {
        try await WorkflowPanelUserTable.list(workflowId: id, on: world.pool).map(\.discordId)
    }

    static func subuserEmails(_ world: BotWorld) -> [String] {
        world.panelWorld.panel.subusers(of: server).map(\.email)
    }

    static func edit(_ driver: LoanDriver, _ id: Int, _ options: [SimulatedCommandOption], resolved: [SimulatedResolvedUser] = [],
                     as invoker: SimulatedInvoker = Persona.moderator) async throws -> String {
        try await driver.content(try await driver.admin(["workflow", "edit"], [.integer("id", id)] + options, resolvedUsers: resolved, as: invoker))
    }

    @Test("a PENDING request only stores its new panel users, audited, with no task and nothing on the panel")
    func pendingRequest() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let request = NewWorkflow(applicantDiscordId: Persona.member.userID, description: "Build night", mcVersion: "1.21.4",
                                      periodDays: 3, organizerDiscordId: Persona.member.userID)
            let workflow = try await world.services.workflow.file(request, panelUsers: [Persona.member.userID])
            let added = try await Self.edit(driver, workflow.id, [.user("add", id: Persona.otherMember.userID)],
                                            resolved: [Persona.resolved(Persona.otherMember)])
            #expect(added.contains("changed the panel users of request #\(workflow.id)"), "\(added)")
            #expect(try await Self.panelUsers(world, workflow.id) == [Persona.member.userID, Persona.otherMember.userID])
            let removed = try await Self.edit(driver, workflow.id, [.user("remove", id: Persona.member.userID)])
            #expect(removed.contains("removed <@\(Persona.member.userID)>"), "\(removed)")
            #expect(try await Self.panelUsers(world, workflow.id) == [Persona.otherMember.userID])
            #expect(try await driver.tasks(of: workflow.id) == 0)
            let audit = try await AuditTable.list(workflowId: workflow.id, on: world.pool).filter { $0.action == .panelUsers }
            #expect(audit.map { $0.detail["added"] } == [Persona.otherMember.userID, nil])
            #expect(audit.map { $0.detail["removed"] } == [nil, Persona.member.userID])
            #expect(audit.allSatisfy { $0.actor == Persona.moderator.userID && $0.fromStatus == .pending && $0.toStatus == .pending })
            #expect(world.panelWorld.panel.requests(to: .createSubuser).isEmpty)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("an ACTIVE loan's panel follows: the added member gets an account and access, the removed one loses it, then their row goes")
    func activeLoan() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let memberEmail = try #require(try await PterodactylUserTable.find(discordId: Persona.member.userID, on: world.pool)?.email)
            #expect(Self.subuserEmails(world).contains(memberEmail))

            let added = try await Self.edit(driver, loan.id, [.user("add", id: Persona.otherMember.userID), .string("username", "Bob-Builder")],
                                            resolved: [Persona.resolved(Persona.otherMember)])
            #expect(added.contains("task #"), "\(added)")
            try await world.drainTasks()
            let account = try #require(try await PterodactylUserTable.find(discordId: Persona.otherMember.userID, on: world.pool))
            #expect(account.username == "bob-builder")
            #expect(Self.subuserEmails(world).contains(account.email))
            #expect(world.panelWorld.panel.user(username: "bob-builder") != nil)

            let removed = try await Self.edit(driver, loan.id, [.user("remove", id: Persona.member.userID)])
            #expect(removed.contains("removed"), "\(removed)")
            // Until the task has revoked the access, the removed member's row stays.
            #expect(try await Self.panelUsers(world, loan.id) == [Persona.member.userID, Persona.otherMember.userID])
            try await world.drainTasks()
            #expect(!Self.subuserEmails(world).contains(memberEmail))
            #expect(Self.subuserEmails(world).contains(account.email))
            #expect(try await Self.panelUsers(world, loan.id) == [Persona.otherMember.userID])
            #expect(try await driver.loan(loan.id).status == .active)

            let audit = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .panelUsers }
            #expect(audit.count == 2)
            #expect(audit.allSatisfy { $0.detail["task"] != nil && $0.fromStatus == .active && $0.toStatus == .active })
            let states = try await world.pool.query("""
                SELECT "state" FROM "LendingTask" WHERE "workflowId" = \(loan.id) AND "kind" = 'PANEL_USERS' ORDER BY "id"
                """).rows.map { try $0.decode("state", as: String.self) }
            #expect(states == ["SUCCEEDED", "SUCCEEDED"])
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("a panel failure leaves the change's task FAILED with the moderators told; the retry finishes it, and the next change waits for it")
    func panelFailureAndRetry() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            world.panelWorld.panel.injectFault(.status(403), on: .createSubuser)
            _ = try await Self.edit(driver, loan.id, [.user("add", id: Persona.otherMember.userID), .string("username", "bob-builder")],
                                    resolved: [Persona.resolved(Persona.otherMember)])
            try await world.drainTasks()
            let failed = try #require(try await TaskTable.open(workflowId: loan.id, on: world.pool))
            #expect(failed.kind == .panelUsers && failed.state == .failed)
            // The account step was done and recorded: the retry goes on from the access.
            #expect(try await PterodactylUserTable.find(discordId: Persona.otherMember.userID, on: world.pool) != nil)

            let waiting = try await Self.edit(driver, loan.id, [.user("remove", id: Persona.member.userID)])
            #expect(waiting.contains("still under way (task #\(failed.id))"), "\(waiting)")

            _ = try await world.services.workflow.retry(taskId: failed.id, by: Persona.moderator.userID)
            try await world.drainTasks()
            #expect(try await TaskTable.open(workflowId: loan.id, on: world.pool) == nil)
            let account = try #require(try await PterodactylUserTable.find(discordId: Persona.otherMember.userID, on: world.pool))
            #expect(Self.subuserEmails(world).contains(account.email))
            #expect(world.panelWorld.panel.users.filter { $0.username == "bob-builder" }.count == 1, "one account, not a second")
        }
    }

    @Test("a member added without an account and without username: a modal asks it as an approval does, its answer makes the change")
    func usernameAsked() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let command = try await driver.admin(["workflow", "edit"], [.integer("id", loan.id), .user("add", id: Persona.otherMember.userID),
                                                                        .user("remove", id: Persona.member.userID)],
                                                 resolvedUsers: [Persona.resolved(Persona.otherMember), Persona.resolved(Persona.member)])
            let modal = try world.callback(command)
            #expect(modal.type == 9)
            let route = ComponentRoute.addPanelUser(workflowId: loan.id, member: Int(Persona.otherMember.userID) ?? 0, removing: Int(Persona.member.userID))
            #expect(modal.data["custom_id"]?.stringValue == route.customID)
            #expect(try await driver.tasks(of: loan.id) == 1, "only the approval so far")

            let taken = try await world.submit(route, [.textInput(customID: Persona.otherMember.userID, value: LoanDriver.panelUsername(Persona.member))])
            #expect(try await world.answer(taken)["content"]?.stringValue?.contains("already taken") == true)
            let submit = try await world.submit(route, [.textInput(customID: Persona.otherMember.userID, value: "Bob-Builder")])
            let answer = try await world.answer(submit)
            #expect(answer["content"]?.stringValue?.contains("task #") == true, "\(answer)")
            try await world.drainTasks()
            #expect(try await PterodactylUserTable.find(discordId: Persona.otherMember.userID, on: world.pool)?.username == "bob-builder")
            #expect(try await Self.panelUsers(world, loan.id) == [Persona.otherMember.userID])
            let member = try await world.submit(route, [.textInput(customID: Persona.otherMember.userID, value: "bob2")], as: Persona.member)
            #expect(try world.callback(member).data["content"]?.stringValue?.contains("モデレーター") == true)
        }
    }

    @Test("a return supersedes a stopped change: the removed member, whose row waited for the revocation, loses access with everyone else")
    func returnAfterStoppedChange() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan(panelUsers: [Persona.member, Persona.otherMember])
            let bobEmail = try #require(try await PterodactylUserTable.find(discordId: Persona.otherMember.userID, on: world.pool)?.email)
            world.panelWorld.panel.injectFault(.status(403), on: .deleteSubuser)
            _ = try await Self.edit(driver, loan.id, [.user("remove", id: Persona.otherMember.userID)])
            try await world.drainTasks()
            let failed = try #require(try await TaskTable.open(workflowId: loan.id, on: world.pool))
            #expect(failed.kind == .panelUsers && failed.state == .failed)
            #expect(Self.subuserEmails(world).contains(bobEmail))
            #expect(try await Self.panelUsers(world, loan.id).contains(Persona.otherMember.userID))

            _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.moderator.userID, asModerator: true)
            try await world.drainTasks()
            #expect(try await driver.loan(loan.id).status == .returned)
            #expect(try await TaskTable.find(id: failed.id, on: world.pool)?.state == .cancelled)
            #expect(Self.subuserEmails(world).isEmpty, "\(Self.subuserEmails(world))")
        }
    }

    @Test("a return asked while a change of panel users is queued is refused with its own message, in each invoker's language; once done, it goes")
    func returnWhileChangeQueued() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            _ = try await Self.edit(driver, loan.id, [.user("add", id: Persona.otherMember.userID), .string("username", "bob-builder")],
                                    resolved: [Persona.resolved(Persona.otherMember)])
            let queued = try #require(try await TaskTable.open(workflowId: loan.id, on: world.pool))
            #expect(queued.kind == .panelUsers && queued.state == .queued)

            let moderator = try await driver.content(try await driver.admin(["checkout", "return"], [.integer("id", loan.id)]))
            #expect(moderator.contains("has a change of panel users under way; try again when it is done"), "\(moderator)")
            #expect(!moderator.contains("being approved"), "\(moderator)")
            let organizer = try await driver.content(try await driver.click(.returnLoan(workflowId: loan.id)))
            #expect(organizer.contains("パネルユーザーの変更が進行中"), "\(organizer)")
            #expect(try await driver.loan(loan.id).status == .active)
            #expect(try await TaskTable.open(workflowId: loan.id, on: world.pool)?.id == queued.id, "no return task was queued")

            try await world.drainTasks()
            _ = try await driver.content(try await driver.admin(["checkout", "return"], [.integer("id", loan.id)]))
            try await world.drainTasks()
            #expect(try await driver.loan(loan.id).status == .returned)
        }
    }

    @Test("refusals change nothing: a member, a bot, a user already there, a missing username, too many users, a loan being returned or returned")
    func refusals() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let before = try await Self.panelUsers(world, loan.id)

            let member = try await Self.edit(driver, loan.id, [.user("add", id: Persona.otherMember.userID)], as: Persona.member)
            #expect(member.contains("モデレーター"), "\(member)")
            let bot = try await Self.edit(driver, loan.id, [.user("add", id: Persona.bot.id)], resolved: [Persona.bot])
            #expect(bot.contains("bots cannot be panel users"), "\(bot)")
            let twice = try await Self.edit(driver, loan.id, [.user("add", id: Persona.member.userID)], resolved: [Persona.resolved(Persona.member)])
            #expect(twice.contains("is already a panel user"), "\(twice)")
            let invalid = try await Self.edit(driver, loan.id, [.user("add", id: Persona.otherMember.userID), .string("username", "-bad-")],
                                              resolved: [Persona.resolved(Persona.otherMember)])
            #expect(invalid.contains("cannot be a panel username"), "\(invalid)")
            let last = try await Self.edit(driver, loan.id, [.user("remove", id: Persona.member.userID)])
            #expect(last.contains("from 1 to 10 panel users"), "\(last)")
            #expect(try await Self.panelUsers(world, loan.id) == before)
            #expect(try await TaskTable.open(workflowId: loan.id, on: world.pool) == nil)

            _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.moderator.userID, asModerator: true)
            let returning = try await Self.edit(driver, loan.id, [.user("add", id: Persona.otherMember.userID), .string("username", "bob-builder")],
                                                resolved: [Persona.resolved(Persona.otherMember)])
            #expect(returning.contains("already being returned"), "\(returning)")
            try await world.drainTasks()
            let returned = try await Self.edit(driver, loan.id, [.user("add", id: Persona.otherMember.userID), .string("username", "bob-builder")],
                                               resolved: [Persona.resolved(Persona.otherMember)])
            #expect(returned.contains("already returned"), "\(returned)")
            #expect(try await Self.panelUsers(world, loan.id) == before)
            #expect(try await PterodactylUserTable.find(discordId: Persona.otherMember.userID, on: world.pool) == nil)
            let audit = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .panelUsers }
            #expect(audit.isEmpty)
        }
    }

    @Test("more users than the request form allows are refused")
    func tooMany() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let crowd = (1...10).map(Persona.numbered)
            let request = NewWorkflow(applicantDiscordId: Persona.member.userID, description: "Big event", mcVersion: "1.21.4",
                                      periodDays: 3, organizerDiscordId: Persona.member.userID)
            let workflow = try await world.services.workflow.file(request, panelUsers: crowd.map(\.userID))
            let refused = try await Self.edit(driver, workflow.id, [.user("add", id: Persona.otherMember.userID)],
                                              resolved: [Persona.resolved(Persona.otherMember)])
            #expect(refused.contains("from 1 to 10 panel users"), "\(refused)")
            #expect(try await Self.panelUsers(world, workflow.id) == crowd.map(\.userID))
        }
    }

    @Test("two moderators changing one loan at once: exactly one change is queued, the other is told to wait for it")
    func twoModerators() async throws {
        try await BotWorld.with { world in
            let loan = try await LoanDriver(world).activeLoan()
            let service = world.services.workflow
            async let first = Result { try await service.changePanelUsers(loan.id, by: Persona.moderator.userID, add: [Persona.otherMember.userID],
                                                                          remove: [], usernames: [Persona.otherMember.userID: "bob-one"]) }
            async let second = Result { try await service.changePanelUsers(loan.id, by: "1500000000000000008", add: [Persona.numbered(1).userID],
                                                                           remove: [], usernames: [Persona.numbered(1).userID: "member-one"]) }
            let results = await [first, second]
            let queued = results.compactMap { try? $0.get() }
            #expect(queued.count == 1)
            let refusals = results.compactMap { result -> PanelUsersRefusal? in
                if case .failure(let error) = result { error as? PanelUsersRefusal } else { nil }
            }
            #expect(refusals.count == 1)
            if case .changeInProgress(let id, _, _)? = refusals.first { #expect(id == loan.id) } else { Issue.record("\(refusals)") }
            #expect(try await Self.panelUsers(world, loan.id).count == 2)
        }
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
