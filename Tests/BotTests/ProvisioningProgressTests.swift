import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import SimulatorSupport
import Testing

/// What a moderator sees while an approval prepares the server: the private reply follows each
/// stage, and ends with the installed version and the address; a server that cannot run the
/// version is refused in that reply with nothing reserved.
@Suite("Provisioning as a moderator sees it")
struct ProvisioningProgressTests {

    @Test("Approve on a 26.1 request: the reply follows install and start, the loan notices show 26.1, every body is valid")
    func progressInTheReply() async throws {
        try await BotWorld.with(servers: 1) { world in
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            let workflow = try await world.file(mcVersion: "26.1")
            let approve = try await world.click(.approveRequest(workflowId: workflow.id))
            #expect(try world.callback(approve).type == 5)
            #expect(try await world.answer(approve)["content"]?.stringValue?.contains("server01") == true)
            try await world.drainTasks()

            try await eventually("the reply says the server is ready") {
                world.rest.originalResponse(for: approve.id)?["content"]?.stringValue?.contains("runs 26.1") == true
            }
            let edits = world.rest.requests.filter { $0.method == "PATCH" && $0.path.hasSuffix("/messages/@original") }
                .compactMap { $0.body?["content"]?.stringValue }
            #expect(edits.contains { $0.contains("installing 26.1 on Java 25") }, "\(edits)")
            #expect(edits.contains { $0.contains("starting") }, "\(edits)")
            #expect(edits.last?.contains("mc1.kpw.local:25565") == true, "\(edits)")
            let server = try #require(world.panelWorld.panel.server(SeededGuild.serverIdentifier(1)))
            #expect(server.installedVersion == "26.1" && server.dockerImage.hasSuffix("java_25") && server.powerState == "running")
            let posted = world.rest.sentMessages(in: SeededGuild.notifyChannelID)
            #expect(posted.contains { $0["embeds"]?.arrayValue?.first?["fields"]?.arrayValue?.contains { $0["value"]?.stringValue == "26.1" } == true })
            try await world.expectSpecValidBodies()
        }
    }

    @Test("the moderators' New request post follows the approval: stages in place of the buttons, ready at the end, no new ping")
    func requestPostFollowsTheApproval() async throws {
        try await BotWorld.with(servers: 1) { world in
            _ = try await world.send(world.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])], as: Persona.member))
            _ = try await world.send(world.gateway.makeModalSubmitInteraction(customID: ComponentRoute.checkoutForm.customID, fields: CheckoutTests.fields(
                panelUsers: [Persona.resolved(Persona.member)]), as: Persona.member))
            try await eventually("the moderators' notice") { !world.rest.sentMessages(in: SeededGuild.notifyChannelID).isEmpty }
            let post = try #require(world.rest.sentMessages(in: SeededGuild.notifyChannelID).first)
            let postID = try #require(post["id"]?.stringValue)
            #expect(BotWorld.buttons(in: post).map(\.id) == [ComponentRoute.approveRequest(workflowId: 1).customID, ComponentRoute.rejectRequest(workflowId: 1).customID])

            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            let approve = try await world.click(.approveRequest(workflowId: 1))
            _ = try await world.answer(approve)
            try await world.drainTasks()
            try await eventually("the post says the server is ready") {
                world.rest.message(postID, in: SeededGuild.notifyChannelID)?["content"]?.stringValue?.contains("runs 1.21.4") == true
            }
            let edited = try #require(world.rest.message(postID, in: SeededGuild.notifyChannelID))
            let content = edited["content"]?.stringValue ?? ""
            #expect(content.hasPrefix(post["content"]?.stringValue ?? "-"), "the first line stays: \(content)")
            #expect(BotWorld.buttons(in: edited).isEmpty)
            let edits = world.rest.requests.filter { $0.method == "PATCH" && $0.path.hasSuffix("/messages/\(postID)") }
            #expect(edits.count >= 3, "preparing, installing, starting, ready")
            #expect(edits.allSatisfy { $0.body?["allowed_mentions"]?["parse"]?.arrayValue?.isEmpty == true && $0.body?["allowed_mentions"]?["roles"] == nil })
            try await world.expectSpecValidBodies()
        }
    }

    @Test("a server whose egg lacks Java 25 is refused in the reply, and the request keeps no server")
    func refusedInTheReply() async throws {
        try await BotWorld.with(servers: 1, adjustPanel: { configuration in
            configuration.servers[0].eggImages = SimulatedPanelServer.javaImages.filter { !$0.key.hasSuffix("25") }
        }) { world in
            try await world.giveAccount(to: Persona.member.userID, username: "alice")
            let workflow = try await world.file(mcVersion: "26.1")
            let command = try await world.workflowCommand("approve", [.integer("id", workflow.id)])
            let reply = try await world.answer(command)["content"]?.stringValue ?? ""
            #expect(reply.contains("server01 offers Java 8 to 21; 26.1 needs Java 25"), "\(reply)")
            #expect(try await world.workflow(workflow.id)?.pteroServerId == nil)
            #expect(try await world.tasks(of: workflow.id).isEmpty)
            try await world.expectSpecValidBodies()
        }
    }
}
