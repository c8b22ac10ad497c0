import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import SimulatorSupport
import Testing

/// The moderators' approve and reject, end to end: commands, the notice's buttons, the usernames
/// modals and their rounds, refusals, and what the database holds afterwards.
@Suite("Approving and rejecting, end to end")
struct WorkflowApprovalTests {

    /// Six members who are not in the guild's panel yet.
    static let newcomers = (1...6).map { "16000000000000000\(String(format: "%02d", $0))" }

    @Test("approve with every panel user holding an account reserves the chosen server at once; the task makes the loan ACTIVE")
    func approveWithAccounts() async throws {
        try await BotWorld.with { world in
            let workflow = try await world.file(panelUsers: [Persona.member.userID, Persona.otherMember.userID])
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            try await world.giveAccount(to: Persona.otherMember.userID, username: "bob")

            let command = try await world.workflowCommand("approve", [.integer("id", workflow.id), .string("server", "server02")])
            let reply = try world.callback(command)
            #expect(reply.type == 5, "deferred: the approval reads the server's egg on the panel first")
            #expect(reply.data["flags"]?.intValue == 64)
            let content = try #require(try await world.answer(command)["content"]?.stringValue)
            #expect(content.contains("server02") && content.contains("#\(workflow.id)") && content.contains("<@\(Persona.moderator.userID)>"))
            #expect(content.contains("approval task"))
            let edit = try #require(world.rest.requests.last { $0.method == "PATCH" && $0.path.hasSuffix("/messages/@original") })
            #expect(edit.body?["allowed_mentions"]?["parse"]?.arrayValue?.isEmpty == true)

            let reserved = try #require(try await world.workflow(workflow.id))
            #expect(reserved.status == .pending && reserved.pteroServerId == SeededGuild.serverIdentifier(2))
            #expect(try await world.tasks(of: workflow.id).map(\.state) == [.queued])

            try await world.drainTasks()
            let active = try #require(try await world.workflow(workflow.id))
            #expect(active.status == .active && active.endDate != nil)
            #expect(world.panelWorld.panel.subusers(of: SeededGuild.serverIdentifier(2)).count == 2)
        }
    }

    @Test("six members without accounts: the notice's Approve asks five usernames, Continue the sixth, then the approval runs")
    func usernamesInTwoRounds() async throws {
        try await BotWorld.with { world in
            let workflow = try await world.file(panelUsers: Self.newcomers)
            let approve = try await world.click(.approveRequest(workflowId: workflow.id))
            let first = try world.callback(approve)
            #expect(first.type == 9)
            #expect(first.data["custom_id"]?.stringValue == ComponentRoute.usernames(workflowId: workflow.id).customID)
            let inputs = first.data["components"]?.arrayValue?.compactMap { $0["component"]?["custom_id"]?.stringValue }
            #expect(inputs == Array(Self.newcomers.prefix(5)))
            #expect(first.data["title"]?.stringValue?.contains("1–5 of 6") == true)
            #expect(try await world.workflow(workflow.id)?.pteroServerId == nil)

            let roundOne = try await world.submit(.usernames(workflowId: workflow.id), Self.newcomers.prefix(5).enumerated().map {
                .textInput(customID: $1, value: "Player0\($0 + 1)")
            })
            let progress = try world.callback(roundOne)
            #expect(progress.type == 4 && progress.data["flags"]?.intValue == 64)
            #expect(progress.data["content"]?.stringValue?.contains("5 of 6") == true)
            #expect(BotWorld.buttons(in: progress.data).map(\.id) == [ComponentRoute.moreUsernames(workflowId: workflow.id).customID])
            #expect(try await world.tasks(of: workflow.id).isEmpty)

            let more = try await world.click(.moreUsernames(workflowId: workflow.id))
            let second = try world.callback(more)
            #expect(second.type == 9)
            #expect(second.data["components"]?.arrayValue?.compactMap { $0["component"]?["custom_id"]?.stringValue } == [Self.newcomers[5]])
            #expect(second.data["title"]?.stringValue?.contains("6–6 of 6") == true)

            let roundTwo = try await world.submit(.usernames(workflowId: workflow.id), [.textInput(customID: Self.newcomers[5], value: "player06")])
            #expect(try world.callback(roundTwo).data["flags"]?.intValue == 64)
            let done = try await world.answer(roundTwo)
            #expect(done["content"]?.stringValue?.contains("server01") == true)
            #expect(BotWorld.buttons(in: done).isEmpty)

            let task = try #require(try await world.tasks(of: workflow.id).first)
            #expect(task.approvalInput?.usernames[Self.newcomers[0]] == "player01")
            #expect(task.approvalInput?.usernames[Self.newcomers[5]] == "player06")
            try await world.drainTasks()
            #expect(try await world.workflow(workflow.id)?.status == .active)
            let accounts = try await PterodactylUserTable.list(discordIds: Self.newcomers, on: world.pool)
            #expect(accounts.map(\.username) == (1...6).map { "player0\($0)" })
            #expect(world.panelWorld.panel.subusers(of: SeededGuild.serverIdentifier(1)).count == 6)
        }
    }

