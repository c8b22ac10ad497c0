import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelTesting
import Postgres
import SimulatorSupport
import Testing

/// The moderators' list, autocomplete, edit and task retry, end to end.
@Suite("Listing, editing and retrying, end to end")
struct WorkflowBrowsingTests {

    static func fieldIDs(_ data: SimulatorJSON) -> [Int] {
        (data["embeds"]?[0]?["fields"]?.arrayValue ?? []).compactMap { field in
            field["name"]?.stringValue?.split(separator: " ").first.flatMap { Int($0.dropFirst()) }
        }
    }

    @Test("thirty pending requests are listed ten at a time; Next and Previous re-read the database and keep within Discord's limits")
    func pagination() async throws {
        try await BotWorld.with { world in
            for number in 1...30 {
                try await world.file(description: String(repeating: "長い目的\(number) ", count: 12), panelUsers: [Persona.member.userID, Persona.otherMember.userID])
            }
            let list = try world.callback(try await world.workflowCommand("list"))
            #expect(list.type == 4 && list.data["flags"]?.intValue == 64)
            #expect(Self.fieldIDs(list.data) == Array(1...10))
            #expect(list.data["embeds"]?[0]?["footer"]?["text"]?.stringValue == "Showing #1–#10 of 30")
            #expect(BotWorld.embedCharacters(in: list.data) <= 6000)
            let firstButtons = BotWorld.buttons(in: list.data)
            #expect(firstButtons.map(\.id) == [ComponentRoute.requestListPage(status: .pending, cursor: .before(1)).customID, ComponentRoute.requestListPage(status: .pending, cursor: .after(10)).customID])
            #expect(firstButtons.map(\.disabled) == [true, false])

            let second = try world.callback(try await world.click(.requestListPage(status: .pending, cursor: .after(10))))
            #expect(second.type == 7)
            #expect(Self.fieldIDs(second.data) == Array(11...20))
            #expect(BotWorld.buttons(in: second.data).map(\.disabled) == [false, false])

            // Request 25 is decided meanwhile: the next page is read as the database is now.
            _ = try await world.services.workflow.reject(25, by: Persona.moderator.userID, reason: nil)
            let third = try world.callback(try await world.click(.requestListPage(status: .pending, cursor: .after(20))))
            #expect(Self.fieldIDs(third.data) == [21, 22, 23, 24, 26, 27, 28, 29, 30])
            #expect(BotWorld.buttons(in: third.data).map(\.id) == [ComponentRoute.requestListPage(status: .pending, cursor: .before(21)).customID, ComponentRoute.requestListPage(status: .pending, cursor: .after(30)).customID])
            #expect(BotWorld.buttons(in: third.data).map(\.disabled) == [false, true])
            #expect(third.data["embeds"]?[0]?["footer"]?["text"]?.stringValue == "Showing #21–#30 of 29")

            let back = try world.callback(try await world.click(.requestListPage(status: .pending, cursor: .before(21))))
            #expect(Self.fieldIDs(back.data) == Array(11...20))
            for page in [list, second, third, back] {
                #expect(BotWorld.embedCharacters(in: page.data) <= 6000)
                #expect(page.data["embeds"]?[0]?["color"]?.intValue == 0x3498DB)
            }

            let rejected = try world.callback(try await world.workflowCommand("list", [.string("status", "REJECTED")]))
            #expect(Self.fieldIDs(rejected.data) == [25])
            #expect(BotWorld.buttons(in: rejected.data).isEmpty)
            let active = try world.callback(try await world.workflowCommand("list", [.string("status", "ACTIVE")]))
            #expect(active.data["embeds"]?[0]?["description"]?.stringValue == "There are no active requests.")
        }
    }

