import BotTesting
import TestSupport
import Discord
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import SimulatorSupport
import Testing

/// Serialized: each test starts the simulators and migrates a database of its own, and the two
/// shared cores also serve other suites that race Discord's 3-second deadline.
@Suite("Notices on Discord", .serialized)
struct DiscordNotifierTests {

    static let end = Date(timeIntervalSince1970: 1_800_000_000)
    static let loan = LoanSummary(workflowId: 7, description: "Summer build contest", organizerDiscordId: Persona.member.userID,
                                  panelUserDiscordIds: [Persona.member.userID, Persona.otherMember.userID], serverAlias: "server02",
                                  connectionAddress: "play.example.org:25566", startDate: end.addingTimeInterval(-7 * 86_400), endDate: end)

    static func dms(_ world: BotWorld, to person: SimulatedInvoker) -> [SimulatorJSON] {
        world.rest.dmChannelID(for: person.userID).map { world.rest.sentMessages(in: $0) } ?? []
    }

    static func channelPosts(_ world: BotWorld) -> [SimulatorJSON] {
        world.rest.sentMessages(in: SeededGuild.notifyChannelID)
    }

    @Test("an approval goes to the organizer by DM and to the notify channel, with nonces, pinging nobody")
    func loanApproved() async throws {
        try await BotWorld.with { world in
            try await world.notifier.deliver(.loanApproved(Self.loan, organizer: Persona.member.userID), deduplicationKey: "task-1-notify:organizer")
            let dm = try #require(Self.dms(world, to: Persona.member).first)
            #expect(dm["content"]?.stringValue?.contains("#7") == true)
            #expect(dm["content"]?.stringValue?.contains("server02") == true)
            let post = try #require(Self.channelPosts(world).first)
            #expect(post["embeds"]?[0]?["title"]?.stringValue == "#7 Summer build contest")
            let bodies = world.rest.requests(to: .createMessage).compactMap(\.body)
            #expect(bodies.count == 2)
            for body in bodies {
                let nonce = try #require(body["nonce"]?.stringValue)
                #expect(nonce.count == 25)
                #expect(body["enforce_nonce"]?.boolValue == true)
                #expect(body["allowed_mentions"]?["parse"]?.arrayValue?.isEmpty == true)
                #expect(body["allowed_mentions"]?["roles"] == nil)
            }
            #expect(Set(bodies.compactMap { $0["nonce"]?.stringValue }).count == 2)
        }
    }

    @Test("a retried notice is posted once: Discord returns the message its nonce already created")
    func retriedNotice() async throws {
        try await BotWorld.with { world in
            let notice = LendingNotice.loanApproved(Self.loan, organizer: Persona.member.userID)
            try await world.notifier.deliver(notice, deduplicationKey: "task-3-notify:organizer")
            try await world.notifier.deliver(notice, deduplicationKey: "task-3-notify:organizer")
            #expect(Self.dms(world, to: Persona.member).count == 1)
            #expect(Self.channelPosts(world).count == 1)
            #expect(world.rest.requests(to: .createMessage).count == 4)
            // Another notice (another key) is a message of its own.
            try await world.notifier.deliver(notice, deduplicationKey: "task-4-notify:organizer")
            #expect(Self.channelPosts(world).count == 2)
        }
    }

    @Test("panel access names the server, its address and the reset-password command, never a password")
    func panelAccess() async throws {
        try await BotWorld.with { world in
            try await world.notifier.deliver(.panelAccessGranted(Self.loan, panelUser: Persona.otherMember.userID, username: "bob_builds"),
                                             deduplicationKey: "task-1-notify:panel")
            let content = try #require(Self.dms(world, to: Persona.otherMember).first?["content"]?.stringValue)
            #expect(content.contains("server02"))
            #expect(content.contains("`play.example.org:25566`"))
            #expect(content.contains("`/mcserver reset-password`"))
            #expect(content.contains("bob_builds"))
            #expect(!content.lowercased().contains("password:"))
            #expect(Self.channelPosts(world).isEmpty)
        }
    }

    @Test("a reminder reaches the organizer and the channel with the extend button loan.extend:<id>:<end in ms>")
    func reminder() async throws {
        try await BotWorld.with { world in
            try await world.notifier.deliver(.returnReminder(Self.loan, organizer: Persona.member.userID, daysLeft: 3), deduplicationKey: "reminder-7-3")
            for message in [Self.dms(world, to: Persona.member).first, Self.channelPosts(world).first] {
                let button = try #require(message?["components"]?[0]?["components"]?[0])
                #expect(button["custom_id"]?.stringValue == ComponentRoute.extendLoan(workflowId: 7, seenEndDate: Self.end).customID)
            }
        }
    }

