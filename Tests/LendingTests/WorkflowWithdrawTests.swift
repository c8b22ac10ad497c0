import Foundation
import Lending
import PanelTesting
import Pterodactyl
import Postgres
import PanelSimulator
import Testing

/// A member withdrawing their own PENDING request, and what `/mcserver mine` reads.
@Suite("Withdrawing a request and a member's own requests")
struct WorkflowWithdrawTests {
    typealias World = LendingWorld

    @Test("the applicant withdraws a PENDING request: REJECTED, audited as withdraw by them, the moderators told; a second withdrawal says who")
    func applicantWithdraws() async throws {
        try await World.with { world in
            let workflow = try await world.file()
            let withdrawn = try await world.service.withdraw(workflow.id, by: World.member)
            #expect(withdrawn.status == .rejected)
            #expect(withdrawn.pteroServerId == nil)
            let last = try #require(try await AuditTable.list(workflowId: workflow.id, on: world.pool).last)
            #expect(last.action == .withdraw && last.actor == World.member)
            #expect(last.fromStatus == .pending && last.toStatus == .rejected)
            #expect(world.notifier.notices.contains { notice in
                if case .requestWithdrawn(let summary, let by) = notice { return summary.workflowId == workflow.id && by == World.member }
                return false
            })
            await #expect(throws: LendingError.alreadyDecided(id: workflow.id, status: .rejected, by: World.member)) {
                _ = try await world.service.withdraw(workflow.id, by: World.member)
            }
            await #expect(throws: LendingError.alreadyDecided(id: workflow.id, status: .rejected, by: World.member)) {
                _ = try await world.service.approve(workflow.id, by: World.moderator)
            }
            #expect(try await world.tasks(workflowId: workflow.id).isEmpty)
        }
    }

    @Test("the organizer may withdraw too; anyone else is refused and nothing changes")
    func onlyApplicantOrOrganizer() async throws {
        try await World.with { world in
            let first = try await world.file()
            await #expect(throws: LendingError.notApplicant(id: first.id)) {
                _ = try await world.service.withdraw(first.id, by: World.otherMember)
            }
            await #expect(throws: LendingError.notApplicant(id: first.id)) {
                _ = try await world.service.withdraw(first.id, by: World.moderator)
            }
            #expect(try await world.workflow(first.id)?.status == .pending)
            #expect(try await AuditTable.list(workflowId: first.id, on: world.pool).map(\.action) == [.request])
            let byOrganizer = try await world.service.withdraw(first.id, by: World.organizer)
            #expect(byOrganizer.status == .rejected)
            await #expect(throws: LendingError.workflowNotFound(id: 999_999)) {
                _ = try await world.service.withdraw(999_999, by: World.member)
            }
        }
    }

    @Test("an ACTIVE loan cannot be withdrawn, nor asked to be; it stays lent")
    func activeIsRefused() async throws {
        try await World.with { world in
            let loan = try await world.activeLoan()
            await #expect(throws: LendingError.notAllowed(id: loan.id, status: .active, action: "withdrawn")) {
                _ = try await world.service.withdraw(loan.id, by: World.member)
            }
            await #expect(throws: LendingError.notAllowed(id: loan.id, status: .active, action: "withdrawn")) {
                _ = try await world.service.withdrawable(loan.id, by: World.organizer)
            }
            let after = try #require(try await world.workflow(loan.id))
            #expect(after.status == .active && after.pteroServerId == loan.pteroServerId)
        }
    }

    @Test("while the approval is queued the withdrawal is refused and the reservation stays")
    func refusedWhileApproving() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file()
            let approval = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            await #expect(throws: LendingError.approvalInProgress(id: workflow.id, by: World.moderator)) {
                _ = try await world.service.withdraw(workflow.id, by: World.member)
            }
            let held = try #require(try await world.workflow(workflow.id))
            #expect(held.status == .pending && held.pteroServerId == World.serverIdentifier(1))
            #expect(try await world.tasks(workflowId: workflow.id).map(\.id) == [approval.task.id])
        }
    }

    @Test("withdrawing a request whose approval failed cancels it, queues the release and frees the server, as a rejection does")
    func withdrawAfterFailedApproval() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file(panelUsers: [World.member, World.otherMember])
            _ = try await world.panelWorld.client.createUser(.init(username: "bob", email: "bob@elsewhere.example", firstName: "B", lastName: "C"))
            _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice", World.otherMember: "bob"])
            try await world.drainTasks()
            #expect(try await world.tasks(workflowId: workflow.id).map(\.state) == [.failed])
            let withdrawn = try await world.service.withdraw(workflow.id, by: World.member)
            #expect(withdrawn.status == .rejected && withdrawn.pteroServerId == nil)
            let tasks = try await world.tasks(workflowId: workflow.id)
            #expect(tasks.map(\.kind) == [.approve, .release])
            #expect(tasks.first?.state == .cancelled)
            #expect(tasks.last?.actor == World.member)
            let audit = try #require(try await AuditTable.list(workflowId: workflow.id, on: world.pool).last)
            #expect(audit.action == .withdraw && audit.detail["releasedServer"] == World.serverIdentifier(1))
            try await world.drainTasks()
            #expect(world.simulator.subusers(of: World.serverIdentifier(1)).isEmpty)
            let next = try await world.file(panelUsers: [World.member])
            #expect(try await world.service.approve(next.id, by: World.moderator).serverAlias == "server01")
        }
    }

    @Test("a withdrawal racing an approval: exactly one wins, and the request is consistent either way", arguments: 0..<6)
    func raceWithApprove(round: Int) async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file()
            async let approved: Result<WorkflowService.Approval, LendingError> = Self.outcome {
                try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice\(round)"])
            }
            async let withdrawn: Result<WorkflowRecord, LendingError> = Self.outcome {
                try await world.service.withdraw(workflow.id, by: World.member)
            }
            let (approval, withdrawal) = await (approved, withdrawn)
            let stored = try #require(try await world.workflow(workflow.id))
            let tasks = try await world.tasks(workflowId: workflow.id)
            switch (approval, withdrawal) {
            case (.success, .failure(let error)):
                #expect(error == .approvalInProgress(id: workflow.id, by: World.moderator))
                #expect(stored.status == .pending && stored.pteroServerId == World.serverIdentifier(1))
                #expect(tasks.map(\.kind) == [.approve])
            case (.failure(let error), .success):
                #expect(error == .alreadyDecided(id: workflow.id, status: .rejected, by: World.member))
                #expect(stored.status == .rejected && stored.pteroServerId == nil)
                #expect(tasks.isEmpty)
            default:
                Issue.record("not exactly one winner: \(approval) / \(withdrawal)")
            }
        }
    }

    static func outcome<T: Sendable>(_ body: () async throws -> T) async -> Result<T, LendingError> {
        do {
            return .success(try await body())
        } catch let error as LendingError {
            return .failure(error)
        } catch {
            return .failure(.invalidRequest(field: "unexpected", rule: "\(error)"))
        }
    }

    @Test("ownRequests lists what the member filed, organizes or uses, active first, with the actions that apply to each")
    func ownRequests() async throws {
        try await World.with(servers: 2) { world in
            let loan = try await world.activeLoan()
            let pending = try await world.file(description: "Later event")
            let other = try await world.service.file(NewWorkflow(applicantDiscordId: World.otherMember, description: "Not hers", mcVersion: "1.21.4",
                                                                 periodDays: 3, organizerDiscordId: World.otherMember), panelUsers: [World.otherMember])
            let rejected = try await world.file(description: "Dropped")
            _ = try await world.service.reject(rejected.id, by: World.moderator, reason: nil)

            // The organizer: the active loan (extend, return) and the two requests they organize.
            let organizer = try await world.service.ownRequests(of: World.organizer, limit: 10)
            #expect(organizer.shown.map(\.workflow.id) == [loan.id, pending.id, rejected.id])
            #expect(organizer.total == 3)
            let active = try #require(organizer.shown.first)
            #expect(active.canExtend && active.canReturn && !active.canWithdraw)
            #expect(active.serverAlias != nil && active.address != nil)
            #expect(organizer.shown[1].canWithdraw && !organizer.shown[1].canReturn)
            #expect(!organizer.shown[2].canWithdraw)

            // The member is applicant and panel user: no return or extension of a loan they do
            // not organize, but they may withdraw what they filed.
            let member = try await world.service.ownRequests(of: World.member, limit: 2)
            #expect(member.shown.map(\.workflow.id) == [loan.id, pending.id])
            #expect(member.total == 3)
            #expect(!member.shown[0].canExtend && !member.shown[0].canReturn)
            #expect(member.shown[1].canWithdraw)
            #expect(member.shown[0].panelUsers == [World.member])
            #expect(try await world.service.ownRequests(of: World.otherMember, limit: 10).shown.map(\.workflow.id) == [other.id])
            #expect(try await LendingQueries(pool: world.pool).withdrawableRequests(of: World.member).map(\.id) == [pending.id])
        }
    }
}