    @Test("a list in Japanese follows the moderator's locale; long entries shorten the page to stay within 6000 characters")
    func japaneseList() async throws {
        try await BotWorld.with(servers: 10) { world in
            let many = [Persona.member.userID, Persona.otherMember.userID] + (3...10).map { "17000000000000000\(String(format: "%02d", $0))" }
            for (index, user) in many.enumerated() { try await world.giveAccount(to: user, username: "player\(index)") }
            // One character each for the request rules, seven Unicode scalars each for Discord.
            let family = String(repeating: "👨‍👩‍👧‍👦", count: 100)
            for number in 1...12 {
                try await world.file(description: family, applicant: Persona.otherMember.userID, panelUsers: many)
                // Reserved, approval running: the longest kind of entry.
                if number <= 10 { _ = try await world.services.workflow.approve(number, by: Persona.moderator.userID) }
            }
            let japaneseModerator = SimulatedInvoker(userID: Persona.moderator.userID, username: "mod", roleIDs: [SeededGuild.moderatorRoleID],
                                                     permissions: SimulatedInvoker.memberPermissions, locale: "ja")
            let list = try world.callback(try await world.workflowCommand("list", as: japaneseModerator))
            #expect(list.data["embeds"]?[0]?["title"]?.stringValue == "審査中の申請")
            #expect(BotWorld.embedCharacters(in: list.data) <= 6000)
            let shown = Self.fieldIDs(list.data)
            #expect(!shown.isEmpty && shown.count < 10)
            let last = try #require(shown.last)
            #expect(BotWorld.buttons(in: list.data).map(\.id) == [ComponentRoute.requestListPage(status: .pending, cursor: .before(1)).customID, ComponentRoute.requestListPage(status: .pending, cursor: .after(last)).customID])
            #expect(list.data["embeds"]?[0]?["footer"]?["text"]?.stringValue == "#1〜#\(last) を表示（全12件）")

            let next = try world.callback(try await world.click(.requestListPage(status: .pending, cursor: .after(last)), as: japaneseModerator))
            #expect(Self.fieldIDs(next.data).first == last + 1)
            #expect(BotWorld.embedCharacters(in: next.data) <= 6000)
        }
    }