    @Test("a username the panel would refuse or someone has is named with its rule; the draft is kept and Continue asks again")
    func badUsername() async throws {
        try await BotWorld.with { world in
            try await world.giveAccount(to: Persona.otherMember.userID, username: "taken")
            let workflow = try await world.file(panelUsers: [Self.newcomers[0], Self.newcomers[1], Persona.otherMember.userID])
            #expect(try world.callback(try await world.workflowCommand("approve", [.integer("id", workflow.id)])).type == 9)
            let submit = try await world.submit(.usernames(workflowId: workflow.id), [
                .textInput(customID: Self.newcomers[0], value: "Bad Name!"), .textInput(customID: Self.newcomers[1], value: "taken"),
            ])
            let refusal = try world.callback(submit)
            #expect(refusal.data["flags"]?.intValue == 64)
            let text = try #require(refusal.data["content"]?.stringValue)
            #expect(text.contains("<@\(Self.newcomers[0])>") && text.contains("Bad Name!") && text.contains("lowercase letters"))
            #expect(text.contains("<@\(Self.newcomers[1])>") && text.contains("already taken"))
            #expect(BotWorld.buttons(in: refusal.data).map(\.id) == [ComponentRoute.moreUsernames(workflowId: workflow.id).customID])
            #expect(try await world.tasks(of: workflow.id).isEmpty)

            let again = try world.callback(try await world.click(.moreUsernames(workflowId: workflow.id)))
            #expect(again.type == 9)
            #expect(again.data["components"]?.arrayValue?.count == 2)
            let fixed = try await world.submit(.usernames(workflowId: workflow.id), [
                .textInput(customID: Self.newcomers[0], value: "good-name"), .textInput(customID: Self.newcomers[1], value: "other"),
            ])
            #expect(try await world.answer(fixed)["content"]?.stringValue?.contains("server01") == true)
            #expect(try await world.tasks(of: workflow.id).count == 1)
        }
    }

    @Test("a member pressing Approve is refused with the moderators-only text and nothing changes")
    func memberCannotApprove() async throws {
        try await BotWorld.with { world in
            let workflow = try await world.file()
            let routes: [ComponentRoute] = [.approveRequest(workflowId: workflow.id), .rejectRequest(workflowId: workflow.id),
                                            .moreUsernames(workflowId: workflow.id), .retryTask(taskId: 1),
                                            .requestListPage(status: .pending, cursor: .after(1))]
            for route in routes {
                let reply = try world.callback(try await world.click(route, as: Persona.member))
                #expect(reply.type == 4 && reply.data["flags"]?.intValue == 64)
                #expect(reply.data["content"]?.stringValue == "この操作はモデレーターのみ行えます。")
            }
            let submit = try world.callback(try await world.submit(.usernames(workflowId: workflow.id), [.textInput(customID: Persona.member.userID, value: "alice")],
                                                                   as: Persona.member))
            #expect(submit.data["content"]?.stringValue == "この操作はモデレーターのみ行えます。")
            let unchanged = try #require(try await world.workflow(workflow.id))
            #expect(unchanged == workflow)
            #expect(try await world.tasks(of: workflow.id).isEmpty)
        }
    }

