import Clocks
import Foundation
import Lending
import PanelSimulator
import PanelTesting
import Postgres
import Pterodactyl
import Testing

/// Every transition of the state machine and every refusal, against a real database and the
/// panel simulator.
@Suite("Workflow transitions")
struct WorkflowTransitionTests {
    typealias World = LendingWorld

    @Test("a request is stored PENDING with its panel users and an audit row by the applicant")
    func filing() async throws {
        try await World.with { world in
            let workflow = try await world.file(panelUsers: [World.member, World.otherMember])
            #expect(workflow.status == .pending)
            #expect(workflow.pteroServerId == nil)
            let users = try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: world.pool).map(\.discordId)
            #expect(users == [World.member, World.otherMember])
            let audit = try await AuditTable.list(workflowId: workflow.id, on: world.pool)
            #expect(audit.map(\.action) == [.request])
            #expect(audit.first?.actor == World.member)
            #expect(audit.first?.toStatus == .pending)
        }
    }

    @Test("many members filing at once: each request's panel users, audit row and queued post belong to that request")
    func concurrentFilingsByMembers() async throws {
        try await World.with { world in
            let members = (0..<24).map { "30000000000000\(String(format: "%04d", $0))" }
            let filed = try await withThrowingTaskGroup(of: (String, WorkflowRecord).self) { group in
                for member in members {
                    group.addTask {
                        let request = NewWorkflow(applicantDiscordId: member, description: "Event of \(member)", mcVersion: "1.21.4",
                                                  periodDays: 7, organizerDiscordId: World.organizer)
                        return (member, try await world.service.file(request, panelUsers: [member, World.otherMember]))
                    }
                }
                return try await group.reduce(into: [String: WorkflowRecord]()) { $0[$1.0] = $1.1 }
            }
            #expect(filed.count == members.count)
            for (member, workflow) in filed {
                #expect(workflow.applicantDiscordId == member)
                #expect(workflow.description == "Event of \(member)")
                let users = try await WorkflowPanelUserTable.list(workflowId: workflow.id, on: world.pool).map(\.discordId)
                #expect(users == [member, World.otherMember])
                let audit = try await AuditTable.list(workflowId: workflow.id, on: world.pool)
                #expect(audit.map(\.actor) == [member])
                let post = try await world.pool.query("""
                    SELECT "workflowId" FROM "NoticeOutbox" WHERE "key" = \("filed-\(workflow.id)")
                    """).first?.decode("workflowId", as: Int.self)
                #expect(post == workflow.id)
            }
            let rows = try await world.pool.query("""
                SELECT (SELECT count(*)::int FROM "WorkflowPanelUser") AS "users", (SELECT count(*)::int FROM "WorkflowAudit") AS "audit",
                       (SELECT count(*)::int FROM "NoticeOutbox") AS "posts"
                """).first
            #expect(try rows?.decode("users", as: Int.self) == 2 * members.count)
            #expect(try rows?.decode("audit", as: Int.self) == members.count)
            #expect(try rows?.decode("posts", as: Int.self) == members.count)
        }
    }

    static let badRequests: [(String, NewWorkflow, [String], String)] = {
        let good = NewWorkflow(applicantDiscordId: World.member, description: "Event", mcVersion: "1.21", periodDays: 7, organizerDiscordId: World.organizer)
        func with(_ change: (inout NewWorkflow) -> Void) -> NewWorkflow {
            var copy = good
            change(&copy)
            return copy
        }
        return [
            ("empty description", with { $0.description = "  " }, [World.member], "description"),
            ("101 characters", with { $0.description = String(repeating: "あ", count: 101) }, [World.member], "description"),
            ("control character", with { $0.description = "a\u{0}b" }, [World.member], "description"),
            ("version 1.x", with { $0.mcVersion = "1.x" }, [World.member], "mcVersion"),
            ("version 2.0", with { $0.mcVersion = "2.0" }, [World.member], "mcVersion"),
            ("period 0", with { $0.periodDays = 0 }, [World.member], "periodDays"),
            ("period 31", with { $0.periodDays = 31 }, [World.member], "periodDays"),
            ("organizer not an id", with { $0.organizerDiscordId = "someone" }, [World.member], "organizer"),
            ("no panel users", good, [], "panelUsers"),
            ("eleven panel users", good, (0..<11).map { "3000000000000000\($0 + 10)" }, "panelUsers"),
            ("a panel user twice", good, [World.member, World.member], "panelUsers"),
        ]
    }()

    @Test("an invalid request is refused naming the field, and nothing is stored", arguments: badRequests.indices)
    func invalidRequest(index: Int) async throws {
        let (_, request, panelUsers, field) = Self.badRequests[index]
        try await World.with(servers: 1) { world in
            await #expect {
                _ = try await world.service.file(request, panelUsers: panelUsers)
            } throws: { error in
                guard case LendingError.invalidRequest(let named, _) = error else { return false }
                return named == field
            }
            let count = try await world.pool.query("SELECT count(*)::int AS n FROM \"Workflow\"").first?.decode("n", as: Int.self)
            #expect(count == 0)
        }
    }

    @Test("approval reserves a server, then the task creates the account, grants access and makes the loan ACTIVE")
    func approval() async throws {
        try await World.with { world in
            let workflow = try await world.file()
            let approval = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "Alice_01"])
            #expect(approval.serverAlias == "server01")
            #expect(approval.workflow.status == .pending)
            #expect(approval.workflow.pteroServerId == World.serverIdentifier(1))
            try await world.drainTasks()

            let active = try #require(try await world.workflow(workflow.id))
            #expect(active.status == .active)
            // The loan starts at its activation, once the server is installed and started.
            let approvedAt = try #require(approval.task.approvalInput?.approvedAt)
            let startDate = try #require(active.startDate)
            #expect(startDate > approvedAt)
            #expect(active.endDate == startDate.addingTimeInterval(7 * 86_400))

            let account = try #require(try await PterodactylUserTable.find(discordId: World.member, on: world.pool))
            #expect(account.username == "alice_01")
            #expect(account.email == "alice_01@kpw.local")
            #expect(world.simulator.user(username: "alice_01") != nil)
            let subusers = world.simulator.subusers(of: World.serverIdentifier(1))
            #expect(subusers.map(\.email) == ["alice_01@kpw.local"])
            let permissions = Set(subusers.first?.permissions ?? [])
            #expect(permissions.isSuperset(of: ["control.start", "file.read"]))
            #expect(subusers.first?.permissions.contains("backup.delete") == false)
            #expect(world.simulator.server(World.serverIdentifier(1))?.description == "Name 0001 Summer build contest")
            #expect(world.community.roleGrants == [World.member])

            let notices = world.notifier.notices.filter { if case .approvalProgress = $0 { false } else { true } }
            #expect(notices.count == 2)
            guard case .loanApproved(let summary, let organizer) = notices.first else { Issue.record("no approval notice"); return }
            #expect(organizer == World.organizer)
            #expect(summary.serverAlias == "server01")
            #expect(summary.connectionAddress == "mc1.kpw.local:25565")
            guard case .panelAccessGranted(_, let user, let username) = notices.last else { Issue.record("no access notice"); return }
            #expect(user == World.member)
            #expect(username == "alice_01")
        }
    }

    @Test("approval is refused without a valid, free username for each member lacking an account, and changes nothing")
    func usernameRules() async throws {
        try await World.with { world in
            let first = try await world.activeLoan(panelUsers: [World.member], usernames: [World.member: "taken"])
            let workflow = try await world.file(panelUsers: [World.otherMember, World.member])
            #expect(try await world.service.usersWithoutAccount(workflow.id) == [World.otherMember])
            #expect(try await WorkflowTable.list(organizer: World.organizer, status: .active, on: world.pool).map(\.id) == [first.id])
            await #expect(throws: LendingError.usernameMissing(discordId: World.otherMember)) {
                _ = try await world.service.approve(workflow.id, by: World.moderator)
            }
            await #expect(throws: LendingError.usernameInvalid("-bad-")) {
                _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.otherMember: "-bad-"])
            }
            await #expect(throws: LendingError.usernameTaken("taken")) {
                _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.otherMember: "Taken"])
            }
            let unchanged = try #require(try await world.workflow(workflow.id))
            #expect(unchanged.status == .pending)
            #expect(unchanged.pteroServerId == nil)
            #expect(try await TaskTable.list(workflowId: workflow.id, on: world.pool).isEmpty)
            #expect(try await world.workflow(first.id)?.status == .active)
        }
    }

    @Test("a username chosen for one approval in progress cannot be chosen for another")
    func usernameReservedByOpenApproval() async throws {
        try await World.with { world in
            let a = try await world.file(panelUsers: [World.member])
            let b = try await world.file(panelUsers: [World.otherMember])
            _ = try await world.service.approve(a.id, by: World.moderator, usernames: [World.member: "samename"])
            await #expect(throws: LendingError.usernameTaken("samename")) {
                _ = try await world.service.approve(b.id, by: World.moderator, usernames: [World.otherMember: "samename"])
            }
        }
    }

    @Test("a second approval is told one is in progress, and after it finished, who approved")
    func doubleApprove() async throws {
        try await World.with { world in
            let workflow = try await world.file()
            let names = [World.member: "alice"]
            _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: names)
            await #expect(throws: LendingError.approvalInProgress(id: workflow.id, by: World.moderator)) {
                _ = try await world.service.approve(workflow.id, by: "100000000000000002", usernames: names)
            }
            try await world.drainTasks()
            await #expect(throws: LendingError.alreadyDecided(id: workflow.id, status: .active, by: World.moderator)) {
                _ = try await world.service.approve(workflow.id, by: "100000000000000002", usernames: names)
            }
            #expect(try await TaskTable.list(workflowId: workflow.id, on: world.pool).count == 1)
        }
    }

    @Test("two moderators approving at once: exactly one approval, the other told it is in progress")
    func concurrentApprove() async throws {
        try await World.with { world in
            let workflow = try await world.file()
            let outcomes = try await withThrowingTaskGroup(of: Result<Int, LendingError>.self) { group in
                for moderator in ["100000000000000001", "100000000000000002"] {
                    group.addTask {
                        do {
                            return .success(try await world.service.approve(workflow.id, by: moderator, usernames: [World.member: "alice"]).task.id)
                        } catch let error as LendingError {
                            return .failure(error)
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(outcomes.filter { if case .success = $0 { true } else { false } }.count == 1)
            #expect(outcomes.contains { if case .failure(.approvalInProgress) = $0 { true } else { false } })
        }
    }

    @Test("rejection records the reason and actor; a second rejection or a later approval says who rejected")
    func reject() async throws {
        try await World.with { world in
            let workflow = try await world.file()
            let rejected = try await world.service.reject(workflow.id, by: World.moderator, reason: " dates clash ")
            #expect(rejected.status == .rejected)
            await #expect(throws: LendingError.alreadyDecided(id: workflow.id, status: .rejected, by: World.moderator)) {
                _ = try await world.service.reject(workflow.id, by: "100000000000000002", reason: nil)
            }
            await #expect(throws: LendingError.alreadyDecided(id: workflow.id, status: .rejected, by: World.moderator)) {
                _ = try await world.service.approve(workflow.id, by: World.moderator, usernames: [World.member: "alice"])
            }
            let last = try #require(try await AuditTable.list(workflowId: workflow.id, on: world.pool).last)
            #expect(last.action == .reject)
            #expect(last.detail == ["reason": "dates clash"])
            #expect(last.fromStatus == .pending && last.toStatus == .rejected)
            // The applicant, not the organizer, hears it, with the reason.
            guard case .requestRejected(let summary, let applicant, let reason, _) = world.notifier.notices.last else {
                Issue.record("the applicant was not told")
                return
            }
            #expect(summary.workflowId == workflow.id && applicant == World.member && reason == "dates clash")
        }
    }

    @Test("a named server is used if free; a held or unknown one is refused")
    func namedServer() async throws {
        try await World.with { world in
            let a = try await world.file()
            let b = try await world.file()
            let approval = try await world.service.approve(a.id, by: World.moderator, serverAlias: "server02", usernames: [World.member: "alice"])
            #expect(approval.workflow.pteroServerId == World.serverIdentifier(2))
            await #expect(throws: LendingError.serverNotFree(alias: "server02", heldBy: a.id)) {
                _ = try await world.service.approve(b.id, by: World.moderator, serverAlias: "server02", usernames: [World.member: "alice2"])
            }
            await #expect(throws: LendingError.serverNotFound(alias: "server09")) {
                _ = try await world.service.approve(b.id, by: World.moderator, serverAlias: "server09", usernames: [World.member: "alice2"])
            }
        }
    }

    @Test("with no free server the request stays PENDING without a server and the error says so")
    func noFreeServer() async throws {
        try await World.with(servers: 1) { world in
            _ = try await world.activeLoan()
            let second = try await world.file(panelUsers: [World.otherMember])
            await #expect(throws: LendingError.noFreeServer) {
                _ = try await world.service.approve(second.id, by: World.moderator, usernames: [World.otherMember: "bob"])
            }
            let unchanged = try #require(try await world.workflow(second.id))
            #expect(unchanged.status == .pending && unchanged.pteroServerId == nil)
        }
    }

    @Test("moderator extension: PENDING gets whole days to the date, ACTIVE ends at the end of that day in TIMEZONE")
    func moderatorExtend() async throws {
        try await World.with { world in
            let zone = world.policy.timeZone
            let today = CalendarDate(containing: world.clock.date, in: zone)
            let pending = try await world.file()
            await #expect(throws: LendingError.dateNotInFuture(today)) {
                _ = try await world.service.extend(pending.id, by: World.moderator, to: today)
            }
            let inTen = try #require(CalendarDate(containing: world.clock.date.addingTimeInterval(10 * 86_400), in: zone) as CalendarDate?)
            let extended = try await world.service.extend(pending.id, by: World.moderator, to: inTen)
            #expect(extended.periodDays == 10)

            let active = try await world.activeLoan(panelUsers: [World.otherMember])
            let target = try #require(CalendarDate(year: today.year + 1, month: 1, day: 15))
            let moved = try await world.service.extend(active.id, by: World.moderator, to: target)
            #expect(moved.endDate == target.end(in: zone))
            #expect(CalendarDate(containing: try #require(moved.endDate), in: zone) == target)
            let yesterday = try #require(CalendarDate(containing: world.clock.date.addingTimeInterval(-86_400), in: zone) as CalendarDate?)
            await #expect(throws: LendingError.endBeforeNow(yesterday)) {
                _ = try await world.service.extend(active.id, by: World.moderator, to: yesterday)
            }

            let rejected = try await world.file()
            _ = try await world.service.reject(rejected.id, by: World.moderator, reason: nil)
            await #expect(throws: LendingError.notAllowed(id: rejected.id, status: .rejected, action: "extended")) {
                _ = try await world.service.extend(rejected.id, by: World.moderator, to: target)
            }
        }
    }

    @Test("the organizer's own extension adds CHECKOUT_EXTEND_DAYS once per click they saw; others are refused")
    func organizerExtend() async throws {
        try await World.with { world in
            let loan = try await world.activeLoan()
            let end = try #require(loan.endDate)
            await #expect(throws: LendingError.notOrganizer(id: loan.id)) {
                _ = try await world.service.extendOwn(loan.id, by: World.member, seenEndDate: end)
            }
            let extended = try await world.service.extendOwn(loan.id, by: World.organizer, seenEndDate: end)
            #expect(extended.endDate == end.addingTimeInterval(7 * 86_400))
            await #expect(throws: LendingError.endDateChanged(id: loan.id, current: extended.endDate)) {
                _ = try await world.service.extendOwn(loan.id, by: World.organizer, seenEndDate: end)
            }
        }
    }

    @Test("the organizer extends a loan CHECKOUT_EXTEND_LIMIT times at most; moderators are told of each one and can still extend")
    func extendLimit() async throws {
        try await World.with(adjustPolicy: { $0.extendLimit = 2 }) { world in
            let loan = try await world.activeLoan()
            let first = try await world.service.extendOwn(loan.id, by: World.organizer, seenEndDate: loan.endDate)
            let second = try await world.service.extendOwn(loan.id, by: World.organizer, seenEndDate: first.endDate)
            await #expect(throws: LendingError.extendLimitReached(id: loan.id, limit: 2)) {
                _ = try await world.service.extendOwn(loan.id, by: World.organizer, seenEndDate: second.endDate)
            }
            #expect(try await world.workflow(loan.id)?.endDate == second.endDate)
            let told = world.notifier.notices.compactMap { notice -> Date? in
                if case .loanExtendedByOrganizer(let summary, let previous, let days) = notice, days == 7, summary.workflowId == loan.id { previous } else { nil }
            }
            #expect(told == [loan.endDate, first.endDate].compactMap { $0 })
            // A moderator's extension is not the organizer's and is not limited.
            let date = CalendarDate(containing: try #require(second.endDate).addingTimeInterval(10 * 86_400), in: world.policy.timeZone)
            _ = try await world.service.extend(loan.id, by: World.moderator, to: date)
        }
        try await World.with { world in
            let loan = try await world.activeLoan()
            _ = try await world.service.extendOwn(loan.id, by: World.organizer)
            await #expect(throws: LendingError.extendLimitReached(id: loan.id, limit: 1)) {
                _ = try await world.service.extendOwn(loan.id, by: World.organizer)
            }
        }
    }

    @Test("return: only the organizer or a moderator may ask, twice does one thing, and the loan ends RETURNED without access")
    func returnLoan() async throws {
        try await World.with { world in
            let loan = try await world.activeLoan()
            await #expect(throws: LendingError.notOrganizer(id: loan.id)) {
                _ = try await world.service.requestReturn(loan.id, by: World.member, asModerator: false)
            }
            _ = try await world.service.requestReturn(loan.id, by: World.organizer, asModerator: false)
            await #expect(throws: LendingError.returnInProgress(id: loan.id, by: World.organizer)) {
                _ = try await world.service.requestReturn(loan.id, by: World.moderator, asModerator: true)
            }
            await #expect(throws: LendingError.returnInProgress(id: loan.id, by: World.organizer)) {
                _ = try await world.service.extendOwn(loan.id, by: World.organizer)
            }
            try await world.drainTasks()
            let returned = try #require(try await world.workflow(loan.id))
            #expect(returned.status == .returned)
            #expect(world.simulator.subusers(of: World.serverIdentifier(1)).isEmpty)
            await #expect(throws: LendingError.alreadyDecided(id: loan.id, status: .returned, by: World.organizer)) {
                _ = try await world.service.requestReturn(loan.id, by: World.organizer, asModerator: false)
            }
            let returnedNotices = world.notifier.notices.filter { if case .loanReturned = $0 { true } else { false } }
            #expect(returnedNotices.count == 2)
            guard case .loanReturned(_, _, let archive) = returnedNotices.first else {
                Issue.record("no return notice")
                return
            }
            #expect(archive == .notConfigured)
        }
    }

    @Test("a binding whose server is held cannot be unset or repointed; a free one can, after the panel confirms the server")
    func bindings() async throws {
        try await World.with(servers: 3) { world in
            let loan = try await world.activeLoan()
            await #expect(throws: LendingError.bindingInUse(alias: "server01", workflowId: loan.id)) {
                try await world.service.unbind("server01")
            }
            let usage = try await ServerBindingTable.listWithHolders(on: world.pool)
            #expect(usage.map(\.binding.name) == ["server01", "server02", "server03"])
            #expect(usage.map(\.holder?.id) == [loan.id, nil, nil])
            try await world.service.unbind("server02")
            await #expect(throws: LendingError.bindingInUse(alias: "server01", workflowId: loan.id)) {
                _ = try await world.service.bind("server01", to: World.serverIdentifier(2))
            }
            #expect(try await ServerBindingTable.find(name: "server02", on: world.pool) == nil)
            _ = try await world.service.bind("server02", to: World.serverIdentifier(2))
            await #expect {
                _ = try await world.service.bind("server09", to: "ffffffff")
            } throws: { error in
                if case LendingError.invalidRequest(field: "ptero-id", _) = error { true } else { false }
            }
            await #expect {
                _ = try await world.service.bind("server04", to: World.serverIdentifier(3))
            } throws: { error in
                if case LendingError.invalidRequest(field: "ptero-id", _) = error { true } else { false }
            }
        }
    }

    @Test("the audit table holds one row per change, in order, with the right actor")
    func auditTrail() async throws {
        try await World.with { world in
            let loan = try await world.activeLoan()
            _ = try await world.service.extendOwn(loan.id, by: World.organizer)
            _ = try await world.service.requestReturn(loan.id, by: World.moderator, asModerator: true)
            try await world.drainTasks()
            let audit = try await AuditTable.list(workflowId: loan.id, on: world.pool)
            let rows = audit.map { "\($0.action.rawValue) \($0.actor) \($0.fromStatus?.rawValue ?? "-")→\($0.toStatus?.rawValue ?? "-")" }
            #expect(rows == [
                "request \(World.member) -→PENDING",
                "approval-requested \(World.moderator) PENDING→PENDING",
                "approve \(World.moderator) PENDING→ACTIVE",
                "extend \(World.organizer) ACTIVE→ACTIVE",
                "return-requested \(World.moderator) ACTIVE→ACTIVE",
                "return \(World.moderator) ACTIVE→RETURNED",
            ])
        }
    }
}

