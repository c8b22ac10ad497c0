import BotTesting
import Clocks
import TestSupport
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelTesting
import Postgres
import SimulatorSupport
import Testing

/// Helpers for the moderators' tests: requests filed straight through the workflow, panel
/// accounts made ahead, the admin commands, clicks and submits, and tasks run to the end.
extension BotWorld {
    /// Files a request as `applicant`, as the checkout modal would.
    @discardableResult
    func file(description: String = "Summer build contest", periodDays: Int = 7, applicant: String = Persona.member.userID,
              organizer: String = Persona.member.userID, panelUsers: [String] = [Persona.member.userID],
              mcVersion: String = "1.21.4") async throws -> WorkflowRecord {
        try await services.workflow.file(NewWorkflow(applicantDiscordId: applicant, description: description, mcVersion: mcVersion,
                                                     periodDays: periodDays, organizerDiscordId: organizer), panelUsers: panelUsers)
    }

    /// A panel account and its PterodactylUser row, as an earlier loan would have left them.
    func giveAccount(to discordId: String, username: String) async throws {
        let email = "\(username)@\(configuration.panelEmailDomain)"
        let account = try await services.panel.ensureAccount(username: username, email: email, owner: discordId)
        _ = try await PterodactylUserTable.insert(discordId: discordId, username: account.username, email: account.email,
                                                  at: services.clock.date, on: pool)
    }

    /// `/mcserver-admin workflow <subcommand> …` as `invoker`.
    @discardableResult
    func workflowCommand(_ subcommand: String, _ options: [SimulatedCommandOption] = [],
                         as invoker: SimulatedInvoker = Persona.moderator) async throws -> SimulatedInteraction {
        try await send(gateway.makeCommandInteraction(name: "mcserver-admin",
                                                      options: [.subcommandGroup("workflow", [.subcommand(subcommand, options)])], as: invoker))
    }

    /// Autocomplete of `/mcserver-admin workflow <subcommand>` with `focused` being typed.
    func autocomplete(_ subcommand: String, _ options: [SimulatedCommandOption],
                      as invoker: SimulatedInvoker = Persona.moderator) async throws -> SimulatedInteraction {
        try await send(gateway.makeAutocompleteInteraction(name: "mcserver-admin",
                                                           options: [.subcommandGroup("workflow", [.subcommand(subcommand, options)])], as: invoker))
    }

    @discardableResult
    func click(_ customID: String, as invoker: SimulatedInvoker = Persona.moderator) async throws -> SimulatedInteraction {
        try await send(gateway.makeComponentInteraction(customID: customID, as: invoker))
    }

    @discardableResult
    func click(_ route: ComponentRoute, as invoker: SimulatedInvoker = Persona.moderator) async throws -> SimulatedInteraction {
        try await click(route.customID, as: invoker)
    }

    @discardableResult
    func submit(_ route: ComponentRoute, _ fields: [SimulatedModalField], as invoker: SimulatedInvoker = Persona.moderator) async throws -> SimulatedInteraction {
        try await submit(route.customID, fields, as: invoker)
    }

    @discardableResult
    func submit(_ customID: String, _ fields: [SimulatedModalField], as invoker: SimulatedInvoker = Persona.moderator) async throws -> SimulatedInteraction {
        try await send(gateway.makeModalSubmitInteraction(customID: customID, fields: fields, as: invoker))
    }

    /// The interaction's first response, which must be a callback (sent within the simulator's
    /// 3-second deadline) whose custom_ids all fit Discord's 100 characters.
    func callback(_ interaction: SimulatedInteraction, sourceLocation: SourceLocation = #_sourceLocation) throws -> (type: Int, data: SimulatorJSON) {
        let first = try #require(rest.interactionResponses(for: interaction.id).first, sourceLocation: sourceLocation)
        guard case .callback(let type) = first.kind, let body = first.body else {
            Issue.record("the first response is not a callback: \(first.kind)", sourceLocation: sourceLocation)
            throw Timeout(what: "a callback")
        }
        let data = body["data"] ?? .null
        for customID in Self.customIDs(in: data) {
            #expect(customID.count <= 100, "custom_id over 100 characters: \(customID)", sourceLocation: sourceLocation)
        }
        return (type, data)
    }

    /// What the invoker finally reads: the callback's message, or, for a deferred reply (an
    /// approval reads the panel first), the original response once the bot has edited it.
    func answer(_ interaction: SimulatedInteraction, sourceLocation: SourceLocation = #_sourceLocation) async throws -> SimulatorJSON {
        let first = try callback(interaction, sourceLocation: sourceLocation)
        guard first.type == 5 else { return first.data }
        try await eventually("the deferred reply's edit") {
            rest.originalResponse(for: interaction.id)?["content"]?.stringValue.map { !$0.isEmpty } ?? false
        }
        return rest.originalResponse(for: interaction.id) ?? .null
    }

    /// Every `custom_id` anywhere in `json`.
    static func customIDs(in json: SimulatorJSON) -> [String] {
        if let object = json.objectValue {
            let own = object["custom_id"]?.stringValue.map { [$0] } ?? []
            return own + object.filter { $0.key != "custom_id" }.values.flatMap { customIDs(in: $0) }
        }
        return json.arrayValue?.flatMap { customIDs(in: $0) } ?? []
    }

    /// The buttons of a message's action rows, as (custom_id, disabled).
    static func buttons(in data: SimulatorJSON) -> [(id: String, disabled: Bool)] {
        (data["components"]?.arrayValue ?? []).flatMap { row in
            (row["components"]?.arrayValue ?? []).compactMap { button in
                button["custom_id"]?.stringValue.map { ($0, button["disabled"]?.boolValue ?? false) }
            }
        }
    }

    /// What counts toward Discord's 6000-character total over a message's embeds.
    static func embedCharacters(in data: SimulatorJSON) -> Int {
        func count(_ json: SimulatorJSON?) -> Int { json?.stringValue?.unicodeScalars.count ?? 0 }
        return (data["embeds"]?.arrayValue ?? []).reduce(0) { total, embed in
            total + count(embed["title"]) + count(embed["description"]) + count(embed["footer"]?["text"]) + count(embed["author"]?["name"])
                + (embed["fields"]?.arrayValue ?? []).reduce(0) { $0 + count($1["name"]) + count($1["value"]) }
        }
    }

    func tasks(of workflowId: Int) async throws -> [TaskRecord] {
        try await TaskTable.list(workflowId: workflowId, on: pool)
    }

    func workflow(_ id: Int) async throws -> WorkflowRecord? {
        try await WorkflowTable.find(id: id, on: pool)
    }
}