    @Test("an expired loan pings the moderator roles only")
    func expired() async throws {
        try await BotWorld.with { world in
            try await world.notifier.deliver(.loanExpired(Self.loan), deduplicationKey: "expired-7")
            let post = try #require(world.rest.requests(to: .createMessage).first?.body)
            #expect(post["content"]?.stringValue?.hasPrefix("<@&\(SeededGuild.moderatorRoleID)> ") == true)
            #expect(post["allowed_mentions"]?["roles"]?.arrayValue?.compactMap(\.stringValue) == [SeededGuild.moderatorRoleID])
            #expect(post["allowed_mentions"]?["parse"]?.arrayValue?.isEmpty == true)
            #expect(world.rest.dmChannelID(for: Persona.member.userID) == nil)
        }
    }

    @Test("an organizer's own extension is posted to the notify channel with the old and new end, pinging nobody and sending no DM")
    func extendedByOrganizer() async throws {
        try await BotWorld.with { world in
            let previous = Self.end.addingTimeInterval(-7 * 86_400)
            try await world.notifier.deliver(.loanExtendedByOrganizer(Self.loan, previousEnd: previous, days: 7), deduplicationKey: "extended-7")
            let post = try #require(Self.channelPosts(world).first)
            let content = try #require(post["content"]?.stringValue)
            #expect(content.contains("<@\(Persona.member.userID)>") && content.contains("#7") && content.contains("→"), "\(content)")
            #expect(!content.contains("<@&"))
            let sent = try #require(world.rest.requests(to: .createMessage).first?.body)
            #expect(sent["allowed_mentions"]?["parse"]?.arrayValue?.isEmpty == true && sent["allowed_mentions"]?["roles"] == nil)
            #expect(post["embeds"]?[0]?["title"]?.stringValue?.contains("Summer build contest") == true)
            #expect(world.rest.dmChannelID(for: Persona.member.userID) == nil)
        }
    }

    @Test("a return tells the recipient where the data went")
    func returned() async throws {
        try await BotWorld.with { world in
            let archived = ArchiveOutcome.archived(target: "/srv/archive", folder: "2026/7_20260901_Summer", files: 2, bytes: 3_355_443)
            try await world.notifier.deliver(.loanReturned(Self.loan, recipient: Persona.otherMember.userID, archive: archived), deduplicationKey: "r1")
            try await world.notifier.deliver(.loanReturned(Self.loan, recipient: Persona.member.userID, archive: .notConfigured), deduplicationKey: "r2")
            let first = try #require(Self.dms(world, to: Persona.otherMember).first?["content"]?.stringValue)
            #expect(first.contains("`2026/7_20260901_Summer`") && first.contains("3.2 MiB"))
            let second = try #require(Self.dms(world, to: Persona.member).first?["content"]?.stringValue)
            #expect(second.contains("not kept"))
        }
    }

    @Test("a failed task reaches the moderators with its reason and a retry button")
    func taskFailed() async throws {
        try await BotWorld.with { world in
            let failure = TaskFailureSummary(taskId: 12, kind: .approve, workflowId: 7, message: "the panel server 5e000001 was not found", attempts: 3)
            try await world.notifier.deliver(.taskFailed(failure), deduplicationKey: "task-12-failed-3")
            let post = try #require(Self.channelPosts(world).first)
            #expect(post["content"]?.stringValue?.contains("the panel server 5e000001 was not found") == true)
            #expect(post["content"]?.stringValue?.contains("<@&\(SeededGuild.moderatorRoleID)>") == true)
            #expect(post["components"]?[0]?["components"]?[0]?["custom_id"]?.stringValue == ComponentRoute.retryTask(taskId: 12).customID)
        }
    }

    @Test("notices are written in the guild's language")
    func japanese() async throws {
        try await BotWorld.with { world in
            world.services.guildLanguage.update(.japanese)
            try await world.notifier.deliver(.loanExpired(Self.loan), deduplicationKey: "expired-7")
            let content = try #require(Self.channelPosts(world).first?["content"]?.stringValue)
            #expect(content.contains("期限"))
        }
    }

