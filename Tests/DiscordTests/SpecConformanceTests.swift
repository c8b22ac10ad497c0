import Foundation
import Testing
import Discord
import DiscordTesting

/// Every outgoing body type, checked against the pinned OpenAPI spec by
/// `Support/validate_discord_body.py` (jsonschema + referencing, run with python3).
/// Serialized: each check is a python3 process, and the build machine's two cores are shared.
@Suite("Outgoing bodies match Discord's OpenAPI spec", .serialized)
struct SpecConformanceTests {
    static let callbackRoute = "/interactions/{interaction_id}/{interaction_token}/callback"
    let spec = SpecValidator()

    @Test("interaction callbacks of types 1, 4, 5, 6, 7, 8 and 9 validate", arguments: SamplePayloads.callbacks.map(\.name))
    func callback(name: String) async throws {
        let callback = try #require(SamplePayloads.callbacks.first { $0.name == name }?.callback)
        let verdict = try await spec.check(callback, method: "post", template: Self.callbackRoute)
        #expect(verdict.isValid, "\(verdict.errors)")
    }

    @Test("message create, follow-up and edit bodies validate on their routes", arguments: [
        ("post", "/channels/{channel_id}/messages", "create"),
        ("patch", "/channels/{channel_id}/messages/{message_id}", "edit"),
        ("post", "/webhooks/{webhook_id}/{webhook_token}", "create"),
        ("patch", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "edit"),
        ("patch", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "edit"),
    ])
    func messages(method: String, template: String, body: String) async throws {
        let data = body == "create" ? try JSON.encode(SamplePayloads.message) : try JSON.encode(SamplePayloads.edit)
        let verdict = try await spec.check(data, method: method, template: template)
        #expect(verdict.isValid, "\(verdict.errors)")
    }

    @Test("a channel message's edits validate: progress text, buttons removed, embed and buttons replaced", arguments: [
        MessageEdit(content: "Installing 26.1 on Java 25…", allowedMentions: .nobody),
        MessageEdit(content: "Ready: mc1.example.net:25565", components: []),
        MessageEdit(embeds: [SamplePayloads.embed], components: [SamplePayloads.approvalRow]),
    ])
    func channelMessageEdit(edit: MessageEdit) async throws {
        #expect(edit.isValid)
        let verdict = try await spec.check(edit, method: "patch", template: "/channels/{channel_id}/messages/{message_id}")
        #expect(verdict.isValid, "\(verdict.errors)")
    }

    @Test("an ephemeral follow-up validates")
    func ephemeralFollowUp() async throws {
        let verdict = try await spec.check(SamplePayloads.ephemeralReply, method: "post", template: "/webhooks/{webhook_id}/{webhook_token}")
        #expect(verdict.isValid, "\(verdict.errors)")
    }

    @Test("the bulk command overwrite validates, globally and per guild", arguments: [
        "/applications/{application_id}/commands", "/applications/{application_id}/guilds/{guild_id}/commands",
    ])
    func commands(template: String) async throws {
        let verdict = try await spec.check(SamplePayloads.commands, method: "put", template: template)
        #expect(verdict.isValid, "\(verdict.errors)")
    }

    @Test("the create-DM body validates")
    func createDM() async throws {
        let verdict = try await spec.check(CreateDMChannel(recipientID: 300_000_000_000_000_001), method: "post", template: "/users/@me/channels")
        #expect(verdict.isValid, "\(verdict.errors)")
    }

    @Test("the validator rejects an embed title of 257 characters, naming the field")
    func rejectsLongTitle() async throws {
        // Built by hand: our own validator would refuse it, which is the point of both checks.
        let callback = InteractionCallback.channelMessage(MessageCreate(embeds: [Embed(title: String(repeating: "x", count: 257))]))
        let verdict = try await spec.check(callback, method: "post", template: Self.callbackRoute)
        #expect(!verdict.isValid)
        #expect(verdict.errors.contains("$.data.embeds[0].title"))
        #expect(verdict.errors.contains("maxLength"))
        #expect(callback.validationErrors(at: "").map(\.field) == ["data.embeds.0.title"])
    }

    @Test("the validator rejects a callback type Discord does not accept and a bad snowflake")
    func rejectsOtherMistakes() async throws {
        let wrongType = try await spec.check(Data(#"{"type": 3}"#.utf8), method: "post", template: Self.callbackRoute)
        #expect(!wrongType.isValid)
        let badRecipient = try await spec.check(Data(#"{"recipient_id": "12ab"}"#.utf8), method: "post", template: "/users/@me/channels")
        #expect(!badRecipient.isValid)
        #expect(badRecipient.errors.contains("$.recipient_id"))
    }

    @Test("response fixtures match the spec's response schemas", arguments: ["gateway bot", "current user", "guild member", "DM channel", "429"])
    func responses(fixture: String) async throws {
        let (method, template, status, body) = switch fixture {
        case "gateway bot": ("get", "/gateway/bot", "200", ResponseFixtures.gatewayBot)
        case "current user": ("get", "/users/@me", "200", ResponseFixtures.currentUser)
        case "guild member": ("get", "/guilds/{guild_id}/members/{user_id}", "200", ResponseFixtures.guildMember)
        case "DM channel": ("post", "/users/@me/channels", "200", ResponseFixtures.dmChannel)
        // The docs' example 429 lacks `code`, which the spec requires; the model accepts both.
        default: ("get", "/gateway/bot", "429", ResponseFixtures.globalRateLimited)
        }
        let verdict = try await spec.check(Data(body.utf8), method: method, template: template, responseStatus: status)
        #expect(verdict.isValid, "\(verdict.errors)")
    }
}
