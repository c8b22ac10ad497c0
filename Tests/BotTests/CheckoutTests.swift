import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import Postgres
import SimulatorSupport
import Testing

@Suite("Checkout, end to end")
struct CheckoutTests {

    static func fields(description: String = "Summer build contest", version: String = "1.21.4", period: String = "7",
                       organizer: [SimulatedResolvedUser] = [Persona.resolved(Persona.member)],
                       panelUsers: [SimulatedResolvedUser] = [Persona.resolved(Persona.member), Persona.resolved(Persona.otherMember)]) -> [SimulatedModalField] {
        [.textInput(customID: "description", value: description), .textInput(customID: "mcVersion", value: version),
         .textInput(customID: "periodDays", value: period), .userSelect(customID: "organizer", users: organizer),
         .userSelect(customID: "panelUsers", users: panelUsers)]
    }

    @Test("/mcserver checkout opens the request modal; a valid submission is stored and announced to the moderators")
    func checkout() async throws {
        try await BotWorld.with { world in
            let command = try await world.send(world.gateway.makeCommandInteraction(
                name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.member))
            let opened = try #require(world.rest.interactionResponses(for: command.id).first)
            #expect(opened.kind == .callback(type: 9))
            #expect(opened.body?["data"]?["custom_id"]?.stringValue == ComponentRoute.checkoutForm.customID)

            let submit = try await world.send(world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: Self.fields(), as: Persona.member))
            let reply = try #require(world.rest.interactionResponses(for: submit.id).first?.body)
            #expect(reply["data"]?["content"]?.stringValue?.contains("#1") == true)
            #expect(reply["data"]?["flags"]?.intValue == 64)

            let workflow = try #require(try await WorkflowTable.find(id: 1, on: world.pool))
            #expect(workflow.status == .pending && workflow.applicantDiscordId == Persona.member.userID && workflow.periodDays == 7)
            try await eventually("the moderators' notice") { !world.rest.sentMessages(in: SeededGuild.notifyChannelID).isEmpty }
            let notice = try #require(world.rest.requests(to: .createMessage).first?.body)
            #expect(notice["allowed_mentions"]?["roles"]?.arrayValue?.compactMap(\.stringValue) == [SeededGuild.moderatorRoleID])
            #expect(notice["allowed_mentions"]?["parse"]?.arrayValue?.isEmpty == true)
            #expect(notice["content"]?.stringValue?.contains("<@&\(SeededGuild.moderatorRoleID)>") == true)
            let buttons = notice["components"]?[0]?["components"]?.arrayValue?.compactMap { $0["custom_id"]?.stringValue }
            #expect(buttons == [ComponentRoute.approveRequest(workflowId: 1).customID, ComponentRoute.rejectRequest(workflowId: 1).customID])
        }
    }

    static let badSubmissions: [(String, [SimulatedModalField], String)] = [
        ("empty purpose", fields(description: " "), "目的"),
        ("version 1.x", fields(version: "1.x"), "Minecraft"),
        ("period 0", fields(period: "0"), "期間"),
        ("period 31", fields(period: "31"), "期間"),
        ("period text", fields(period: "seven"), "期間"),
        ("bot organizer", fields(organizer: [Persona.bot]), "主催者"),
        ("bot panel user", fields(panelUsers: [Persona.bot]), "パネルユーザー"),
    ]

    @Test("each bad modal value gets an ephemeral message naming the field, and nothing is stored", arguments: badSubmissions.indices)
    func badSubmission(index: Int) async throws {
        let (_, fields, field) = Self.badSubmissions[index]
        try await BotWorld.with { world in
            let submit = try await world.send(world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: fields, as: Persona.member))
            let reply = try #require(world.rest.interactionResponses(for: submit.id).first?.body)
            #expect(reply["data"]?["flags"]?.intValue == 64)
            #expect(reply["data"]?["content"]?.stringValue?.contains(field) == true, "\(reply)")
            #expect(try await WorkflowTable.find(id: 1, on: world.pool) == nil)
            // A notice would follow the reply; one more answered interaction lets it arrive first.
            _ = try await world.send(world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.member))
            #expect(world.rest.requests(to: .createMessage).isEmpty)
        }
    }

    @Test("a version that does not exist is refused in the modal reply naming the closest releases, read from the manifest; no row is stored")
    func unknownVersion() async throws {
        let manifest = VersionManifestSimulator()
        try await manifest.start()
        defer { Task { await manifest.stop() } }
        try await BotWorld.with(versionManifest: manifest) { world in
            let submit = try await world.send(world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: Self.fields(version: "1.21.12"),
                                                                                       as: Persona.otherMember))
            let reply = try #require(world.rest.interactionResponses(for: submit.id).first?.body)
            #expect(reply["data"]?["flags"]?.intValue == 64)
            #expect(reply["data"]?["content"]?.stringValue == "Minecraft version: 1.21.12 is not a Minecraft release; closest: 26.1, 1.21.11, 1.21.4",
                    "\(reply)")
            #expect(manifest.manifestRequestCount == 1)
            #expect(try await WorkflowTable.find(id: 1, on: world.pool) == nil)
            let rows = try await world.pool.query(#"SELECT count(*)::int AS n FROM "Workflow""#, named: "count workflows")
            #expect(try rows.first?.decode("n", as: Int.self) == 0)

            // In Japanese for a Japanese member; a release the manifest lists is filed.
            let japanese = try await world.send(world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: Self.fields(version: "26.4"),
                                                                                         as: Persona.member))
            let refused = try #require(world.rest.interactionResponses(for: japanese.id).first?.body?["data"]?["content"]?.stringValue)
            #expect(refused.contains("26.4 は Minecraft のリリースではありません。近いリリース: 26.2, 26.1, 1.21.11"), "\(refused)")
            _ = try await world.send(world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: Self.fields(version: "26.1"), as: Persona.member))
            #expect(try await WorkflowTable.find(id: 1, on: world.pool)?.mcVersion == "26.1")
            #expect(manifest.manifestRequestCount == 1, "the cache answered the later submissions")
        }
    }

    @Test("the request form's version hint mentions a year-based release, in both languages")
    func versionHint() async throws {
        try await BotWorld.with { world in
            for persona in [Persona.member, Persona.otherMember] {
                let command = try await world.send(world.gateway.makeCommandInteraction(
                    name: "mcserver", options: [.subcommand("checkout", [])], as: persona))
                let modal = try #require(world.rest.interactionResponses(for: command.id).first?.body)
                let hint = modal["data"]?["components"]?[1]?["description"]?.stringValue
                #expect(hint?.contains("26.1") == true, "\(modal)")
            }
        }
    }

    @Test("a member cannot run an admin command")
    func memberAdminCommand() async throws {
        try await BotWorld.with { world in
            let command = try await world.send(world.gateway.makeCommandInteraction(
                name: "mcserver-admin", options: [.subcommandGroup("workflow", [.subcommand("list", [])])], as: Persona.member))
            let reply = try #require(world.rest.interactionResponses(for: command.id).first?.body)
            #expect(reply["data"]?["flags"]?.intValue == 64)
            #expect(reply["data"]?["content"]?.stringValue?.contains("モデレーター") == true)
        }
    }
}