    @Test("autocomplete offers the requests in the subcommand's statuses by id prefix or purpose, and only the free servers")
    func autocomplete() async throws {
        try await BotWorld.with { world in
            for number in 1...12 {
                try await world.file(description: number == 4 ? "Halloween party" : "Event \(number)")
            }
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            _ = try await world.services.workflow.approve(2, by: Persona.moderator.userID)
            try await world.drainTasks()
            _ = try await world.services.workflow.reject(3, by: Persona.moderator.userID, reason: nil)

            func choices(_ subcommand: String, _ option: SimulatedCommandOption) async throws -> [SimulatorJSON] {
                let reply = try world.callback(try await world.autocomplete(subcommand, [option]))
                #expect(reply.type == 8)
                return reply.data["choices"]?.arrayValue ?? []
            }
            func ids(_ choices: [SimulatorJSON]) -> [Int] { choices.compactMap { $0["value"]?.intValue } }

            #expect(ids(try await choices("approve", .value("id", type: 4, .string(""), focused: true))) == [1] + Array(4...12))
            #expect(ids(try await choices("reject", .value("id", type: 4, .string("1"), focused: true))) == [1, 10, 11, 12])
            #expect(ids(try await choices("edit", .value("id", type: 4, .string("#2"), focused: true))) == [2])
            #expect(ids(try await choices("edit", .value("id", type: 4, .string("hallo"), focused: true))) == [4])
            let named = try await choices("approve", .integer("id", 4, focused: true))
            #expect(named.first?["name"]?.stringValue == "#4 Halloween party")
            #expect(named.allSatisfy { ($0["name"]?.stringValue?.unicodeScalars.count ?? 0) <= 100 })

            let servers = try await choices("approve", .string("server", "", focused: true))
            // Only the free servers: server01 is lent to #2.
            #expect(servers.compactMap { $0["value"]?.stringValue } == ["server02", "server03"])
            #expect(servers.last?["name"]?.stringValue == "server03 — free · paper")
            let typed = try await choices("approve", .string("server", "03", focused: true))
            #expect(typed.compactMap { $0["value"]?.stringValue } == ["server03"])

            // A member is given nothing, whatever they type.
            let member = try world.callback(try await world.autocomplete("approve", [.value("id", type: 4, .string(""), focused: true)],
                                                                        as: Persona.member))
            #expect(member.data["choices"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test("editing an ACTIVE loan opens a prefilled modal without the period; the saved edit keeps the extended end date")
    func editActive() async throws {
        try await BotWorld.with { world in
            let workflow = try await world.file(description: "Build contest", periodDays: 7)
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            _ = try await world.services.workflow.approve(workflow.id, by: Persona.moderator.userID)
            try await world.drainTasks()
            let zone = world.configuration.timeZone
            let today = CalendarDate(containing: world.services.clock.date, in: zone)
            let target = try #require(CalendarDate(year: today.year + 1, month: 3, day: 3))
            let extended = try await world.services.workflow.extend(workflow.id, by: Persona.moderator.userID, to: target)

            let modal = try world.callback(try await world.workflowCommand("edit", [.integer("id", workflow.id)]))
            #expect(modal.type == 9)
            #expect(modal.data["custom_id"]?.stringValue == ComponentRoute.editRequest(workflowId: workflow.id).customID)
            let inputs = modal.data["components"]?.arrayValue?.compactMap { $0["component"] } ?? []
            #expect(inputs.compactMap { $0["custom_id"]?.stringValue } == ["description", "mcVersion"])
            #expect(inputs.compactMap { $0["value"]?.stringValue } == ["Build contest", "1.21.4"])

            let submit = try await world.submit(.editRequest(workflowId: workflow.id), [.textInput(customID: "description", value: "Build contest finals"),
                                                                          .textInput(customID: "mcVersion", value: "1.20.1")])
            let reply = try world.callback(submit)
            #expect(reply.data["flags"]?.intValue == 64)
            #expect(reply.data["content"]?.stringValue == "Request #\(workflow.id) was updated by <@\(Persona.moderator.userID)>.")
            #expect(reply.data["embeds"]?[0]?["title"]?.stringValue == "#\(workflow.id) Build contest finals")

            let stored = try #require(try await world.workflow(workflow.id))
            #expect(stored.description == "Build contest finals" && stored.mcVersion == "1.20.1")
            #expect(stored.endDate == extended.endDate && stored.startDate == extended.startDate)
            #expect(stored.status == .active)
        }
    }

    @Test("editing a PENDING request includes the period; bad values are named, a rejected request cannot be edited")
    func editPending() async throws {
        try await BotWorld.with { world in
            let workflow = try await world.file()
            let modal = try world.callback(try await world.workflowCommand("edit", [.integer("id", workflow.id)]))
            let inputs = modal.data["components"]?.arrayValue?.compactMap { $0["component"]?["custom_id"]?.stringValue }
            #expect(inputs == ["description", "mcVersion", "periodDays"])

            func submit(_ period: String, version: String = "1.21") async throws -> String {
                let interaction = try await world.submit(.editRequest(workflowId: workflow.id), [
                    .textInput(customID: "description", value: "Event"), .textInput(customID: "mcVersion", value: version),
                    .textInput(customID: "periodDays", value: period)])
                return try world.callback(interaction).data["content"]?.stringValue ?? ""
            }
            #expect(try await submit("40") == "Period in days: a whole number from 1 to 30")
            #expect(try await submit("ten") == "Period in days: a whole number from 1 to 30")
            #expect(try await submit("5", version: "one").hasPrefix("Minecraft version:"))
            #expect(try await world.workflow(workflow.id) == workflow)
            #expect(try await submit("14").contains("was updated"))
            #expect(try await world.workflow(workflow.id)?.periodDays == 14)

            _ = try await world.services.workflow.reject(workflow.id, by: Persona.moderator.userID, reason: nil)
            let refused = try world.callback(try await world.workflowCommand("edit", [.integer("id", workflow.id)]))
            #expect(refused.type == 4)
            #expect(refused.data["content"]?.stringValue == "Request #\(workflow.id) is rejected: this cannot be done.")
        }
    }

    @Test("retry requeues a failed task once; a second click says it is not waiting for a retry")
    func retry() async throws {
        try await BotWorld.with { world in
            let workflow = try await world.file()
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            let approval = try await world.services.workflow.approve(workflow.id, by: Persona.moderator.userID)
            // As the runner leaves a task after a permanent failure.
            _ = try await world.pool.query("""
                UPDATE "LendingTask" SET "state" = 'FAILED', "lastError" = 'panel unreachable', "finishedAt" = now() WHERE "id" = \(approval.task.id)
                """)
            let first = try world.callback(try await world.click(.retryTask(taskId: approval.task.id)))
            #expect(first.data["flags"]?.intValue == 64)
            #expect(first.data["content"]?.stringValue?.hasPrefix("Task #\(approval.task.id) (request #\(workflow.id)) was queued again by <@\(Persona.moderator.userID)>") == true)
            let second = try world.callback(try await world.click(.retryTask(taskId: approval.task.id)))
            #expect(second.data["content"]?.stringValue == "Task #\(approval.task.id) is not waiting for a retry.")
            let unknown = try world.callback(try await world.click(.retryTask(taskId: 999)))
            #expect(unknown.data["content"]?.stringValue == "Task #999 does not exist.")

            try await world.drainTasks()
            #expect(try await world.workflow(workflow.id)?.status == .active)
            #expect(try await AuditTable.list(workflowId: workflow.id, on: world.pool).contains { $0.action == .retry && $0.actor == Persona.moderator.userID })
        }
    }
}
