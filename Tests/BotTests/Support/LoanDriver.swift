import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import Lending
import LendingBot
import PanelTesting
import Postgres
import SimulatorSupport
import Testing

/// Drives the member and moderator loan commands in a `BotWorld`: loans made ACTIVE through the
/// domain, commands and clicks by persona, and readers for what the bot answered.
struct LoanDriver {
    let world: BotWorld

    init(_ world: BotWorld) {
        self.world = world
    }

    // MARK: Loans through the domain

    /// Files a request, approves it as the moderator (choosing usernames for panel users without
    /// an account) and runs the tasks until the loan is ACTIVE.
    func activeLoan(description: String = "Summer build contest", periodDays: Int = 7, organizer: SimulatedInvoker = Persona.member,
                    panelUsers: [SimulatedInvoker]? = nil) async throws -> WorkflowRecord {
        let users = panelUsers ?? [organizer]
        let request = NewWorkflow(applicantDiscordId: organizer.userID, description: description, mcVersion: "1.21.4",
                                  periodDays: periodDays, organizerDiscordId: organizer.userID)
        let workflow = try await world.services.workflow.file(request, panelUsers: users.map(\.userID))
        var usernames: [String: String] = [:]
        for user in users where try await PterodactylUserTable.find(discordId: user.userID, on: world.pool) == nil {
            usernames[user.userID] = Self.panelUsername(user)
        }
        _ = try await world.services.workflow.approve(workflow.id, by: Persona.moderator.userID, usernames: usernames)
        try await world.drainTasks()
        let active = try #require(try await WorkflowTable.find(id: workflow.id, on: world.pool))
        try #require(active.status == .active, "loan #\(workflow.id) is \(active.status)")
        return active
    }

    /// The panel username the approvals choose for a persona.
    static func panelUsername(_ invoker: SimulatedInvoker) -> String { "\(invoker.username)-mc" }

    /// Tasks of a workflow, any state.
    func tasks(of workflowId: Int) async throws -> Int {
        try await world.pool.query("SELECT count(*)::int AS n FROM \"LendingTask\" WHERE \"workflowId\" = \(workflowId)").first?.decode("n", as: Int.self) ?? 0
    }

    func loan(_ id: Int) async throws -> WorkflowRecord {
        try #require(try await WorkflowTable.find(id: id, on: world.pool))
    }

    // MARK: Interactions

    /// `/name group sub options` (or `/name sub options` for a one-element path).
    static func options(_ path: [String], _ options: [SimulatedCommandOption]) -> [SimulatedCommandOption] {
        switch path.count {
        case 1: [.subcommand(path[0], options)]
        case 2: [.subcommandGroup(path[0], [.subcommand(path[1], options)])]
        default: options
        }
    }

    @discardableResult
    func member(_ path: [String], _ options: [SimulatedCommandOption] = [], as invoker: SimulatedInvoker = Persona.member) async throws -> SimulatedInteraction {
        try await world.send(world.gateway.makeCommandInteraction(name: "mcserver", options: Self.options(path, options), as: invoker))
    }

    @discardableResult
    func admin(_ path: [String], _ options: [SimulatedCommandOption] = [], resolvedUsers: [SimulatedResolvedUser] = [],
               as invoker: SimulatedInvoker = Persona.moderator) async throws -> SimulatedInteraction {
        try await world.send(world.gateway.makeCommandInteraction(name: "mcserver-admin", options: Self.options(path, options), resolvedUsers: resolvedUsers,
                                                                  as: invoker))
    }

    func autocomplete(_ name: String, _ path: [String], _ options: [SimulatedCommandOption], as invoker: SimulatedInvoker) async throws -> [SimulatorJSON] {
        let interaction = try await world.send(world.gateway.makeAutocompleteInteraction(name: name, options: Self.options(path, options), as: invoker))
        let callback = try #require(world.rest.interactionResponses(for: interaction.id).first)
        #expect(callback.kind == .callback(type: 8))
        return callback.body?["data"]?["choices"]?.arrayValue ?? []
    }

    @discardableResult
    func click(_ customID: String, values: [String]? = nil, as invoker: SimulatedInvoker = Persona.member) async throws -> SimulatedInteraction {
        let type = values == nil ? 2 : 3
        return try await world.send(world.gateway.makeComponentInteraction(customID: customID, componentType: type, values: values, as: invoker))
    }

    @discardableResult
    func click(_ route: ComponentRoute, values: [String]? = nil, as invoker: SimulatedInvoker = Persona.member) async throws -> SimulatedInteraction {
        try await click(route.customID, values: values, as: invoker)
    }

    // MARK: Answers

    /// The first callback's type and its `data`.
    func callback(_ interaction: SimulatedInteraction) throws -> (type: Int, data: SimulatorJSON?) {
        let first = try #require(world.rest.interactionResponses(for: interaction.id).first)
        guard case .callback(let type) = first.kind else {
            Issue.record("the first response is \(first.kind), not a callback")
            return (0, nil)
        }
        return (type, first.body?["data"])
    }

    /// The message the interaction ended with: its reply, the edit of its deferred reply, or the
    /// updated component message. Waits for the edit after a deferral.
    func answer(_ interaction: SimulatedInteraction) async throws -> SimulatorJSON {
        let (type, _) = try callback(interaction)
        if type == 5 || type == 6 {
            try await eventually("the deferred reply's edit") {
                world.rest.interactionResponses(for: interaction.id).contains { $0.kind == .editOriginal || $0.kind == .followUp }
            }
        }
        return try #require(world.rest.originalResponse(for: interaction.id))
    }

    func content(_ interaction: SimulatedInteraction) async throws -> String {
        try await answer(interaction)["content"]?.stringValue ?? ""
    }

    /// Whether the interaction's reply is ephemeral (flag 64 on its first callback).
    func isEphemeral(_ interaction: SimulatedInteraction) throws -> Bool {
        ((try callback(interaction).data?["flags"]?.intValue ?? 0) & 64) != 0
    }

    /// Discord refused nothing the bot sent: every callback came in time and every body was valid.
    func expectEveryRequestAccepted(sourceLocation: SourceLocation = #_sourceLocation) {
        let refused = world.rest.requests.filter { $0.status >= 400 }
        #expect(refused.isEmpty, "refused: \(refused.map { "\($0.template) \($0.status) \($0.body.map { "\($0)" } ?? "")" })", sourceLocation: sourceLocation)
    }
}
