import Clocks
import BotTesting
import Discord
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import SimulatorSupport
import Testing
import TestSupport

/// The messages that follow a request and a loan: the moderators' "New request" post says who
/// decided what and when and loses its buttons, also after a restart (the posts are stored);
/// reminders lose their extend button once the loan was extended or returned; a moderator's
/// extension is posted with the old and the new end date.
@Suite("Notices that follow the loan")
struct NoticeFollowUpTests {
    /// Files a request through the form, as a member does, and returns the moderators' post.
    static func fileThroughTheForm(_ world: BotWorld) async throws -> SimulatorJSON {
        _ = try await world.send(world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.member))
        _ = try await world.send(world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: CheckoutTests.fields(
            panelUsers: [Persona.resolved(Persona.member)]), as: Persona.member))
        try await eventually("the moderators' post") { !world.rest.sentMessages(in: SeededGuild.notifyChannelID).isEmpty }
        return try #require(world.rest.sentMessages(in: SeededGuild.notifyChannelID).first)
    }

    static func content(_ world: BotWorld, message id: String) -> String {
        world.rest.message(id, in: SeededGuild.notifyChannelID)?["content"]?.stringValue ?? ""
    }

    static func edits(_ world: BotWorld, of id: String) -> Int {
        world.rest.requests.filter { $0.method == "PATCH" && $0.path.hasSuffix("/messages/\(id)") }.count
    }

    @Test("a rejection turns the post into the decision: who rejected, when, the reason; the buttons go, and the post is settled")
    func rejectionEditsThePost() async throws {
        try await BotWorld.with(servers: 1) { world in
            let post = try await Self.fileThroughTheForm(world)
            let postID = try #require(post["id"]?.stringValue)
            let headline = post["content"]?.stringValue ?? "-"
            #expect(headline.contains("<@&\(SeededGuild.moderatorRoleID)>") && headline.contains("New request #1"), "\(headline)")

            let reject = try await world.workflowCommand("reject", [.integer("id", 1), .string("reason", "Dates clash with the [tournament](https://x.test)")])
            _ = try await world.answer(reject)
            try await eventually("the post shows the rejection") { Self.content(world, message: postID).contains("Rejected by") }
            let edited = try #require(world.rest.message(postID, in: SeededGuild.notifyChannelID))
            let content = Self.content(world, message: postID)
            #expect(content.hasPrefix(headline), "the first line stays: \(content)")
            #expect(content.contains("Rejected by <@\(Persona.moderator.userID)> (<t:"), "\(content)")
            #expect(content.contains("Reason: Dates clash with the \\[tournament\\]"), "member text stays escaped: \(content)")
            #expect(BotWorld.buttons(in: edited).isEmpty)
            // The applicant still hears of it in their own direct message.
            let dm = try #require(world.rest.dmChannelID(for: Persona.member.userID))
            #expect(world.rest.sentMessages(in: dm).contains { $0["content"]?.stringValue?.contains("却下") == true })

            // Settled: a repeat of the notice edits nothing.
            let before = Self.edits(world, of: postID)
            let summary = LoanSummary(workflowId: 1, description: "x", organizerDiscordId: Persona.member.userID, panelUserDiscordIds: [],
                                      serverAlias: nil, connectionAddress: nil, startDate: nil, endDate: nil)
            try await world.notifier.deliver(.requestRejected(summary, applicant: Persona.member.userID, reason: nil, by: Persona.moderator.userID),
                                             deduplicationKey: "rejected-1")
            #expect(Self.edits(world, of: postID) == before)
            try await world.expectSpecValidBodies()
        }
    }

    @Test("after a restart the post is still found: a withdrawal seen by a new notifier edits it and removes its buttons")
    func postSurvivesARestart() async throws {
        try await BotWorld.with(servers: 1) { world in
            let post = try await Self.fileThroughTheForm(world)
            let postID = try #require(post["id"]?.stringValue)
            // A new notifier shares nothing with the one that posted, as after a restart: only the database.
            let stored = PostedMessages(pool: world.pool, clock: world.services.clock)
            try await eventually("the post recorded") { try await !stored.unsettled(workflowId: 1, purpose: .request).isEmpty }
            let restarted = DiscordNotifier(discord: world.services.discord, configuration: world.configuration, guildLanguage: world.services.guildLanguage,
                                            postedMessages: stored, clock: world.services.clock,
                                            logger: world.services.logger)
            let summary = LoanSummary(workflowId: 1, description: "Summer build contest", organizerDiscordId: Persona.member.userID,
                                      panelUserDiscordIds: [Persona.member.userID], serverAlias: nil, connectionAddress: nil, startDate: nil, endDate: nil)
            try await restarted.deliver(.requestWithdrawn(summary, by: Persona.member.userID), deduplicationKey: "withdrawn-1")
            let content = Self.content(world, message: postID)
            #expect(content.contains("Withdrawn by <@\(Persona.member.userID)>"), "\(content)")
            #expect(BotWorld.buttons(in: try #require(world.rest.message(postID, in: SeededGuild.notifyChannelID))).isEmpty)
        }
    }

    @Test("a request decided while its post was on its way: the post, once recorded, loses its buttons and says the status; the decision's notice still names who")
    func decidedWhilePosting() async throws {
        try await BotWorld.with(servers: 1) { world in
            let request = try await world.services.workflow.file(NewWorkflow(
                applicantDiscordId: Persona.member.userID, description: "Late post", mcVersion: "1.21.4", periodDays: 3,
                organizerDiscordId: Persona.member.userID), panelUsers: [Persona.member.userID])
            _ = try await world.services.workflow.reject(request.id, by: Persona.moderator.userID, reason: nil)
            // The post that was already on its way when the rejection found nothing to edit.
            let rejected = try #require(try await world.services.queries.workflow(request.id))
            try await world.notifier.deliver(.requestFiled(FiledRequest(workflow: rejected, panelUsers: [Persona.member.userID], panelUsersWithAccount: [])),
                                             deduplicationKey: "filed-\(request.id)")
            let post = try #require(world.rest.sentMessages(in: SeededGuild.notifyChannelID).first { $0["content"]?.stringValue?.contains("New request #\(request.id)") == true })
            let postID = try #require(post["id"]?.stringValue)
            let now = try #require(world.rest.message(postID, in: SeededGuild.notifyChannelID))
            #expect(BotWorld.buttons(in: now).isEmpty)
            #expect(Self.content(world, message: postID).hasSuffix("This request is already rejected."), "\(Self.content(world, message: postID))")
            // The decision's notice, coming after, still says who decided, and settles the post.
            let summary = LoanSummary(workflowId: request.id, description: "Late post", organizerDiscordId: Persona.member.userID,
                                      panelUserDiscordIds: [], serverAlias: nil, connectionAddress: nil, startDate: nil, endDate: nil)
            try await world.notifier.deliver(.requestRejected(summary, applicant: Persona.member.userID, reason: nil, by: Persona.moderator.userID),
                                             deduplicationKey: "rejected-\(request.id)")
            #expect(Self.content(world, message: postID).contains("Rejected by <@\(Persona.moderator.userID)>"), "\(Self.content(world, message: postID))")
            #expect(try await PostedMessages(pool: world.pool).unsettled(workflowId: request.id, purpose: .request).isEmpty)
            try await world.expectSpecValidBodies()
        }
    }

    @Test("an approval ends the post with who approved it")
    func approvalNamesTheModerator() async throws {
        try await BotWorld.with(servers: 1) { world in
            let post = try await Self.fileThroughTheForm(world)
            let postID = try #require(post["id"]?.stringValue)
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            _ = try await world.answer(try await world.click(.approveRequest(workflowId: 1)))
            try await world.drainTasks()
            try await eventually("the post names the approver") {
                Self.content(world, message: postID).contains("Approved by <@\(Persona.moderator.userID)>")
            }
            #expect(Self.content(world, message: postID).contains("runs 1.21.4"))
        }
    }

    @Test("a moderator's extension is posted with the old and new end date, and the loan's reminders lose their extend button")
    func extensionSettlesReminders() async throws {
        try await BotWorld.with(servers: 1) { world in
            let loan = try await LoanDriver(world).activeLoan()
            let end = try #require(loan.endDate)
            world.panelWorld.panel.advance(by: .seconds(Int64(end.timeIntervalSince(world.services.clock.date) - 3 * 86_400 + 60)))
            #expect(try await world.scheduler.tick().remindersSent == 1)
            let dm = try #require(world.rest.dmChannelID(for: Persona.member.userID))
            let reminders = [
                try #require(world.rest.sentMessages(in: dm).last),
                try #require(world.rest.sentMessages(in: SeededGuild.notifyChannelID).last),
            ]
            #expect(reminders.allSatisfy { !BotWorld.buttons(in: $0).isEmpty })

            let driver = LoanDriver(world)
            _ = try await driver.content(try await driver.admin(["checkout", "extend"], [.integer("id", loan.id), .string("date", "2099-01-31")]))
            try await eventually("the extension's post") {
                world.rest.sentMessages(in: SeededGuild.notifyChannelID).contains { $0["content"]?.stringValue?.contains("moved the end of loan #\(loan.id)") == true }
            }
            let posted = try #require(world.rest.sentMessages(in: SeededGuild.notifyChannelID).last?["content"]?.stringValue)
            #expect(posted.contains("<t:\(Int(end.timeIntervalSince1970)):D> → <t:"), "old → new: \(posted)")
            for (reminder, channel) in zip(reminders, [dm, SeededGuild.notifyChannelID]) {
                let id = try #require(reminder["id"]?.stringValue)
                let now = try #require(world.rest.message(id, in: channel))
                #expect(BotWorld.buttons(in: now).isEmpty, "\(now)")
                #expect(now["content"] == reminder["content"], "the reminder's text stays")
            }
            try await world.expectSpecValidBodies()
        }
    }
}
