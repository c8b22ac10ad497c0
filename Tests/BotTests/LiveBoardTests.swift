import Clocks
import BotTesting
import Discord
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import SimulatorSupport
import Synchronization
import Testing
import TestSupport

/// The live board in BOARD_CHANNEL_ID: one message, kept current through bursts of changes with
/// few edits, posted again when deleted, found again after a restart, within Discord's limits
/// however many loans there are, and with buttons that work.
@Suite("The live board")
struct LiveBoardTests {
    static let channel = SeededGuild.boardChannelID

    static func boardMessages(_ world: BotWorld) -> [SimulatorJSON] {
        world.rest.sentMessages(in: channel)
    }

    /// Every text display's text, joined.
    static func text(of message: SimulatorJSON) -> String {
        (message["components"]?.arrayValue ?? []).compactMap { $0["type"]?.intValue == 10 ? $0["content"]?.stringValue : nil }.joined(separator: "\n")
    }

    static func edits(_ world: BotWorld, of id: String) -> Int {
        world.rest.requests.filter { $0.method == "PATCH" && $0.path.hasSuffix("/messages/\(id)") && $0.status == 200 }.count
    }

    /// Posts the board, then deletes it as someone in the channel would; returns its id.
    static func postThenDelete(_ world: BotWorld) async throws -> String {
        world.bot.board.changed()
        try await world.settleBoard()
        let id = try #require(boardMessages(world).first?["id"]?.stringValue)
        #expect(world.rest.deleteMessage(id, in: channel))
        return id
    }

    /// A board refresher of its own, sharing only the database and Discord with the world's bot: a
    /// restarted bot, or a second instance.
    static func refresher(_ world: BotWorld) -> BoardRefresher {
        BoardRefresher(discord: world.services.discord, channel: ChannelID(channel),
                       messages: BoardMessages(pool: world.pool, clock: world.services.clock),
                       queries: world.services.queries, timeZone: world.configuration.timeZone,
                       guildLanguage: world.services.guildLanguage, clock: world.services.clock, logger: world.services.logger)
    }

    /// What the interaction router does after each answered interaction, for changes made straight through the workflow.
    static func change(_ world: BotWorld, _ transition: () async throws -> Void) async throws {
        try await transition()
        world.bot.board.changed()
    }

