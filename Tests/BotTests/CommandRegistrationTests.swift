import BotTesting
import Discord
import DiscordSimulator
import LendingBot
import SimulatorSupport
import Testing

/// Serialized: each test starts the simulators and migrates a database of its own, and the two
/// shared cores also serve other suites that race Discord's 3-second deadline.
@Suite("Registering the commands", .serialized)
struct CommandRegistrationTests {
    static func synchronize(_ world: BotWorld, _ definitions: [ApplicationCommand] = CommandDefinitions.all) async throws -> CommandRegistration.Outcome {
        let services = world.services
        return try await CommandRegistration.synchronize(definitions, discord: services.discord, application: services.applicationID,
                                                         guild: services.guildID, logger: services.logger)
    }

    @Test("the first start overwrites the commands, the second only reads them")
    func registerOnce() async throws {
        try await BotWorld.with { world in
            let outcome1 = try await Self.synchronize(world)
            #expect(outcome1 == .overwritten)
            #expect(world.rest.commandCreateCount == 2)
            #expect(world.rest.commands.compactMap { $0["name"]?.stringValue } == ["mcserver", "mcserver-admin"])
            let outcome2 = try await Self.synchronize(world)
            #expect(outcome2 == .unchanged)
            #expect(world.rest.requests(to: .bulkOverwriteGuildCommands).count == 1)
            #expect(world.rest.requests(to: .getGuildCommands).count == 2)
            #expect(world.rest.commandCreateCount == 2)
        }
    }

    @Test("a changed definition is written again, without creating the commands anew")
    func changedDefinition() async throws {
        try await BotWorld.with { world in
            let outcome3 = try await Self.synchronize(world)
            #expect(outcome3 == .overwritten)
            var changed = CommandDefinitions.all
            changed[0].descriptionLocalizations?[.japanese] = "サーバーを借りる"
            let outcome4 = try await Self.synchronize(world, changed)
            #expect(outcome4 == .overwritten)
            #expect(world.rest.requests(to: .bulkOverwriteGuildCommands).count == 2)
            #expect(world.rest.commandCreateCount == 2)
            let outcome5 = try await Self.synchronize(world, changed)
            #expect(outcome5 == .unchanged)
        }
    }
}
