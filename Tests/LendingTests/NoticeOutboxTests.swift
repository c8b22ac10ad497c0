import Clocks
import Foundation
import Lending
import PanelSimulator
import PanelTesting
import Postgres
import Testing

/// The notices a decision sends after its commit are queued in its transaction and delivered
/// from the outbox: a failed or never-attempted delivery is retried by the scheduler, once, with
/// backoff; a refusal for good is given up; a request decided before its post went out gets none.
@Suite("The notice outbox")
struct NoticeOutboxTests {
    typealias World = LendingWorld

    struct Queued: Equatable {
        var attempts: Int
        var lastError: String?
        var delivered: Bool
        var abandoned: Bool
    }

    static func queued(_ key: String, in world: World) async throws -> Queued? {
        let rows = try await world.pool.query("""
            SELECT "attempts", "lastError", "deliveredAt" IS NOT NULL AS "delivered", "abandonedAt" IS NOT NULL AS "abandoned"
            FROM "NoticeOutbox" WHERE "key" = \(key)
            """)
        return try rows.first.map { row in
            Queued(attempts: try row.decode("attempts"), lastError: try row.decode("lastError"),
                   delivered: try row.decode("delivered"), abandoned: try row.decode("abandoned"))
        }
    }

    static func rejections(_ world: World) -> [String?] {
        world.notifier.delivered.compactMap { notice in
            if case .requestRejected(_, _, _, let moderator) = notice { moderator } else { nil }
        }
    }

