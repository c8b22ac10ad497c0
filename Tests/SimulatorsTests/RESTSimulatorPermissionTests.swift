import BotTesting
import Discord
import DiscordSimulator
import DiscordTesting
import Foundation
import SimulatorSupport
import Testing

/// The read routes a permission check needs (guild roles, the bot's member, a channel with its
/// overwrites) agree with what the simulator then enforces, and match the spec's response schemas.
@Suite("REST simulator roles, channels and the bot's permissions", .serialized)
struct RESTSimulatorPermissionTests {
    let guild = "1200000000000000001"
    let spec = SpecValidator()

    @Test("roles: @everyone at 0, manageable roles below the bot's managed role, the others above")
    func rolePositions() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reply = try await client.send("GET", "/guilds/\(guild)/roles")
            #expect(reply.status == 200)
            let roles = try JSONDecoder().decode([Role].self, from: reply.body)
            let positions = Dictionary(uniqueKeysWithValues: roles.map { ($0.id.description, $0.position ?? -1) })
            let bot = simulator.configuration.botRoleID
            #expect(positions[guild] == 0)
            #expect(try #require(positions[RESTSimulatorFixture.lenderRoleID]) < (positions[bot] ?? 0))
            #expect(try #require(positions[RESTSimulatorFixture.adminRoleID]) > (positions[bot] ?? 0))
            #expect(roles.first { $0.id.description == bot }?.permissions?.contains(.manageRoles) == true)
            #expect(roles.first { $0.id.description == bot }?.isManaged == true)
            let verdict = try await spec.check(reply.body, method: "get", template: "/guilds/{guild_id}/roles", responseStatus: "200")
            #expect(verdict.isValid, "\(verdict.errors)")
        }
    }

    @Test("without MANAGE_ROLES the bot's role does not list it, and a role change is refused")
    func noManageRoles() async throws {
        try await RESTSimulatorFixture.withSimulator(configuration: RESTSimulatorFixture.configuration(botCanManageRoles: false)) { simulator, client in
            let roles = try JSONDecoder().decode([Role].self, from: try await client.send("GET", "/guilds/\(guild)/roles").body)
            #expect(roles.first { $0.id.description == simulator.configuration.botRoleID }?.permissions?.contains(.manageRoles) == false)
            let change = try await client.send("PUT", "/guilds/\(guild)/members/\(RESTSimulatorFixture.aliceID)/roles/\(RESTSimulatorFixture.lenderRoleID)")
            #expect(change.status == 403)
        }
    }

    @Test("the bot is a member holding its managed role")
    func botMember() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reply = try await client.send("GET", "/guilds/\(guild)/members/\(simulator.configuration.botUserID)")
            #expect(reply.status == 200)
            let member = try JSONDecoder().decode(GuildMember.self, from: reply.body)
            #expect(member.roles.map(\.description) == [simulator.configuration.botRoleID])
            #expect(member.user?.id.description == simulator.configuration.botUserID)
        }
    }

    @Test("a channel the bot may not post in carries an @everyone overwrite denying SEND_MESSAGES, and posting there is refused")
    func readOnlyChannel() async throws {
        try await RESTSimulatorFixture.withSimulator { simulator, client in
            let reply = try await client.send("GET", "/channels/\(RESTSimulatorFixture.readOnlyChannelID)")
            #expect(reply.status == 200)
            let channel = try JSONDecoder().decode(Channel.self, from: reply.body)
            #expect(channel.guildID?.description == guild)
            #expect(channel.permissionOverwrites == [PermissionOverwrite(id: guild, type: .role, allow: [], deny: .sendMessages)])
            let verdict = try await spec.check(reply.body, method: "get", template: "/channels/{channel_id}", responseStatus: "200")
            #expect(verdict.isValid, "\(verdict.errors)")

            let writable = try JSONDecoder().decode(Channel.self, from: try await client.send("GET", "/channels/\(RESTSimulatorFixture.channelID)").body)
            #expect(writable.permissionOverwrites == [])
            let post = try await client.send("POST", "/channels/\(RESTSimulatorFixture.readOnlyChannelID)/messages", json: ["content": "hi"])
            #expect(post.status == 403)
        }
    }

    @Test("an unknown channel is 404 with code 10003; roles of another guild 404 with 10004")
    func unknowns() async throws {
        try await RESTSimulatorFixture.withSimulator { _, client in
            let channel = try await client.send("GET", "/channels/1300000000000000999")
            #expect(channel.status == 404)
            #expect(channel.json?["code"] == 10003)
            let roles = try await client.send("GET", "/guilds/1200000000000000999/roles")
            #expect(roles.status == 404)
            #expect(roles.json?["code"] == 10004)
        }
    }
}

@Suite("Effective permissions") struct EffectivePermissionTests {
    let guild = GuildID(1200000000000000001)
    let bot = UserID(1100000000000000001)
    let botRole = RoleID(1100000000000000002)

    var roles: [Role] {
        [Role(id: RoleID(guild.rawValue), name: "@everyone", position: 0, permissions: [.viewChannel, .sendMessages, .embedLinks]),
         Role(id: botRole, name: "bot", position: 1, permissions: [.manageRoles])]
    }

    @Test("@everyone's and the member's roles combine; Administrator grants everything; the owner holds everything")
    func guildLevel() {
        let base = Permissions.guildLevel(of: bot, roles: [botRole], in: guild, owner: nil, guildRoles: roles)
        #expect(base == [.viewChannel, .sendMessages, .embedLinks, .manageRoles])
        #expect(Permissions.guildLevel(of: bot, roles: [], in: guild, owner: bot, guildRoles: roles) == .all)
        let admin = roles + [Role(id: RoleID(7), name: "admin", position: 2, permissions: .administrator)]
        #expect(Permissions.guildLevel(of: bot, roles: [RoleID(7)], in: guild, owner: nil, guildRoles: admin) == .all)
    }

    @Test("overwrites apply in Discord's order: @everyone, then the roles (allow wins over deny), then the member")
    func overwrites() {
        let base = Permissions.guildLevel(of: bot, roles: [botRole], in: guild, owner: nil, guildRoles: roles)
        let everyoneDenies = [PermissionOverwrite(id: guild.description, type: .role, deny: .sendMessages)]
        #expect(!base.inChannel(overwrites: everyoneDenies, member: bot, roles: [botRole], guild: guild).contains(.sendMessages))
        let roleAllows = everyoneDenies + [PermissionOverwrite(id: botRole.description, type: .role, allow: .sendMessages)]
        #expect(base.inChannel(overwrites: roleAllows, member: bot, roles: [botRole], guild: guild).contains(.sendMessages))
        let memberDenies = roleAllows + [PermissionOverwrite(id: bot.description, type: .member, deny: [.sendMessages, .embedLinks])]
        let final = base.inChannel(overwrites: memberDenies, member: bot, roles: [botRole], guild: guild)
        #expect(!final.contains(.sendMessages) && !final.contains(.embedLinks) && final.contains(.viewChannel))
        #expect(Permissions.all.inChannel(overwrites: memberDenies, member: bot, roles: [botRole], guild: guild) == .all)
    }
}