    @Test("50 transitions in a burst end in one board message, edited once, showing the final state")
    func burst() async throws {
        try await BotWorld.with(servers: 3) { world in
            world.bot.board.changed()
            try await world.settleBoard()
            let first = try #require(Self.boardMessages(world).first)
            let id = try #require(first["id"]?.stringValue)
            #expect(first["flags"]?.intValue == 1 << 15, "a components-v2 message")

            for index in 1...30 {
                try await Self.change(world) { _ = try await world.file(description: "Burst request \(index)") }
            }
            for index in 1...20 {
                try await Self.change(world) { _ = try await world.services.workflow.withdraw(index, by: Persona.member.userID) }
            }
            try await world.settleBoard()

            #expect(Self.boardMessages(world).count == 1)
            #expect(Self.edits(world, of: id) == 1, "the burst folded into one edit")
            let text = Self.text(of: try #require(Self.boardMessages(world).first))
            #expect(text.contains("`#21`") && text.contains("`#30`"), "\(text)")
            #expect(!text.contains("`#20`"), "a withdrawn request is gone: \(text)")

            // Nothing changed since: a further refresh sends nothing.
            world.bot.board.changed()
            try await world.settleBoard()
            #expect(Self.edits(world, of: id) == 1)
        }
    }

    @Test("the task runner tells the board: an approval and a return run as tasks show on it with nothing else told")
    func tasksRefreshTheBoard() async throws {
        try await BotWorld.with(servers: 1) { world in
            world.bot.board.changed()
            try await world.settleBoard()
            let id = try #require(Self.boardMessages(world).first?["id"]?.stringValue)
            #expect(Self.text(of: try #require(Self.boardMessages(world).first)).contains("`server01`"), "free before the loan")

            // Through the domain only: the router never hears of it, the runner's observer does.
            let loan = try await LoanDriver(world).activeLoan(description: "Tasks only")
            try await world.settleBoard()
            let lent = Self.text(of: try #require(Self.boardMessages(world).first))
            #expect(lent.contains("`#\(loan.id)`") && lent.contains("Tasks only"), "\(lent)")
            #expect(!lent.contains("`server01`"), "no longer free: \(lent)")

            _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.moderator.userID, asModerator: true)
            try await world.drainTasks()
            try await world.settleBoard()
            let returned = Self.text(of: try #require(Self.boardMessages(world).first))
            #expect(!returned.contains("Tasks only") && returned.contains("`server01`"), "\(returned)")
            #expect(Self.boardMessages(world).count == 1 && Self.boardMessages(world).first?["id"]?.stringValue == id)
        }
    }

    @Test("a deleted board is posted again and its new id stored; a restarted bot edits the stored message")
    func repostAndRestart() async throws {
        try await BotWorld.with(servers: 2) { world in
            let firstID = try await Self.postThenDelete(world)

            try await Self.change(world) { _ = try await world.file(description: "After the deletion") }
            try await world.settleBoard()
            let messages = Self.boardMessages(world)
            #expect(messages.count == 1)
            let secondID = try #require(messages.first?["id"]?.stringValue)
            #expect(secondID != firstID)
            #expect(world.rest.requests.contains { $0.method == "PATCH" && $0.path.hasSuffix("/messages/\(firstID)") && $0.status == 404 })
            let stored = BoardMessages(pool: world.pool, clock: world.services.clock)
            #expect(try await stored.messageId(in: Self.channel) == secondID)

            // A new refresher shares nothing with the first but the database, as after a restart.
            try await Self.change(world) { _ = try await world.file(description: "Seen by the restarted bot") }
            let restarted = Self.refresher(world)
            await restarted.refresh()
            #expect(Self.boardMessages(world).count == 1)
            #expect(Self.boardMessages(world).first?["id"]?.stringValue == secondID)
            #expect(Self.text(of: try #require(Self.boardMessages(world).first)).contains("`#2`"))
        }
    }

    @Test("two instances finding the board deleted at once post one new board between them")
    func repostByTwoInstances() async throws {
        try await BotWorld.with(servers: 2) { world in
            let firstID = try await Self.postThenDelete(world)
            _ = try await world.file(description: "Seen by both instances")

            // Two refreshers share nothing but the database and Discord, as two instances of the bot.
            let (first, second) = (Self.refresher(world), Self.refresher(world))
            async let one: Void = first.refresh()
            async let other: Void = second.refresh()
            _ = await (one, other)

            let messages = Self.boardMessages(world)
            #expect(messages.count == 1, "one board, not one per instance: \(messages.count)")
            let boardID = try #require(messages.first?["id"]?.stringValue)
            #expect(boardID != firstID)
            #expect(try await BoardMessages(pool: world.pool).messageId(in: Self.channel) == boardID)
            #expect(Self.text(of: try #require(messages.first)).contains("Seen by both instances"))
            #expect(world.rest.requests.filter { $0.method == "POST" && $0.path.hasSuffix("/channels/\(Self.channel)/messages") }.count == 2,
                    "the first board and one replacement")

            // Whichever way the two refreshes above interleaved, the later of two replacements of
            // the same deleted board must not post: it is told the first's message instead.
            let posts = Mutex(0)
            let late = try await BoardMessages(pool: world.pool).replace(firstID, in: Self.channel) {
                posts.withLock { $0 += 1 }
                return "never-stored"
            }
            #expect(late == .postedElsewhere(messageId: boardID))
            #expect(posts.withLock { $0 } == 0, "the later replacement posted nothing")
            #expect(try await BoardMessages(pool: world.pool).messageId(in: Self.channel) == boardID)
        }
    }

    @Test("200 active loans stay within Discord's limits, the soonest ending first, and say how many are left out")
    func manyLoans() async throws {
        try await BotWorld.with(servers: 2) { world in
            let now = world.services.clock.date
            for index in 1...200 {
                // Each from a member of their own: a member may hold only so many open requests.
                let member = String(1_600_000_000_000_000_000 + index)
                let filed = try await world.file(description: "Loan \(index) " + String(repeating: "🎉", count: 40), applicant: member,
                                                 organizer: member, panelUsers: [member])
                var active = filed
                active.status = .active
                active.pteroServerId = "held-\(index)"
                active.startDate = now
                // The later a loan was filed, the sooner it ends: the board must sort, not list by id.
                active.endDate = now.addingTimeInterval(Double(201 - index) * 3600)
                _ = try await WorkflowTable.update(active, expectedStatus: .pending, at: now, on: world.pool)
            }
            for index in 1...30 { _ = try await world.file(description: "Waiting \(index)") }
            world.bot.board.changed()
            try await world.settleBoard()

            let board = try #require(Self.boardMessages(world).first, "the simulator accepted the board")
            let text = Self.text(of: board)
            #expect(text.unicodeScalars.count <= 4000)
            #expect((board["components"]?.arrayValue?.count ?? 99) <= 40)
            let soonest = try #require(text.range(of: "`#200`"))
            let later = try #require(text.range(of: "`#199`"))
            #expect(soonest.lowerBound < later.lowerBound, "the soonest ending first")
            #expect(!text.contains("`#1` "), "the loan ending last is left out")
            #expect(text.contains("190 more") || text.contains("ほか 190件"), "\(text)")
            #expect(text.contains("20 more") || text.contains("ほか 20件"), "the pending requests past ten: \(text)")
        }
    }

    @Test("the board's buttons: the request form, my loans to the presser only, review for moderators only")
    func buttons() async throws {
        try await BotWorld.with(servers: 1) { world in
            world.bot.board.changed()
            try await world.settleBoard()
            let board = try #require(Self.boardMessages(world).first)
            let ids = BotWorld.customIDs(in: board)
            #expect(ids == [ComponentRoute.boardRequest.customID, ComponentRoute.boardMine.customID, ComponentRoute.boardReview.customID])

            let request = try await world.click(.boardRequest, as: Persona.member)
            let form = try world.callback(request)
            #expect(form.type == 9, "a modal")
            #expect(form.data["custom_id"]?.stringValue == ComponentRoute.checkoutForm.customID)

            _ = try await world.file(description: "Mine to see")
            let mine = try await world.click(.boardMine, as: Persona.member)
            let mineAnswer = try await world.answer(mine)
            #expect("\(mineAnswer)".contains("Mine to see"), "\(mineAnswer)")

            let refused = try await world.click(.boardReview, as: Persona.member)
            let refusal = try world.callback(refused)
            #expect((refusal.data["flags"]?.intValue ?? 0) & (1 << 6) != 0, "answered to the presser only")
            #expect(!"\(refusal.data)".contains("Mine to see"))

            let review = try await world.click(.boardReview, as: Persona.moderator)
            let reviewAnswer = try world.callback(review)
            #expect((reviewAnswer.data["flags"]?.intValue ?? 0) & (1 << 6) != 0)
            #expect("\(reviewAnswer.data)".contains("Mine to see"), "\(reviewAnswer.data)")

            // The clicks went through the router, which told the board: it now shows the request filed meanwhile.
            try await world.settleBoard()
            #expect(Self.text(of: try #require(Self.boardMessages(world).first)).contains("`#1`"))
        }
    }
}
