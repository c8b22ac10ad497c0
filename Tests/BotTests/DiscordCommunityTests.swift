import BotTesting
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import Testing

/// Serialized: each test starts the simulators and migrates a database of its own, and the two
/// shared cores also serve other suites that race Discord's 3-second deadline.
@Suite("The community on Discord", .serialized)
struct DiscordCommunityTests {

    @Test("the panel-user role is given once, with an audit-log reason; a member who has it costs no write")
    func grantRole() async throws {
        try await BotWorld.with { world in
            try await world.community.grantPanelUserRole(to: Persona.member.userID)
            #expect(world.rest.roles(of: Persona.member.userID).contains(SeededGuild.panelUserRoleID))
            let put = try #require(world.rest.requests(to: .addMemberRole).first)
            #expect(put.header("X-Audit-Log-Reason")?.removingPercentEncoding == "lending-bot: panel user of an approved loan")
            try await world.community.grantPanelUserRole(to: Persona.member.userID)
            #expect(world.rest.requests(to: .addMemberRole).count == 1)
            #expect(world.rest.requests(to: .getMember).count == 2)
        }
    }

    @Test("a stranger to the guild gets no role and stops nothing; no role is written")
    func stranger() async throws {
        try await BotWorld.with { world in
            try await world.community.grantPanelUserRole(to: "1500000000000000077")
            #expect(world.rest.requests(to: .addMemberRole).isEmpty)
            let name = try await world.community.displayName(of: "1500000000000000077")
            #expect(name == nil)
        }
    }

    @Test("the display name is the member's username when no nickname or global name is set")
    func displayName() async throws {
        try await BotWorld.with { world in
            let name = try await world.community.displayName(of: Persona.otherMember.userID)
            #expect(name == "bob")
        }
    }
}
