import Clocks
import Foundation
import Lending
import Testing

/// A moderator's edit of a request or loan: what may change in each status, the filing rules,
/// the audit row, and that an ACTIVE loan's dates survive an edit.
@Suite("Editing a request")
struct WorkflowEditTests {
    typealias World = LendingWorld

    @Test("a PENDING request takes a new purpose, version and period, with one audit row naming the changes")
    func pending() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file(description: "Build contest", periodDays: 7)
            let edited = try await world.service.edit(workflow.id, by: World.moderator, description: "  Build contest finals ",
                                                      mcVersion: "1.20.1", periodDays: 12)
            #expect(edited.status == .pending)
            #expect(edited.description == "Build contest finals")
            #expect(edited.mcVersion == "1.20.1")
            #expect(edited.periodDays == 12)
            #expect(try await world.workflow(workflow.id) == edited)
            let audit = try await AuditTable.list(workflowId: workflow.id, on: world.pool)
            #expect(audit.map(\.action) == [.request, .edit])
            let entry = try #require(audit.last)
            #expect(entry.actor == World.moderator)
            #expect(entry.fromStatus == .pending && entry.toStatus == .pending)
            #expect(entry.detail == ["description": "Build contest→Build contest finals", "mcVersion": "1.21.4→1.20.1", "periodDays": "7→12"])
        }
    }

    @Test("an edit that changes nothing writes nothing")
    func unchanged() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file()
            let same = try await world.service.edit(workflow.id, by: World.moderator, description: workflow.description,
                                                    mcVersion: workflow.mcVersion, periodDays: workflow.periodDays)
            #expect(same == workflow)
            #expect(try await AuditTable.list(workflowId: workflow.id, on: world.pool).map(\.action) == [.request])
        }
    }

    @Test("an ACTIVE loan takes a new purpose and version but keeps its start and extended end date")
    func activeKeepsDates() async throws {
        try await World.with(servers: 1) { world in
            let loan = try await world.activeLoan()
            let zone = world.policy.timeZone
            let today = CalendarDate(containing: world.clock.date, in: zone)
            let target = try #require(CalendarDate(year: today.year + 1, month: 2, day: 20))
            let extended = try await world.service.extend(loan.id, by: World.moderator, to: target)

            let edited = try await world.service.edit(loan.id, by: World.moderator, description: "Finals", mcVersion: "latest")
            #expect(edited.status == .active)
            #expect(edited.description == "Finals" && edited.mcVersion == "latest")
            #expect(edited.startDate == loan.startDate)
            #expect(edited.endDate == extended.endDate)
            #expect(edited.endDate == target.end(in: zone))
            #expect(edited.periodDays == loan.periodDays)
            #expect(edited.pteroServerId == loan.pteroServerId)

            // The same period is not a change; another one is refused, and nothing is written.
            _ = try await world.service.edit(loan.id, by: World.moderator, periodDays: loan.periodDays)
            await #expect {
                _ = try await world.service.edit(loan.id, by: World.moderator, description: "Other", periodDays: loan.periodDays + 3)
            } throws: { error in
                guard case LendingError.invalidRequest(let field, _) = error else { return false }
                return field == "periodDays"
            }
            #expect(try await world.workflow(loan.id) == edited)
        }
    }

    @Test("a period a moderator's extension set beyond the members' maximum does not block editing the purpose")
    func extendedPeriod() async throws {
        try await World.with(servers: 1) { world in
            let workflow = try await world.file()
            let zone = world.policy.timeZone
            let far = CalendarDate(containing: world.clock.date.addingTimeInterval(60 * 86_400), in: zone)
            let extended = try await world.service.extend(workflow.id, by: World.moderator, to: far)
            #expect(extended.periodDays > world.policy.maxPeriodDays)
            let edited = try await world.service.edit(workflow.id, by: World.moderator, description: "Longer event")
            #expect(edited.description == "Longer event" && edited.periodDays == extended.periodDays)
        }
    }

    @Test("REJECTED and RETURNED requests cannot be edited; an unknown id is named")
    func finalStatuses() async throws {
        try await World.with(servers: 1) { world in
            let rejected = try await world.file()
            _ = try await world.service.reject(rejected.id, by: World.moderator, reason: nil)
            await #expect(throws: LendingError.notAllowed(id: rejected.id, status: .rejected, action: "edited")) {
                _ = try await world.service.edit(rejected.id, by: World.moderator, description: "Again")
            }
            let loan = try await world.activeLoan()
            _ = try await world.service.requestReturn(loan.id, by: World.moderator, asModerator: true)
            await #expect(throws: LendingError.returnInProgress(id: loan.id, by: World.moderator)) {
                _ = try await world.service.edit(loan.id, by: World.moderator, description: "Late change")
            }
            try await world.drainTasks()
            await #expect(throws: LendingError.notAllowed(id: loan.id, status: .returned, action: "edited")) {
                _ = try await world.service.edit(loan.id, by: World.moderator, description: "Again")
            }
            await #expect(throws: LendingError.workflowNotFound(id: 999)) {
                _ = try await world.service.edit(999, by: World.moderator, description: "Nothing")
            }
            let edits = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .edit }
            #expect(edits.isEmpty)
        }
    }

    static let badEdits: [(String, String?, String?, Int?, String)] = [
        ("empty purpose", "   ", nil, nil, "description"),
        ("101 characters", String(repeating: "あ", count: 101), nil, nil, "description"),
        ("control character", "a\u{7}b", nil, nil, "description"),
        ("version 1.x", nil, "1.x", nil, "mcVersion"),
        ("period 0", nil, nil, 0, "periodDays"),
        ("period 31", nil, nil, 31, "periodDays"),
    ]

    @Test("values that filing would refuse are refused naming the field, and nothing changes", arguments: badEdits.indices)
    func invalid(index: Int) async throws {
        let (_, description, version, period, field) = Self.badEdits[index]
        try await World.with(servers: 1) { world in
            let workflow = try await world.file()
            await #expect {
                _ = try await world.service.edit(workflow.id, by: World.moderator, description: description, mcVersion: version, periodDays: period)
            } throws: { error in
                guard case LendingError.invalidRequest(let named, _) = error else { return false }
                return named == field
            }
            #expect(try await world.workflow(workflow.id) == workflow)
        }
    }
}