    @Test("two Approve clicks at once: one reserves a server, the other is told who is approving; later clicks say who approved")
    func doubleApprove() async throws {
        try await BotWorld.with { world in
            let workflow = try await world.file()
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            async let first = world.click(.approveRequest(workflowId: workflow.id))
            async let second = world.click(.approveRequest(workflowId: workflow.id))
            var replies: [String] = []
            for click in try await [first, second] { replies.append(try await world.answer(click)["content"]?.stringValue ?? "") }
            #expect(replies.filter { $0.contains("server01 is reserved") || $0.contains("**server01**") }.count == 1)
            #expect(replies.filter { $0.contains("already being approved by <@\(Persona.moderator.userID)>") }.count == 1)
            #expect(try await world.tasks(of: workflow.id).count == 1)

            try await world.drainTasks()
            let late = try await world.answer(try await world.click(.approveRequest(workflowId: workflow.id)))
            #expect(late["content"]?.stringValue == "Request #\(workflow.id) is already active (by <@\(Persona.moderator.userID)>).")
            let command = try await world.answer(try await world.workflowCommand("approve", [.integer("id", workflow.id)]))
            #expect(command["content"]?.stringValue?.contains("already active") == true)
        }
    }

    @Test("Reject on the notice asks for a reason in a modal; the answer says who rejected and why, and Approve then says so")
    func rejectWithReason() async throws {
        try await BotWorld.with { world in
            let workflow = try await world.file()
            let modal = try world.callback(try await world.click(.rejectRequest(workflowId: workflow.id)))
            #expect(modal.type == 9)
            #expect(modal.data["custom_id"]?.stringValue == ComponentRoute.rejectReason(workflowId: workflow.id).customID)
            #expect(modal.data["components"]?[0]?["component"]?["required"]?.boolValue == false)
            #expect(modal.data["components"]?[0]?["component"]?["max_length"]?.intValue == 500)

            let submit = try await world.submit(.rejectReason(workflowId: workflow.id), [.textInput(customID: "reason", value: " Dates clash with the festival ")])
            let reply = try world.callback(submit)
            #expect(reply.data["flags"]?.intValue == 64)
            let content = try #require(reply.data["content"]?.stringValue)
            #expect(content.contains("rejected by <@\(Persona.moderator.userID)>") && content.contains("Dates clash with the festival"))

            #expect(try await world.workflow(workflow.id)?.status == .rejected)
            let audit = try #require(try await AuditTable.list(workflowId: workflow.id, on: world.pool).last)
            #expect(audit.action == .reject && audit.detail["reason"] == "Dates clash with the festival")

            for customID in [ComponentRoute.approveRequest(workflowId: workflow.id).customID, ComponentRoute.rejectRequest(workflowId: workflow.id).customID] {
                let late = try world.callback(try await world.click(customID))
                #expect(late.type == 4)
                #expect(late.data["content"]?.stringValue == "Request #\(workflow.id) is already rejected (by <@\(Persona.moderator.userID)>).")
            }
        }
    }

    @Test("reject by command takes the reason option; one over 500 characters is refused and nothing changes")
    func rejectCommand() async throws {
        try await BotWorld.with { world in
            let workflow = try await world.file()
            let long = try world.callback(try await world.workflowCommand("reject", [.integer("id", workflow.id),
                                                                                   .string("reason", String(repeating: "x", count: 501))]))
            #expect(long.data["content"]?.stringValue == "Reason: at most 500 characters")
            #expect(try await world.workflow(workflow.id)?.status == .pending)
            let reply = try world.callback(try await world.workflowCommand("reject", [.integer("id", workflow.id)]))
            #expect(reply.data["content"]?.stringValue == "Request #\(workflow.id) was rejected by <@\(Persona.moderator.userID)>.")
            let missing = try world.callback(try await world.workflowCommand("reject", [.integer("id", 99)]))
            #expect(missing.data["content"]?.stringValue == "Request #99 does not exist.")
        }
    }
}

extension WorkflowApprovalTests {
    @Test("approving with no free server says so in the moderator's language and leaves the request PENDING without a server")
    func noFreeServer() async throws {
        try await BotWorld.with(servers: 1) { world in
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            let first = try await world.file()
            let second = try await world.file()
            // The first approval's answer comes before the second is sent: interactions are handled
            // concurrently, so on a loaded machine the second could otherwise take the server first.
            _ = try await world.answer(try await world.workflowCommand("approve", [.integer("id", first.id)]))
            let command = try await world.workflowCommand("approve", [.integer("id", second.id)])
            #expect(try world.callback(command).data["flags"]?.intValue == 64)
            let reply = try await world.answer(command)
            #expect(reply["content"]?.stringValue?.contains("No server is free") == true, "\(reply)")
            let unchanged = try #require(try await world.workflow(second.id))
            #expect(unchanged.status == .pending && unchanged.pteroServerId == nil)
            #expect(try await world.tasks(of: second.id).isEmpty)
        }
    }
}