    @Test("a rejection whose notice fails stands; the scheduler delivers the notice once its backoff has passed, and only once")
    func failedNoticeIsRetried() async throws {
        try await World.with { world in
            let workflow = try await world.file()
            world.notifier.failNext(1)
            let rejected = try await world.service.reject(workflow.id, by: World.moderator, reason: "clash")
            #expect(rejected.status == .rejected)
            #expect(Self.rejections(world).isEmpty)
            #expect(try await Self.queued("rejected-\(workflow.id)", in: world)
                == Queued(attempts: 1, lastError: "Discord answered 503", delivered: false, abandoned: false))

            // Not due yet: the first retry waits at least 24 seconds (30 s, jitter down to 80 %).
            #expect(try await world.scheduler.tick().outbox == NoticeOutbox.Report())
            world.simulator.advance(by: .seconds(40))
            #expect(try await world.scheduler.tick().outbox.delivered == 1)
            #expect(Self.rejections(world) == [World.moderator])
            #expect(try await Self.queued("rejected-\(workflow.id)", in: world)?.delivered == true)
            // Later passes find the request's own post no longer needed and send nothing again.
            world.simulator.advance(by: .seconds(3_600))
            let later = try await world.scheduler.tick().outbox
            #expect(later.postponed == 0 && later.abandoned == 0)
            #expect(Self.rejections(world).count == 1)
        }
    }

    @Test("a new request's post that its bot never sent (a stop right after the commit) goes out once the holder's two minutes have passed")
    func neverSentIsTakenOver() async throws {
        try await World.with { world in
            let workflow = try await world.file(panelUsers: [World.member, World.otherMember])
            // One panel user has a panel account already: the post asks a username for the other only.
            _ = try await PterodactylUserTable.insert(discordId: World.otherMember, username: "other", email: "other@example.com",
                                                      at: world.clock.date, on: world.pool)
            // The checkout would call announceFiled after answering the member; this one never does.
            #expect(try await world.scheduler.tick().outbox == NoticeOutbox.Report())
            world.simulator.advance(by: .seconds(121))
            #expect(try await world.scheduler.tick().outbox.delivered == 1)
            let filed = world.notifier.delivered.compactMap { notice -> FiledRequest? in
                if case .requestFiled(let request) = notice { request } else { nil }
            }
            #expect(filed.map(\.workflow.id) == [workflow.id])
            #expect(filed.first?.panelUsers == [World.member, World.otherMember])
            #expect(filed.first?.panelUsersWithAccount == [World.otherMember])
        }
    }

    @Test("with no channel for the moderators, a new request queues no post and sends none; a rejection is still queued for the applicant")
    func noModeratorsChannel() async throws {
        try await World.with { world in
            world.notifier.loseModeratorsChannel()
            let workflow = try await world.file()
            await world.service.announceFiled(workflow)
            #expect(try await Self.queued("filed-\(workflow.id)", in: world) == nil)
            world.simulator.advance(by: .seconds(121))
            _ = try await world.scheduler.tick()
            #expect(world.notifier.deliveries == 0)
            _ = try await world.service.reject(workflow.id, by: World.moderator, reason: nil)
            #expect(Self.rejections(world) == [World.moderator])
            #expect(try await Self.queued("rejected-\(workflow.id)", in: world)?.delivered == true)
        }
    }

    @Test("a request decided before its post went out gets no post; its queued notice is done")
    func decidedBeforeThePost() async throws {
        try await World.with { world in
            let workflow = try await world.file()
            _ = try await world.service.reject(workflow.id, by: World.moderator, reason: nil)
            world.simulator.advance(by: .seconds(121))
            _ = try await world.scheduler.tick()
            #expect(!world.notifier.delivered.contains { if case .requestFiled = $0 { true } else { false } })
            #expect(try await Self.queued("filed-\(workflow.id)", in: world)?.delivered == true)
            #expect(Self.rejections(world) == [World.moderator])
        }
    }

    @Test("a notice refused for good is given up at once, with the reason kept, and never retried")
    func refusedIsAbandoned() async throws {
        try await World.with { world in
            let workflow = try await world.file()
            world.notifier.refuseNext(1)
            _ = try await world.service.withdraw(workflow.id, by: World.member)
            #expect(try await Self.queued("withdrawn-\(workflow.id)", in: world)
                == Queued(attempts: 1, lastError: "the notify channel is gone", delivered: false, abandoned: true))
            world.simulator.advance(by: .seconds(7_200))
            let deliveries = world.notifier.deliveries
            _ = try await world.scheduler.tick()
            // The pass finds the request's post no longer needed and leaves the refused notice alone: nothing is sent.
            #expect(world.notifier.deliveries == deliveries)
        }
    }

    @Test("an organizer's and a moderator's extension each queue one notice with the end dates of that moment")
    func extensionsAreQueued() async throws {
        try await World.with { world in
            let loan = try await world.activeLoan()
            let firstEnd = try #require(loan.endDate)
            let own = try await world.service.extendOwn(loan.id, by: World.organizer)
            let ownEnd = try #require(own.endDate)
            let moderated = try await world.service.extend(loan.id, by: World.moderator, to: try #require(CalendarDate(year: 2099, month: 1, day: 31)))
            let moderatedEnd = try #require(moderated.endDate)
            let extensions = world.notifier.delivered.compactMap { notice -> String? in
                switch notice {
                case .loanExtendedByOrganizer(let summary, let previous, let days):
                    "organizer \(days) \(previous == firstEnd) \(summary.endDate == ownEnd)"
                case .loanExtendedByModerator(let summary, let previous, let moderator):
                    "\(moderator) \(previous == ownEnd) \(summary.endDate == moderatedEnd)"
                default: nil
                }
            }
            #expect(extensions == ["organizer 7 true true", "\(World.moderator) true true"])
            let audit = try #require(try await AuditTable.list(workflowId: loan.id, on: world.pool).last)
            #expect(audit.action == .extend && audit.actor == World.moderator)
            #expect(try await Self.queued("extended-\(loan.id)-\(audit.id)", in: world)?.delivered == true)
        }
    }

    @Test("two schedulers passing at once deliver each due notice once")
    func twoSchedulersOnce() async throws {
        try await World.with { world in
            for _ in 0..<6 { _ = try await world.file() }
            world.simulator.advance(by: .seconds(121))
            async let first = world.scheduler.tick()
            async let second = world.scheduler.tick()
            let reports = try await [first, second]
            #expect(reports.map(\.outbox.delivered).reduce(0, +) == 6)
            #expect(world.notifier.deliveries == 6)
        }
    }

    @Test("stored entries of version 1 read back as written; another version or a broken entry is refused in words")
    func storedEntries() {
        let end = Date(timeIntervalSince1970: 1_767_225_600)
        let entries: [OutboxEntry] = [
            .requestFiled,
            .requestRejected(applicant: "2", moderator: "1", reason: "clash"),
            .requestRejected(applicant: "2", moderator: "1", reason: nil),
            .requestWithdrawn(member: "2"),
            .loanExtendedByOrganizer(previousEnd: nil, newEnd: end, days: 7),
            .loanExtendedByModerator(previousEnd: end, newEnd: end.addingTimeInterval(86_400.5), moderator: "1"),
        ]
        for entry in entries {
            #expect(OutboxEntry.decode(entry.stored) == .success(entry), "\(entry.stored)")
        }
        // As this release writes them, so that a later release can be held to reading them.
        #expect(OutboxEntry.decode(#"{"notice":{"requestWithdrawn":{"member":"2"}},"version":1}"#) == .success(.requestWithdrawn(member: "2")))
        #expect(OutboxEntry.requestWithdrawn(member: "2").stored == #"{"notice":{"requestWithdrawn":{"member":"2"}},"version":1}"#)
        #expect(OutboxEntry.decode(#"{"notice":{"loanExtendedByOrganizer":{"days":7,"newEnd":"2026-01-01T00:00:00.000Z"}},"version":1}"#)
            == .success(.loanExtendedByOrganizer(previousEnd: nil, newEnd: end, days: 7)))
        #expect(OutboxEntry.decode(#"{"notice":{"requestFiled":{}},"version":2}"#)
            == .failure(.permanent("the queued notice has version 2, and this bot reads version 1")))
        #expect(OutboxEntry.decode(#"{"notice":{"somethingElse":{}},"version":1}"#)
            == .failure(.permanent("the queued notice of version 1 is unreadable")))
        #expect(OutboxEntry.decode("[]") == .failure(.permanent("the queued notice is not a JSON object with a whole-number version")))
    }
}
