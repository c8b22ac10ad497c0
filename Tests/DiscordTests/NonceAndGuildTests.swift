import BotTesting
@testable import Discord
import DiscordSimulator
import DiscordTesting
import Foundation
import HTTP
import Logging
import Testing

@Suite("Message nonces, the guild and its commands")
struct NonceAndGuildTests {
    @Test("nonce and enforce_nonce are sent as Discord spells them, and omitted when unset")
    func encoding() throws {
        let text = try JSON.string(MessageCreate(content: "hi", nonce: "abc", enforceNonce: true))
        #expect(text.contains(#""nonce":"abc""#) && text.contains(#""enforce_nonce":true"#))
        #expect(try !JSON.string(MessageCreate(content: "hi")).contains("nonce"))
    }

    @Test("a nonce over 25 characters, an empty one, or enforce_nonce without one is refused before sending")
    func limits() {
        #expect(MessageCreate(content: "hi", nonce: String(repeating: "a", count: 25), enforceNonce: true).isValid)
        #expect(MessageCreate(content: "hi", nonce: String(repeating: "a", count: 26)).validationErrors(at: "").map(\.field) == ["nonce"])
        #expect(MessageCreate(content: "hi", nonce: "").validationErrors(at: "").map(\.field) == ["nonce"])
        #expect(MessageCreate(content: "hi", enforceNonce: true).validationErrors(at: "").map(\.field) == ["nonce"])
    }

    @Test("the simulator answers a repeated enforced nonce with the message it already created")
    func deduplicated() async throws {
        try await DiscordClientTests.withClient { client, simulator in
            let channel = ChannelID(UInt64(RESTSimulatorFixture.channelID) ?? 0)
            let message = MessageCreate(content: "once", nonce: "n-1", enforceNonce: true)
            let first = try await client.createMessage(in: channel, message)
            let second = try await client.createMessage(in: channel, message)
            #expect(first.id == second.id)
            _ = try await client.createMessage(in: channel, MessageCreate(content: "once", nonce: "n-1"))
            #expect(simulator.sentMessages(in: RESTSimulatorFixture.channelID).count == 2, "without enforce_nonce Discord does not deduplicate")
        }
    }

    @Test("the guild and its registered commands can be read back")
    func guildAndCommands() async throws {
        try await DiscordClientTests.withClient { client, simulator in
            let guild = GuildID(UInt64(simulator.configuration.guildID) ?? 0)
            let application = ApplicationID(UInt64(simulator.configuration.applicationID) ?? 0)
            let info = try await client.guild(guild)
            #expect(info.id == guild && info.preferredLocale == .englishUS)
            #expect(try await client.guildCommands(application: application, guild: guild).isEmpty)
            let command = ApplicationCommand(name: "mcserver", description: "Borrow a server", descriptionLocalizations: [.japanese: "サーバーを借りる"],
                                             options: [CommandOption(type: .subcommand, name: "checkout", description: "Request one")])
            _ = try await client.overwriteGuildCommands([command], application: application, guild: guild)
            let registered = try await client.guildCommands(application: application, guild: guild)
            #expect(registered.map(\.name) == ["mcserver"])
            #expect(registered.first?.descriptionLocalizations?[.japanese] == "サーバーを借りる")
            #expect(registered.first?.options?.map(\.name) == ["checkout"])
        }
    }

    @Test("the simulator's guild matches the spec's GET /guilds/{guild_id} response")
    func guildResponseInSpec() async throws {
        try await DiscordClientTests.withClient { _, simulator in
            let http = try HTTPClient(logger: Logger(label: "test.discord"))
            defer { http.shutdown() }
            let url = simulator.baseURL.absoluteString + "/guilds/" + simulator.configuration.guildID
            let response = try await http.send(HTTPRequest(method: .get, url: url, headers: [
                "Authorization": "Bot \(RESTSimulatorFixture.token)", "User-Agent": "DiscordBot (test, 1)",
            ]))
            #expect(response.status == 200)
            let verdict = try await SpecValidator().check(response.body, method: "get", template: "/guilds/{guild_id}", responseStatus: "200")
            #expect(verdict.isValid, "\(verdict.errors)")
        }
    }
}
