import Foundation
import Testing
@testable import Discord

/// REST response bodies the bot reads. The same fixtures are checked against the spec in
/// `SpecConformanceTests`, so they cannot drift from what Discord documents.
enum ResponseFixtures {
    static let gatewayBot = """
    {"url": "wss://gateway.discord.gg", "shards": 1,
     "session_start_limit": {"total": 1000, "remaining": 998, "reset_after": 14400000, "max_concurrency": 1}}
    """

    static let currentUser = """
    {"id": "900000000000000001", "username": "lending-bot", "avatar": null, "discriminator": "0", "public_flags": 0, "flags": 0,
     "bot": true, "banner": null, "accent_color": null, "global_name": null, "avatar_decoration_data": null, "collectibles": null,
     "primary_guild": null, "mfa_enabled": true, "locale": "en-US", "premium_type": 0, "email": null, "verified": true}
    """

    static let guildMember = """
    {"avatar": null, "banner": null, "communication_disabled_until": null, "flags": 0, "joined_at": "2023-04-01T09:15:22.123000+00:00",
     "nick": null, "pending": false, "premium_since": null, "roles": ["1100000000000000003"], "collectibles": null,
     "user": {"id": "300000000000000002", "username": "mika", "avatar": null, "discriminator": "0", "public_flags": 0, "flags": 0,
              "global_name": "Mika", "primary_guild": null},
     "mute": false, "deaf": false}
    """

    static let dmChannel = """
    {"id": "700000000000000009", "type": 1, "last_message_id": null, "flags": 0,
     "recipients": [{"id": "300000000000000002", "username": "mika", "avatar": null, "discriminator": "0", "public_flags": 0, "flags": 0,
                     "global_name": "Mika", "primary_guild": null}]}
    """

    static let invalidFormBody = """
    {"code": 50035, "message": "Invalid Form Body", "errors": {
      "data": {
        "embeds": {"0": {"title": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 256 or fewer in length."}]}}},
        "components": {"0": {"components": {
          "10": {"custom_id": {"_errors": [{"code": "COMPONENT_CUSTOM_ID_DUPLICATED", "message": "Component custom id cannot be duplicated"}]}},
          "2": {"label": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 80 or fewer in length."}]}}
        }}}
      },
      "_errors": [{"code": "GENERAL", "message": "Something about the whole body."}]
    }}
    """

    /// The docs' example 429 body; it has no `code`, which the spec marks required.
    static let rateLimited = """
    {"message": "You are being rate limited.", "retry_after": 0.529, "global": false}
    """

    /// A 429 with `code`, as the spec's `RatelimitedResponse` requires.
    static let globalRateLimited = """
    {"message": "You are being rate limited.", "retry_after": 1.5, "global": true, "code": 0}
    """
}

@Suite("Decoding REST responses")
struct ResponseDecodingTests {
    @Test("GET /gateway/bot gives the URL and the session start limit")
    func gatewayBot() throws {
        let gateway = try JSON.decode(GatewayBot.self, from: ResponseFixtures.gatewayBot)
        #expect(gateway.url == "wss://gateway.discord.gg")
        #expect(gateway.sessionStartLimit == .init(total: 1000, remaining: 998, resetAfter: 14_400_000, maxConcurrency: 1))
    }

    @Test("GET /users/@me, a guild member and a DM channel decode")
    func users() throws {
        let me = try JSON.decode(User.self, from: ResponseFixtures.currentUser)
        #expect(me.id == 900_000_000_000_000_001)
        #expect(me.isBot == true)
        let member = try JSON.decode(GuildMember.self, from: ResponseFixtures.guildMember)
        #expect(member.user?.displayName == "Mika")
        #expect(member.roles == [1_100_000_000_000_000_003])
        let channel = try JSON.decode(Channel.self, from: ResponseFixtures.dmChannel)
        #expect(channel.type == Channel.directMessageType)
        #expect(channel.recipients?.first?.username == "mika")
    }

    @Test("an error body says which field failed, with Discord's dotted path")
    func errorBody() throws {
        let body = try JSON.decode(ErrorBody.self, from: ResponseFixtures.invalidFormBody)
        #expect(body.code == .invalidFormBody)
        #expect(body.fieldErrors.map(\.description) == [
            "Something about the whole body. (GENERAL)",
            "data.components.0.components.2.label: Must be 80 or fewer in length. (BASE_TYPE_MAX_LENGTH)",
            "data.components.0.components.10.custom_id: Component custom id cannot be duplicated (COMPONENT_CUSTOM_ID_DUPLICATED)",
            "data.embeds.0.title: Must be 256 or fewer in length. (BASE_TYPE_MAX_LENGTH)",
        ])
        #expect(body.errors(at: "data.embeds.0.title").first?.code == "BASE_TYPE_MAX_LENGTH")
        #expect(body.description.hasPrefix("Invalid Form Body (50035): "))
        #expect(try JSON.roundTrip(body) == body)
    }

    @Test("an error body without a tree has no field errors")
    func plainError() throws {
        let body = try JSON.decode(ErrorBody.self, from: #"{"code": 10062, "message": "Unknown interaction"}"#)
        #expect(body.code == .unknownInteraction)
        #expect(body.fieldErrors.isEmpty)
        #expect(body.description == "Unknown interaction (10062)")
    }

    @Test("a 429 body gives retry_after and whether the limit is global")
    func rateLimited() throws {
        let route = try JSON.decode(RateLimitBody.self, from: ResponseFixtures.rateLimited)
        #expect(route.isGlobal == false)
        #expect(route.code == nil)
        #expect(route.retryAfterDuration == .milliseconds(529))
        let global = try JSON.decode(RateLimitBody.self, from: ResponseFixtures.globalRateLimited)
        #expect(global.isGlobal)
        #expect(global.code == 0)
        #expect(global.retryAfterDuration == .milliseconds(1500))
    }
}
