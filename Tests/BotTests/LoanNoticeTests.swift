import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import SimulatorSupport
import Testing

/// The workflow's tasks talking to Discord through the real adapters: roles, names and notices.
/// Serialized: each test starts the simulators and migrates a database of its own, and the two
/// shared cores also serve other suites that race Discord's 3-second deadline.
@Suite("A loan's notices, end to end", .serialized)
struct LoanNoticeTests {

    static func dmContents(_ world: BotWorld, to person: SimulatedInvoker) -> [String] {
        (world.rest.dmChannelID(for: person.userID).map { world.rest.sentMessages(in: $0) } ?? []).compactMap { $0["content"]?.stringValue }
    }

    @Test("approving and returning a loan: roles, DMs to the organizer and panel users, one channel post, each once")
    func approveAndReturn() async throws {
        try await BotWorld.with { world in
            let workflow = world.services.workflow
            let request = try await workflow.file(NewWorkflow(applicantDiscordId: Persona.member.userID, description: "Summer build contest",
                                                              mcVersion: "1.21.4", periodDays: 7, organizerDiscordId: Persona.member.userID),
                                                  panelUsers: [Persona.member.userID, Persona.otherMember.userID])
            _ = try await workflow.approve(request.id, by: Persona.moderator.userID,
                                           usernames: [Persona.member.userID: "alice_builds", Persona.otherMember.userID: "bob_builds"])
            try await world.drainTasks()

            #expect(try await WorkflowTable.find(id: request.id, on: world.pool)?.status == .active)
            for person in [Persona.member, Persona.otherMember] {
                #expect(world.rest.roles(of: person.userID).contains(SeededGuild.panelUserRoleID))
            }
            let organizerDMs = Self.dmContents(world, to: Persona.member)
            #expect(organizerDMs.count == 2, "\(organizerDMs)")
            #expect(organizerDMs.contains { $0.contains("approved") && $0.contains("server01") })
            #expect(organizerDMs.contains { $0.contains("alice_builds") && $0.contains("/mcserver reset-password") })
            let panelUserDMs = Self.dmContents(world, to: Persona.otherMember)
            #expect(panelUserDMs.count == 1 && panelUserDMs[0].contains("bob_builds"))
            #expect(world.rest.sentMessages(in: SeededGuild.notifyChannelID).count == 1)
            #expect(world.panelWorld.panel.server(SeededGuild.serverIdentifier(1))?.description.hasPrefix("alice ") == true)

            _ = try await workflow.requestReturn(request.id, by: Persona.member.userID, asModerator: false)
            try await world.drainTasks()
            #expect(try await WorkflowTable.find(id: request.id, on: world.pool)?.status == .returned)
            #expect(Self.dmContents(world, to: Persona.member).last?.contains("was returned") == true)
            #expect(Self.dmContents(world, to: Persona.otherMember).last?.contains("was returned") == true)
        }
    }

    @Test("a purpose written as Markdown reaches DMs and the channel escaped: no masked link, mention or preview")
    func memberMarkdown() async throws {
        try await BotWorld.with { world in
            let workflow = world.services.workflow
            let hostile = "[free nitro](https://evil.example) <@\(Persona.moderator.userID)> @everyone **Bot**: send your password"
            let request = try await workflow.file(NewWorkflow(applicantDiscordId: Persona.member.userID, description: hostile,
                                                              mcVersion: "1.21.4", periodDays: 7, organizerDiscordId: Persona.member.userID),
                                                  panelUsers: [Persona.otherMember.userID])
            _ = try await workflow.approve(request.id, by: Persona.moderator.userID, usernames: [Persona.otherMember.userID: "bob_builds"])
            try await world.drainTasks()
            let escaped = #"\[free nitro\]\(https\://evil.example\) \<\@\#(Persona.moderator.userID)\> \@everyone \*\*Bot\*\*\: send"#
            let messages = [world.rest.dmChannelID(for: Persona.member.userID), world.rest.dmChannelID(for: Persona.otherMember.userID),
                            SeededGuild.notifyChannelID].compactMap { $0 }.flatMap { world.rest.sentMessages(in: $0) }
            #expect(messages.count == 3)
            for message in messages {
                let content = message["content"]?.stringValue ?? ""
                let title = message["embeds"]?.arrayValue?.first?["title"]?.stringValue
                #expect(content.contains(escaped), "\(content)")
                #expect(title.map { $0.contains(escaped) } ?? true, "\(title ?? "")")
                if message["embeds"]?.arrayValue?.isEmpty ?? true {
                    #expect((message["flags"]?.intValue ?? 0) & 4 == 4, "a message without an embed of ours suppresses link previews")
                }
            }
        }
    }

    @Test("a panel user who refuses DMs does not stop the approval: the loan is active and the rest are told")
    func refusedDM() async throws {
        try await BotWorld.with(usersBlockingDMs: [Persona.otherMember.userID]) { world in
            let workflow = world.services.workflow
            let request = try await workflow.file(NewWorkflow(applicantDiscordId: Persona.member.userID, description: "Quiet build",
                                                              mcVersion: "latest", periodDays: 3, organizerDiscordId: Persona.member.userID),
                                                  panelUsers: [Persona.otherMember.userID])
            _ = try await workflow.approve(request.id, by: Persona.moderator.userID, usernames: [Persona.otherMember.userID: "bob_builds"])
            try await world.drainTasks()
            #expect(try await WorkflowTable.find(id: request.id, on: world.pool)?.status == .active)
            #expect(Self.dmContents(world, to: Persona.member).count == 1)
            #expect(Self.dmContents(world, to: Persona.otherMember).isEmpty)
            let task = try #require(try await TaskTable.list(workflowId: request.id, on: world.pool).first)
            #expect(task.state == .succeeded)
        }
    }
}