@Suite("Dates the store can read back")
struct LatestDateTests {
    typealias World = LendingWorld

    @Test("an end date past 9999-12-30 is refused at input, naming the last day; the last day itself round-trips west of UTC")
    func yearTenThousand() async throws {
        try await World.with(servers: 1, adjustPolicy: { $0.timeZone = TimeZone(identifier: "America/Los_Angeles") ?? .current }) { world in
            let loan = try await world.activeLoan()
            let tooLate = try #require(CalendarDate(year: 9999, month: 12, day: 31))
            await #expect(throws: LendingError.dateTooLate(tooLate)) {
                _ = try await world.service.extend(loan.id, by: World.moderator, to: tooLate)
            }
            #expect(try await world.workflow(loan.id) == loan, "nothing was written")
            #expect(LendingError.dateTooLate(tooLate).description.contains("9999-12-30"))

            let last = try await world.service.extend(loan.id, by: World.moderator, to: CalendarDate.latest)
            #expect(try await world.workflow(loan.id)?.endDate == last.endDate, "the last day reads back")
            await #expect(throws: LendingError.dateTooLate(CalendarDate.latest.addingDaysForTest(7))) {
                _ = try await world.service.extendOwn(loan.id, by: World.organizer)
            }
        }
    }
}

extension CalendarDate {
    /// The day `days` later, for expectations only.
    func addingDaysForTest(_ days: Int) -> CalendarDate {
        let utc = TimeZone(identifier: "UTC") ?? .current
        return CalendarDate(containing: start(in: utc).addingTimeInterval(Double(days) * 86_400 + 43_200), in: utc)
    }
}

