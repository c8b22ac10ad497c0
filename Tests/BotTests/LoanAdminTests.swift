import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import SimulatorSupport
import Testing

@Suite("Moderators' loans, server pool and server status, end to end")
struct LoanAdminTests {

    static func embedCharacters(_ embed: SimulatorJSON) -> Int {
        func count(_ json: SimulatorJSON?) -> Int { json?.stringValue?.unicodeScalars.count ?? 0 }
        let fields = embed["fields"]?.arrayValue ?? []
        return count(embed["title"]) + count(embed["description"]) + count(embed["footer"]?["text"])
            + fields.reduce(0) { $0 + count($1["name"]) + count($1["value"]) }
    }

    @Test("checkout list shows 30 loans in pages whose embed stays within Discord's limits, with a Gantt chart row per loan")
    func checkoutListPages() async throws {
        try await BotWorld.with(servers: 30) { world in
            let driver = LoanDriver(world)
            var loans: [WorkflowRecord] = []
            for number in 1...30 {
                loans.append(try await driver.activeLoan(description: "Purpose \(number) " + String(repeating: "long words ", count: 8), periodDays: 1 + number % 20))
            }
            let command = try await driver.admin(["checkout", "list"])
            #expect(try driver.callback(command).type == 5)
            #expect(try driver.isEphemeral(command))
            let message = try await driver.answer(command)
            let embed = try #require(message["embeds"]?[0])
            let description = try #require(embed["description"]?.stringValue)
            #expect(description.unicodeScalars.count <= 4096)
            #expect(Self.embedCharacters(embed) <= 6000)
            #expect(embed["footer"]?["text"]?.stringValue == "Page 1 of 3")
            let chart = try #require(description.components(separatedBy: "```").dropFirst().first)
            let rows = chart.split(separator: "\n").filter { $0.contains("#") && $0.contains("server") }
            #expect(rows.count == 10)
            #expect(chart.contains("v today"))
            // Soonest end first: the 1-day loans lead.
            let soonest = loans.sorted { ($0.endDate!, $0.id) < ($1.endDate!, $1.id) }
            #expect(rows.first?.contains("#\(soonest[0].id) ") == true, "\(rows)")
            #expect(description.contains("1 day left"))
            #expect(BotWorld.customIDs(in: message) == [ComponentRoute.activeLoansPage(0).customID, ComponentRoute.activeLoansPage(1).customID])

            let next = try await driver.click(.activeLoansPage(1), as: Persona.moderator)
            #expect(try driver.callback(next).type == 7)
            let second = try await driver.answer(next)
            #expect(second["embeds"]?[0]?["footer"]?["text"]?.stringValue == "Page 2 of 3")
            #expect(BotWorld.customIDs(in: second) == [ComponentRoute.activeLoansPage(0).customID, ComponentRoute.activeLoansPage(2).customID])
            let last = try await driver.answer(try await driver.click(.activeLoansPage(2), as: Persona.moderator))
            let lastDescription = try #require(last["embeds"]?[0]?["description"]?.stringValue)
            #expect(lastDescription.contains("#\(soonest[29].id)`"))
            // Members cannot page through the moderators' list.
            let refused = try await driver.click(.activeLoansPage(1), as: Persona.member)
            #expect(try await driver.content(refused).contains("モデレーター"))
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("checkout list without loans says so")
    func checkoutListEmpty() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let command = try await driver.admin(["checkout", "list"])
            let content = try await driver.content(command)
            #expect(content == "No server is lent right now.")
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("checkout extend sets the end of the given day, refuses a badly written date and a RETURNED loan")
    func checkoutExtend() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            for bad in ["2026/02/30", "next friday", "01-20"] {
                let reply = try await driver.content(try await driver.admin(["checkout", "extend"], [.integer("id", loan.id), .string("date", bad)]))
                #expect(reply.contains("YYYY-MM-DD"), "\(bad): \(reply)")
            }
            #expect(try await driver.loan(loan.id) == loan)

            let command = try await driver.admin(["checkout", "extend"], [.integer("id", loan.id), .string("date", "2026-01-20")])
            #expect(try driver.isEphemeral(command))
            let end = try #require(try await driver.loan(loan.id).endDate)
            let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
            #expect(end == CalendarDate(year: 2026, month: 1, day: 20)?.end(in: tokyo))
            #expect(try await driver.content(command).contains("<t:\(Int(end.timeIntervalSince1970)):D>"))

            _ = try await world.services.workflow.requestReturn(loan.id, by: Persona.moderator.userID, asModerator: true)
            try await driver.world.drainTasks()
            let returned = try await driver.loan(loan.id)
            let refused = try await driver.admin(["checkout", "extend"], [.integer("id", loan.id), .string("date", "2026-02-01")])
            #expect(try await driver.content(refused).contains("returned"))
            #expect(try await driver.loan(loan.id) == returned)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("checkout extend reads 1月20日 as the coming 20th of January and refuses 3/4 naming both readings, changing nothing")
    func checkoutExtendOtherForms() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let ambiguous = try await driver.content(try await driver.admin(["checkout", "extend"], [.integer("id", loan.id), .string("date", "3/4")]))
            #expect(ambiguous.contains("2026-03-04") && ambiguous.contains("2026-04-03") && ambiguous.contains("YYYY-MM-DD"), "\(ambiguous)")
            let missing = try await driver.content(try await driver.admin(["checkout", "extend"], [.integer("id", loan.id), .string("date", "2/30")]))
            #expect(missing.contains("no such day"), "\(missing)")
            #expect(try await driver.loan(loan.id) == loan)

            // The world's clock stands at 2026-01-01 in Tokyo.
            _ = try await driver.admin(["checkout", "extend"], [.integer("id", loan.id), .string("date", "１月２０日")])
            let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
            #expect(try await driver.loan(loan.id).endDate == CalendarDate(year: 2026, month: 1, day: 20)?.end(in: tokyo))
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("checkout return queues the return of any ACTIVE loan at once; running the tasks returns it")
    func checkoutReturn() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let command = try await driver.admin(["checkout", "return"], [.integer("id", loan.id)])
            #expect(try driver.isEphemeral(command))
            #expect(try await driver.content(command).contains("queued"))
            let again = try await driver.admin(["checkout", "return"], [.integer("id", loan.id)])
            #expect(try await driver.content(again).contains("already being returned"))
            try await driver.world.drainTasks()
            #expect(try await driver.loan(loan.id).status == .returned)
            let missing = try await driver.admin(["checkout", "return"], [.integer("id", 99)])
            #expect(try await driver.content(missing).contains("#99 does not exist"))
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("autocomplete of checkout ids offers every ACTIVE loan; server names are offered from the pool")
    func adminAutocomplete() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let mine = try await driver.activeLoan(description: "Build contest")
            let theirs = try await driver.activeLoan(description: "Parkour night", organizer: Persona.otherMember)
            for subcommand in ["extend", "return"] {
                let all = try await driver.autocomplete("mcserver-admin", ["checkout", subcommand], [MemberLoanTests.typed("")], as: Persona.moderator)
                #expect(Set(all.compactMap { $0["value"]?.intValue }) == [mine.id, theirs.id])
                let typed = try await driver.autocomplete("mcserver-admin", ["checkout", subcommand], [MemberLoanTests.typed("parkour")], as: Persona.moderator)
                #expect(typed.compactMap { $0["value"]?.intValue } == [theirs.id])
            }
            let servers = try await driver.autocomplete("mcserver-admin", ["server", "status"], [.string("server", "", focused: true)], as: Persona.moderator)
            #expect(servers.compactMap { $0["value"]?.stringValue } == ["server01", "server02", "server03"])
            let typed = try await driver.autocomplete("mcserver-admin", ["server-binding", "unset"], [.string("name", "R02", focused: true)], as: Persona.moderator)
            #expect(typed.compactMap { $0["value"]?.stringValue } == ["server02"])
            // A member gets no choices from the moderators' command.
            let member = try await driver.autocomplete("mcserver-admin", ["checkout", "extend"], [MemberLoanTests.typed("")], as: Persona.member)
            #expect(member.isEmpty)
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("server-binding list shows each alias with its panel id and holder")
    func bindingList() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let message = try await driver.answer(try await driver.admin(["server-binding", "list"]))
            let description = try #require(message["embeds"]?[0]?["description"]?.stringValue)
            #expect(description.contains("`server01` → `5e000001` · paper · lent to #\(loan.id)"), "\(description)")
            #expect(description.contains("`server02` → `5e000002` · paper · free"))
            #expect(description.contains("`server03` → `5e000003` · paper · free"))
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("server-binding set refuses a server the panel does not have and an alias in use; unset refuses a held server")
    func bindingChanges() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            let held = try #require(loan.pteroServerId)
            let before = try await ServerBindingTable.list(on: world.pool)

            let missing = try await driver.admin(["server-binding", "set"], [.string("name", "server09"), .string("ptero-id", "5e999999")])
            #expect(try driver.callback(missing).type == 5)
            #expect(try await driver.content(missing).contains("no server 5e999999"))
            let badShape = try await driver.admin(["server-binding", "set"], [.string("name", "server 9"), .string("ptero-id", "5e000002")])
            #expect(try await driver.content(badShape).contains("letters, digits"))
            let twice = try await driver.admin(["server-binding", "set"], [.string("name", "server09"), .string("ptero-id", "5e000002")])
            #expect(try await driver.content(twice).contains("already in the pool as server02"))
            let unsetHeld = try await driver.admin(["server-binding", "unset"], [.string("name", "server01")])
            #expect(try await driver.content(unsetHeld).contains("in use by request #\(loan.id)"))
            #expect(try await ServerBindingTable.list(on: world.pool) == before)

            let unset = try await driver.admin(["server-binding", "unset"], [.string("name", "server03")])
            #expect(try await driver.content(unset).contains("no longer in the pool"))
            let repoint = try await driver.admin(["server-binding", "set"], [.string("name", "server01"), .string("ptero-id", "5e000003")])
            #expect(try await driver.content(repoint).contains("in use by request #\(loan.id)"))
            #expect(try await ServerBindingTable.find(name: "server01", on: world.pool)?.pteroId == held)
            let set = try await driver.admin(["server-binding", "set"], [.string("name", "spare"), .string("ptero-id", "5e000003")])
            #expect(try await driver.content(set).contains("spare now points at panel server 5e000003"))
            #expect(try await ServerBindingTable.find(name: "spare", on: world.pool)?.pteroId == "5e000003")
            let unknown = try await driver.admin(["server-binding", "unset"], [.string("name", "server03")])
            #expect(try await driver.content(unknown).contains("no server called server03"))
            driver.expectEveryRequestAccepted()
        }
    }

