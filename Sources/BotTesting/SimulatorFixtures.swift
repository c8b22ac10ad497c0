public import Clocks
public import DiscordSimulator
public import SimulatorSupport

/// The REST simulator as its own tests and the Discord client's tests start it: one guild with a
/// text channel, a read-only channel, two users (one blocking DMs), one member and two roles (one
/// above the bot), the same in every test.
public enum RESTSimulatorFixture {
    public static let token = "simulated.bot.token"
    public static let channelID = "1300000000000000001"
    public static let otherChannelID = "1300000000000000002"
    public static let readOnlyChannelID = "1300000000000000003"
    public static let aliceID = "1400000000000000001"
    public static let blockerID = "1400000000000000002"
    public static let lenderRoleID = "1500000000000000001"
    public static let adminRoleID = "1500000000000000002"

    public static func configuration(botCanManageRoles: Bool = true) -> DiscordRESTSimulator.Configuration {
        DiscordRESTSimulator.Configuration(
            botToken: token,
            users: [SimulatedUser(id: aliceID, username: "alice"), SimulatedUser(id: blockerID, username: "bob", blocksDMs: true)],
            members: [SimulatedMember(userID: aliceID), SimulatedMember(userID: blockerID)],
            roles: [SimulatedRole(id: lenderRoleID, name: "lender"), SimulatedRole(id: adminRoleID, name: "admin", isManageable: false)],
            channels: [
                SimulatedChannel(id: channelID, name: "lending"), SimulatedChannel(id: otherChannelID, name: "general"),
                SimulatedChannel(id: readOnlyChannelID, name: "announcements", isWritable: false),
            ],
            botCanManageRoles: botCanManageRoles
        )
    }

    /// Starts a simulator on a manual clock (unless told otherwise), runs `body`, and always stops it.
    public static func withSimulator<T>(
        configuration: DiscordRESTSimulator.Configuration = configuration(),
        clock: BotClock = .manual(),
        deadlineClock: BotClock? = nil,
        _ body: (DiscordRESTSimulator) async throws -> T
    ) async throws -> T {
        let simulator = DiscordRESTSimulator(configuration: configuration, clock: clock, deadlineClock: deadlineClock)
        return try await whileRunning(start: simulator.start, stop: simulator.stop) { try await body(simulator) }
    }
}

/// The gateway simulator as its own tests and the Discord client's tests start it, with the
/// fixture's token.
public enum GatewaySimulatorFixture {
    public static let token = "simulated.bot.token"

    /// Starts a simulator, runs `body`, and always stops it.
    public static func withSimulator<T>(
        _ configuration: DiscordGatewaySimulator.Configuration = DiscordGatewaySimulator.Configuration(botToken: token),
        rest: DiscordRESTSimulator? = nil,
        clock: BotClock = .adjustable(),
        _ body: (DiscordGatewaySimulator) async throws -> T
    ) async throws -> T {
        let simulator = DiscordGatewaySimulator(configuration: configuration, rest: rest, clock: clock)
        return try await whileRunning(start: simulator.start, stop: simulator.stop) { try await body(simulator) }
    }
}

/// Starts a simulator, runs `body`, and stops the simulator whatever `body` does.
private func whileRunning<T>(start: () async throws -> Void, stop: () async -> Void, _ body: () async throws -> T) async throws -> T {
    try await start()
    do {
        let result = try await body()
        await stop()
        return result
    } catch {
        await stop()
        throw error
    }
}

/// A gateway test that could not go on, with what went wrong.
public struct GatewayTestFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