@Suite("Per-member limits")
struct MemberLimitTests {
    typealias World = LendingWorld

    @Test("a member with two open requests is refused a third, clearly, and nothing is stored; a decided one frees a place")
    func openRequests() async throws {
        try await World.with(servers: 1, adjustPolicy: { $0.maxOpenRequests = 2 }) { world in
            let first = try await world.file()
            _ = try await world.file()
            await #expect(throws: LendingError.tooManyOpenRequests(limit: 2)) { _ = try await world.file() }
            #expect(LendingError.tooManyOpenRequests(limit: 2).description.contains("2 open requests"))
            let stored = try await world.pool.query(#"SELECT count(*)::int AS n FROM "Workflow""#, named: "count requests")
            #expect(try stored.first?.decode("n", as: Int.self) == 2)
            _ = try await world.service.reject(first.id, by: World.moderator, reason: nil)
            _ = try await world.file()
        }
    }

    @Test("a filing counts the member's open requests through the applicant/status index, not by reading every request")
    func openRequestsUseIndex() async throws {
        try await withLendingDatabase { pool in
            try await pool.query("""
                INSERT INTO "Workflow" ("applicantDiscordId", "description", "mcVersion", "periodDays", "organizerDiscordId", "status", "updatedAt")
                SELECT (1000 + i % 1000)::text, 'x', '1.21', 7, '1', (CASE WHEN i % 10 = 0 THEN 'PENDING' ELSE 'RETURNED' END)::"WorkflowStatus", now()
                FROM generate_series(1, 20000) AS i
                """)
            try await pool.query("ANALYZE \"Workflow\"")
            // The statement `WorkflowService.openRequests(of:)` sends, with a member's id in place.
            let plan = try await pool.query("""
                EXPLAIN SELECT count(*)::int AS "open" FROM "Workflow" WHERE "applicantDiscordId" = '1042' AND "status" IN ('PENDING', 'ACTIVE')
                """).rows.map { try $0.decode(0, as: String.self) }.joined(separator: "\n")
            #expect(plan.contains("Workflow_applicantDiscordId_status_idx"), "plan:\n\(plan)")
        }
    }

    @Test("concurrent filings by one member stop at the limit")
    func concurrentFilings() async throws {
        try await World.with(servers: 1, adjustPolicy: { $0.maxOpenRequests = 2 }) { world in
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 { group.addTask { (try? await world.file()) != nil } }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 2)
        }
    }

    @Test("password resets are recorded, three an hour; the fourth is refused until the oldest is an hour old")
    func passwordResets() async throws {
        try await World.with(servers: 1) { world in
            for _ in 0..<3 {
                try await world.service.recordPasswordReset(by: World.member)
                world.simulator.advance(by: .seconds(60))
            }
            let start = world.clock.date.addingTimeInterval(-180)
            let refusal = await #expect(throws: LendingError.self) { try await world.service.recordPasswordReset(by: World.member) }
            guard case .tooManyPasswordResets(3, let retryAt)? = refusal else { Issue.record("\(String(describing: refusal))"); return }
            #expect(abs(retryAt.timeIntervalSince(start.addingTimeInterval(3_600))) < 0.01, "an hour after the oldest")
            try await world.service.recordPasswordReset(by: World.otherMember)
            world.simulator.advance(by: .seconds(3_600 - 180 + 1))
            try await world.service.recordPasswordReset(by: World.member)
            let rows = try await PasswordResetTable.list(discordId: World.member, since: Date(timeIntervalSince1970: 0), on: world.pool)
            #expect(rows.count == 4, "every allowed reset is audited")
        }
    }
}
