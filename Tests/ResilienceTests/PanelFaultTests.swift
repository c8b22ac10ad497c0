import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelSimulator
import PanelTesting
import Postgres
import Testing

extension Resilience {
    @Suite("the panel answering 500s and 429s during approvals")
    struct PanelFaultTests {
        /// The routes an approval calls: finding and creating the account, the server, its sub-users
        /// and its description.
        static let routes: [PanelSimulatedRoute] = [.listUsers, .getUserByExternalID, .createUser, .getServer, .getApplicationServer,
                                                    .listSubusers, .createSubuser, .updateServerDetails]

        @Test("every approval completes; no panel account or sub-user is made twice")
        func approvalsThroughFaults() async throws {
            let count = ResilienceScale.current.approvals
            try await ResilienceWorld.with(servers: count, members: count) { world in
                let members = (1...count).map(Persona.numbered)
                var workflows: [Int] = []
                for member in members {
                    let filed = try await world.bot.services.workflow.file(
                        NewWorkflow(applicantDiscordId: member.userID, description: "Event of \(member.username)", mcVersion: "1.21.4",
                                    periodDays: 7, organizerDiscordId: member.userID), panelUsers: [member.userID])
                    workflows.append(filed.id)
                }
                // The moderator presses Approve on each request and names each newcomer's panel account.
                for (member, id) in zip(members, workflows) {
                    let approve = try await world.send(world.gateway.makeComponentInteraction(customID: ComponentRoute.approveRequest(workflowId: id).customID, as: Persona.moderator))
                    #expect(world.rest.interactionResponses(for: approve.id).first?.kind == .callback(type: 9), "Approve opens the usernames form")
                    let names = try await world.send(world.gateway.makeModalSubmitInteraction(
                        customID: ComponentRoute.usernames(workflowId: id).customID, fields: [.textInput(customID: member.userID, value: Self.username(member))], as: Persona.moderator))
                    let reply = try await world.finalReplyText(names)
                    #expect(reply?.contains("#\(id)") == true, "\(reply ?? "no reply")")
                }
                #expect(try await world.count("LendingTask") == count)

                // Every route the tasks call fails, alternately 500 and 429, as many times as there are approvals.
                for route in Self.routes {
                    for attempt in 0..<count {
                        world.panelWorld.panel.injectFault(.status(attempt.isMultiple(of: 2) ? 500 : 429), on: route)
                    }
                }
                try await world.drainTasks()

                let failures = world.panelWorld.panel.requests.filter { $0.status == 500 || $0.status == 429 }.count
                #expect(failures > 0, "the faults were met")
                let states = try await world.pool.query(#"SELECT "state"::text AS s FROM "LendingTask""#, named: "task states").rows.map { try $0.decode("s", as: String.self) }
                #expect(states == Array(repeating: "SUCCEEDED", count: count), "\(states)")
                for (member, id) in zip(members, workflows) {
                    let workflow = try #require(try await WorkflowTable.find(id: id, on: world.pool))
                    #expect(workflow.status == .active, "#\(id) is \(workflow.status)")
                    #expect(world.panelWorld.panel.users.filter { $0.username == Self.username(member) }.count == 1, "one account for \(member.username)")
                    let subusers = world.panelWorld.panel.subusers(of: workflow.pteroServerId ?? "")
                    #expect(subusers.count == 1, "sub-users of #\(id)'s server: \(subusers.map(\.email))")
                }
                #expect(try await world.count("PterodactylUser") == count)
                print("panel faults: \(count) approvals completed through \(failures) panel failures")
            }
        }

        static func username(_ member: SimulatedInvoker) -> String { "player-\(member.username)" }
    }
}
