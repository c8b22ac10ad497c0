import Clocks
import Foundation
import Lending
import Testing

/// The rules the handlers used to copy, now the domain's: the click-time pending check and the
/// extend button's. The end-to-end suites (BotTests) check the words the members see.
@Suite("Click-time rules and the read side")
struct WorkflowClickTests {
    typealias World = LendingWorld

    @Test("requirePending: a PENDING request passes; an approval under way, a decided request and a missing one are refused")
    func requirePending() async throws {
        try await World.with { world in
            let workflow = try await world.file()
            #expect(try await world.service.requirePending(workflow.id).id == workflow.id)
            await #expect(throws: LendingError.workflowNotFound(id: 999_999)) {
                try await world.service.requirePending(999_999)
            }
            _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            await #expect(throws: LendingError.approvalInProgress(id: workflow.id, by: World.moderator)) {
                try await world.service.requirePending(workflow.id)
            }
            try await world.drainTasks()
            await #expect(throws: LendingError.alreadyDecided(id: workflow.id, status: .active, by: World.moderator)) {
                try await world.service.requirePending(workflow.id, allowFailedApproval: true)
            }
            let rejected = try await world.file()
            _ = try await world.service.reject(rejected.id, by: World.moderator, reason: nil)
            await #expect(throws: LendingError.alreadyDecided(id: rejected.id, status: .rejected, by: World.moderator)) {
                try await world.service.requirePending(rejected.id)
            }
        }
    }

    @Test("requireEditable, requireReturnable and requireServerFree refuse what the change would refuse")
    func otherClickChecks() async throws {
        try await World.with { world in
            let loan = try await world.activeLoan()
            let pending = try await world.file()
            let rejected = try await world.file()
            _ = try await world.service.reject(rejected.id, by: World.moderator, reason: nil)

            #expect(try await world.service.requireEditable(pending.id).id == pending.id)
            #expect(try await world.service.requireEditable(loan.id).id == loan.id)
            await #expect(throws: LendingError.notAllowed(id: rejected.id, status: .rejected, action: "edited")) {
                try await world.service.requireEditable(rejected.id)
            }
            await #expect(throws: LendingError.workflowNotFound(id: 999_999)) { try await world.service.requireEditable(999_999) }

            #expect(try await world.service.requireReturnable(loan.id, by: World.organizer, asModerator: false).id == loan.id)
            #expect(try await world.service.requireReturnable(loan.id, by: World.moderator, asModerator: true).id == loan.id)
            await #expect(throws: LendingError.notOrganizer(id: loan.id)) {
                _ = try await world.service.requireReturnable(loan.id, by: World.member, asModerator: false)
            }
            await #expect(throws: LendingError.notAllowed(id: pending.id, status: .pending, action: "returned")) {
                _ = try await world.service.requireReturnable(pending.id, by: World.organizer, asModerator: false)
            }

            let server = try #require(loan.pteroServerId)
            let held = try #require(try await LendingQueries(pool: world.pool).serverAlias(of: server))
            await #expect(throws: LendingError.serverNotFree(alias: held, heldBy: loan.id)) { try await world.service.requireServerFree(held) }
            let free = try #require([World.alias(1), World.alias(2), World.alias(3)].first { $0 != held })
            #expect(try await world.service.requireServerFree(free).name == free)
            await #expect(throws: LendingError.serverNotFound(alias: "server99")) { try await world.service.requireServerFree("server99") }
        }
    }

    @Test("the extend button: the organizer extends their own way, another member is refused, a moderator moves the end once")
    func extendByButton() async throws {
        try await World.with(adjustPolicy: { $0.extendLimit = 1 }) { world in
            let zone = world.policy.timeZone
            let loan = try await world.activeLoan()
            let end = try #require(loan.endDate)
            await #expect(throws: LendingError.notOrganizer(id: loan.id)) {
                _ = try await world.service.extendByButton(loan.id, by: World.member, isModerator: false, seenEndDate: end)
            }
            // A moderator who is the organizer is the organizer: the self-extension.
            let own = try await world.service.extendByButton(loan.id, by: World.organizer, isModerator: true, seenEndDate: end)
            #expect(own.endDate == end.addingTimeInterval(7 * 86_400))
            let ownEnd = try #require(own.endDate)
            // Pressed on the stale reminder, the moderator is told the current end date.
            await #expect(throws: LendingError.endDateChanged(id: loan.id, current: ownEnd)) {
                _ = try await world.service.extendByButton(loan.id, by: World.moderator, isModerator: true, seenEndDate: end)
            }
            // Past the organizer's limit, a moderator still extends: to the end of the day
            // CHECKOUT_EXTEND_DAYS after the end the button shows.
            let moved = try await world.service.extendByButton(loan.id, by: World.moderator, isModerator: true, seenEndDate: ownEnd)
            let target = CalendarDate(containing: ownEnd.addingTimeInterval(7 * 86_400), in: zone)
            #expect(moved.endDate == target.end(in: zone))
            await #expect(throws: LendingError.endDateChanged(id: loan.id, current: moved.endDate)) {
                _ = try await world.service.extendByButton(loan.id, by: World.moderator, isModerator: true, seenEndDate: ownEnd)
            }
            await #expect(throws: LendingError.workflowNotFound(id: 999_999)) {
                _ = try await world.service.extendByButton(999_999, by: World.moderator, isModerator: true, seenEndDate: end)
            }
        }
    }

    @Test("a moderator cannot press the extend button of a request that is not ACTIVE")
    func extendByButtonNotActive() async throws {
        try await World.with { world in
            let pending = try await world.file()
            await #expect(throws: LendingError.notAllowed(id: pending.id, status: .pending, action: "extended")) {
                _ = try await world.service.extendByButton(pending.id, by: World.moderator, isModerator: true, seenEndDate: world.clock.date)
            }
        }
    }

    @Test("the read side: a request with its panel users, the holder and alias of its server, a member's loans, accounts")
    func queries() async throws {
        try await World.with { world in
            let queries = LendingQueries(pool: world.pool)
            let loan = try await world.activeLoan(panelUsers: [World.member, World.otherMember],
                                                   usernames: [World.member: "alice", World.otherMember: "bob"])
            let server = try #require(loan.pteroServerId)
            #expect(try await queries.requireWorkflow(loan.id) == loan)
            #expect(try await queries.workflow(999_999) == nil)
            await #expect(throws: LendingError.workflowNotFound(id: 999_999)) { _ = try await queries.requireWorkflow(999_999) }
            #expect(try await queries.panelUsers(of: loan.id) == [World.member, World.otherMember])
            #expect(try await queries.panelUsers(of: [loan.id]) == [loan.id: [World.member, World.otherMember]])
            #expect(try await queries.holder(of: server)?.id == loan.id)
            let alias = try #require(try await queries.serverAlias(of: server))
            #expect(try await queries.serverBinding(named: alias)?.pteroId == server)
            #expect(try await queries.serverBindings().map(\.name) == [World.alias(1), World.alias(2), World.alias(3)])
            #expect(try await queries.serverBindingsWithHolders().first { $0.binding.pteroId == server }?.holder?.id == loan.id)
            #expect(try await queries.activeLoans(organizedBy: World.organizer).map(\.id) == [loan.id])
            #expect(try await queries.activeLoans(organizedBy: World.member).isEmpty)
            #expect(try await queries.workflows(status: .active, limit: 10).map(\.id) == [loan.id])
            #expect(try await queries.count(status: .active) == 1)
            #expect(try await queries.count(status: .pending) == 0)
            #expect(try await queries.panelAccount(of: World.member)?.username == "alice")
            #expect(try await queries.isUsernameTaken("bob"))
            #expect(try await !queries.isUsernameTaken("carol"))
            #expect(try await queries.membersWithAccount([World.member, World.organizer]) == [World.member])
        }
    }
}
