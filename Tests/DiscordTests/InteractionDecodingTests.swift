import Foundation
import Testing
import Secrets
@testable import Discord

@Suite("Decoding INTERACTION_CREATE")
struct InteractionDecodingTests {
    @Test("a command with group → subcommand → leaf options decodes every value type and the path")
    func nestedSubcommandGroup() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.nestedSubcommandGroup)
        #expect(interaction.id == InteractionID(1_200_000_000_000_000_001))
        #expect(interaction.applicationID == 900_000_000_000_000_001)
        #expect(interaction.type == .applicationCommand)
        #expect(interaction.guildID == 800_000_000_000_000_001)
        #expect(interaction.channelID == 700_000_000_000_000_001)
        #expect(interaction.locale == .japanese)
        #expect(interaction.guildLocale == .japanese)
        #expect(interaction.context == .guild)
        #expect(interaction.appPermissions?.contains(.manageRoles) == true)
        #expect(interaction.member?.permissions?.contains(.administrator) == true)
        #expect(interaction.member?.roles == [1_100_000_000_000_000_001, 1_100_000_000_000_000_002])
        #expect(interaction.invoker?.id == 300_000_000_000_000_001)
        #expect(interaction.invoker?.displayName == "Kazuki")

        guard case .applicationCommand(let command)? = interaction.data else {
            Issue.record("expected command data, got \(String(describing: interaction.data))")
            return
        }
        #expect(command.name == "server")
        #expect(command.subcommandPath == ["loan", "extend"])
        #expect(command.leafOptions.count == 9)
        #expect(command.string("reason") == "イベント用に延長したい")
        #expect(command.integer("days") == 7)
        #expect(command.boolean("notify") == true)
        #expect(command.userID("member") == 300_000_000_000_000_002)
        #expect(command.user("member")?.username == "mika")
        #expect(command.member("member")?.roles == [1_100_000_000_000_000_003])
        #expect(command.member("member")?.user == nil)
        #expect(command.channel("channel")?.name == "announcements")
        #expect(command.role("role")?.name == "Borrower")
        #expect(command.role("role")?.isMentionable == true)
        #expect(command.mentionableID("who") == 1_100_000_000_000_000_003)
        #expect(command.number("ratio") == 0.75)
        #expect(command.attachment("proof")?.filename == "receipt.png")
        #expect(command.attachment("proof")?.contentType == "image/png")
        #expect(command.string("days") == nil, "a typed getter does not read an option of another type")
    }

    @Test("a user option without subcommands is read from resolved users and members")
    func userOption() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.userOption)
        guard case .applicationCommand(let command)? = interaction.data else {
            Issue.record("expected command data")
            return
        }
        #expect(command.subcommandPath.isEmpty)
        #expect(command.user("user")?.id == 300_000_000_000_000_002)
        #expect(command.user("user")?.displayName == "mika")
        #expect(command.member("user")?.nick == "みか")
        #expect(command.member("user")?.permissions?.contains(.administrator) == false)
    }

    @Test("a command in a DM carries user instead of member")
    func directMessage() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.directMessageCommand)
        #expect(interaction.member == nil)
        #expect(interaction.guildID == nil)
        #expect(interaction.invoker?.username == "kazuki")
        #expect(interaction.context == .botDM)
        #expect(interaction.locale == .englishUS)
        guard case .applicationCommand(let command)? = interaction.data else {
            Issue.record("expected command data")
            return
        }
        #expect(command.options == nil)
        #expect(command.leafOptions.isEmpty)
    }

    @Test("autocomplete exposes the focused option, keeping a partial number as text")
    func autocomplete() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.autocomplete)
        guard case .autocomplete(let command)? = interaction.data else {
            Issue.record("expected autocomplete data")
            return
        }
        #expect(command.subcommandPath == ["loan", "extend"])
        #expect(command.focusedOption?.name == "days")
        #expect(command.focusedOption?.value == .partial("1a"))
        #expect(command.string("reason") == "event")
    }

    @Test("a string select carries custom_id, values and the message with its components")
    func stringSelect() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.stringSelect)
        guard case .messageComponent(let data)? = interaction.data else {
            Issue.record("expected component data")
            return
        }
        #expect(data.customID == "pick-server")
        #expect(data.componentType == .stringSelect)
        #expect(data.values == ["srv-2"])
        let message = try #require(interaction.message)
        #expect(message.id == 1_400_000_000_000_000_001)
        #expect(message.author?.isBot == true)
        #expect(message.embeds?.first?.title == "Servers")
        #expect(message.embeds?.first?.timestamp != nil)
        let components = try #require(message.components)
        guard case .actionRow(let first) = components[0], case .stringSelect(let select) = first.components[0] else {
            Issue.record("expected a select in the first row")
            return
        }
        #expect(select.options.map(\.value) == ["srv-1", "srv-2"])
        #expect(select.options[1].emoji?.name == "🎨")
        guard case .actionRow(let second) = components[1] else {
            Issue.record("expected a second row")
            return
        }
        #expect(second.components[0] == .button(Button(id: 4, style: .danger, label: "Cancel", customID: "cancel")))
        #expect(second.components[1].type == .button)
        #expect(second.components[2] == .unknown(ComponentType(rawValue: 99)), "an unknown component does not fail the message")
    }

    @Test("a button press has no values")
    func buttonPress() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.buttonPress)
        #expect(interaction.data == .messageComponent(MessageComponentData(customID: "approve:42", componentType: .button)))
    }

    @Test("a user select resolves the chosen user")
    func userSelect() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.userSelect)
        guard case .messageComponent(let data)? = interaction.data else {
            Issue.record("expected component data")
            return
        }
        #expect(data.componentType == .userSelect)
        #expect(data.resolved?.users?[300_000_000_000_000_002]?.username == "mika")
    }

    @Test("a modal submitted with Labels is read by custom_id, unknown children included")
    func labelModal() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.labelModalSubmit)
        guard case .modalSubmit(let data)? = interaction.data else {
            Issue.record("expected modal data")
            return
        }
        #expect(data.customID == "request-form")
        #expect(data.components.count == 5)
        #expect(data.textInputValue(customID: "purpose") == "週末のイベント")
        #expect(data.selectedValues(customID: "plan") == ["large"])
        #expect(data.selectedValues(customID: "co-host") == ["300000000000000002"])
        #expect(data.resolved?.users?[300_000_000_000_000_002] != nil)
        #expect(data.textInputValue(customID: "missing") == nil)
        #expect(data.components[0] == .textDisplay(id: 1))
        #expect(data.components[4] == .label(id: 8, component: .unknown(ComponentType(rawValue: 77))))
    }

    @Test("a modal submitted with legacy Action Rows is read the same way")
    func legacyModal() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.legacyModalSubmit)
        guard case .modalSubmit(let data)? = interaction.data else {
            Issue.record("expected modal data")
            return
        }
        #expect(data.textInputValue(customID: "purpose") == "weekend event")
        #expect(data.textInputValue(customID: "days") == "")
    }

    @Test("PING and unknown interaction types decode without data")
    func pingAndFutureTypes() throws {
        let ping = try JSON.decode(Interaction.self, from: InteractionFixtures.ping)
        #expect(ping.type == .ping)
        #expect(ping.data == nil)
        let future = try JSON.decode(Interaction.self, from: InteractionFixtures.futureType)
        #expect(future.type == InteractionType(rawValue: 42))
        #expect(future.data == nil)
    }

    @Test("the token is a secret that no description, dump or interpolation shows")
    func tokenIsRedacted() throws {
        let interaction = try JSON.decode(Interaction.self, from: InteractionFixtures.nestedSubcommandGroup)
        let token = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQtdG9rZW4tdmFsdWU"
        #expect(interaction.token.revealed() == token)
        var dumped = ""
        dump(interaction, to: &dumped)
        for text in [interaction.description, "\(interaction)", String(reflecting: interaction), dumped] {
            #expect(!text.contains(token))
        }
        #expect(interaction.description.contains("1200000000000000001"))
    }

    @Test("the dispatch envelope's d field decodes as an interaction")
    func dispatchEnvelope() throws {
        struct Dispatch: Decodable {
            let op: Int
            let t: String
            let d: Interaction
        }
        let dispatch = try JSON.decode(Dispatch.self, from: InteractionFixtures.dispatchEnvelope)
        #expect(dispatch.t == "INTERACTION_CREATE")
        #expect(dispatch.d.type == .messageComponent)
    }

    @Test("interactions round-trip through encoding, for simulators that play Discord")
    func roundTrip() throws {
        for fixture in [InteractionFixtures.nestedSubcommandGroup, InteractionFixtures.autocomplete, InteractionFixtures.stringSelect,
                        InteractionFixtures.labelModalSubmit, InteractionFixtures.legacyModalSubmit, InteractionFixtures.userOption] {
            let interaction = try JSON.decode(Interaction.self, from: fixture)
            #expect(try JSON.roundTrip(interaction) == interaction)
        }
    }
}