    @Test("server status reads the panel after a deferral and shows power, usage, address and the loan")
    func serverStatus() async throws {
        try await BotWorld.with { world in
            let driver = LoanDriver(world)
            let loan = try await driver.activeLoan()
            world.panelWorld.panel.setPowerState(of: "5e000001", to: "running")
            world.panelWorld.panel.advance(by: .seconds(60))
            let command = try await driver.admin(["server", "status"], [.string("server", "server01")])
            #expect(try driver.callback(command).type == 5)
            #expect(try driver.isEphemeral(command))
            let embed = try #require(try await driver.answer(command)["embeds"]?[0])
            #expect(embed["title"]?.stringValue == "server01 (5e000001)")
            let fields = Dictionary(uniqueKeysWithValues: (embed["fields"]?.arrayValue ?? []).compactMap { field in
                field["name"]?.stringValue.flatMap { name in field["value"]?.stringValue.map { (name, $0) } }
            })
            #expect(fields["Power"] == "Running")
            #expect(fields["CPU"] == "12.5% / 200%")
            #expect(fields["Memory"] == "1.0 GiB / 4.0 GiB")
            #expect(fields["Disk"] == "50.0 MiB / 20.0 GiB")
            #expect(fields["Address"] == "`mc1.kpw.local:25565`")
            #expect(fields["Loan"]?.contains("#\(loan.id) Summer build contest") == true)

            let unknown = try await driver.admin(["server", "status"], [.string("server", "server99")])
            #expect(try await driver.content(unknown).contains("no server called server99"))
            let member = try await driver.admin(["server", "status"], [.string("server", "server01")], as: Persona.member)
            #expect(try await driver.content(member).contains("モデレーター"))
            driver.expectEveryRequestAccepted()
        }
    }
}