    @Test("a member who refuses DMs: a DM-only notice fails for good, one with a channel copy is delivered")
    func refusedDM() async throws {
        try await BotWorld.with(usersBlockingDMs: [Persona.otherMember.userID, Persona.member.userID]) { world in
            await #expect(throws: PortFailure.permanent("<@\(Persona.otherMember.userID)> does not accept direct messages from the bot")) {
                try await world.notifier.deliver(.panelAccessGranted(Self.loan, panelUser: Persona.otherMember.userID, username: "bob_builds"),
                                                 deduplicationKey: "k1")
            }
            try await world.notifier.deliver(.loanApproved(Self.loan, organizer: Persona.member.userID), deduplicationKey: "k2")
            #expect(Self.channelPosts(world).count == 1)
        }
    }

    @Test("Discord failing (5xx) is transient, so the task runner tries again")
    func serverError() async throws {
        try await BotWorld.with { world in
            world.rest.injectFault(.status(500, body: .json), on: .createMessage)
            do {
                try await world.notifier.deliver(.loanExpired(Self.loan), deduplicationKey: "expired-7")
                Issue.record("expected a failure")
            } catch let failure as PortFailure {
                #expect(failure.kind == .transient)
            }
            try await world.notifier.deliver(.loanExpired(Self.loan), deduplicationKey: "expired-7")
            #expect(Self.channelPosts(world).count == 1)
        }
    }

    @Test("without a notify channel, moderators' notices are skipped and DMs still go out")
    func noChannel() async throws {
        try await BotWorld.with(notifyChannel: false) { world in
            try await world.notifier.deliver(.loanExpired(Self.loan), deduplicationKey: "expired-7")
            try await world.notifier.deliver(.loanApproved(Self.loan, organizer: Persona.member.userID), deduplicationKey: "k")
            #expect(world.rest.requests(to: .createMessage).count == 1)
            #expect(Self.dms(world, to: Persona.member).count == 1)
            #expect(!world.notifier.tellsModerators, "new requests' posts are then not queued at all")
        }
    }

    @Test("a direct message is in the language the member last used with the bot; the channel post and a member never seen get the guild's")
    func memberLanguage() async throws {
        try await BotWorld.with { world in
            try await world.services.memberLocales.remember(discordId: Persona.member.userID, locale: "ja")
            try await world.notifier.deliver(.loanApproved(Self.loan, organizer: Persona.member.userID), deduplicationKey: "task-9-notify:organizer")
            let dm = try #require(Self.dms(world, to: Persona.member).first)
            #expect(dm["content"]?.stringValue?.hasPrefix("貸出申請 #7「Summer build contest」が承認されました。") == true)
            #expect(dm["embeds"]?[0]?["fields"]?[0]?["name"]?.stringValue == "サーバー")
            let post = try #require(Self.channelPosts(world).first)
            #expect(post["content"]?.stringValue?.contains("#7") == true)
            #expect(post["content"]?.stringValue?.contains("貸出") == false)
            #expect(post["embeds"]?[0]?["fields"]?[0]?["name"]?.stringValue == "Server")

            try await world.notifier.deliver(.panelAccessGranted(Self.loan, panelUser: Persona.otherMember.userID, username: "bob_builds"),
                                             deduplicationKey: "task-9-notify:access")
            let other = try #require(Self.dms(world, to: Persona.otherMember).first)
            #expect(other["content"]?.stringValue?.contains("bob_builds") == true)
            #expect(other["content"]?.stringValue?.unicodeScalars.contains { $0.value >= 0x3040 } == false)
        }
    }

    @Test("a member's interaction teaches the bot their language: the rejection they receive later is written in it")
    func languageLearnedFromInteraction() async throws {
        try await BotWorld.with { world in
            // Persona.member's Discord client is in Japanese, the guild's in English.
            let opened = try await world.send(world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.member))
            #expect(try world.callback(opened).type == 9)
            try await eventually("the member's language stored") {
                try await world.services.memberLocales.locales(of: [Persona.member.userID]) == [Persona.member.userID: "ja"]
            }
            let workflow = try await world.file()
            _ = try world.callback(try await world.workflowCommand("reject", [.integer("id", workflow.id), .string("reason", "Dates clash")]))
            try await eventually("the rejection's DM") { !Self.dms(world, to: Persona.member).isEmpty }
            let dm = try #require(Self.dms(world, to: Persona.member).first)
            #expect(dm["content"]?.stringValue == "申請 #\(workflow.id)「Summer build contest」は却下されました。\n理由: Dates clash")
        }
    }
}
