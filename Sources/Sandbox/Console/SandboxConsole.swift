public import Clocks
import DiscordSimulator
import Foundation
public import Postgres

/// What the browser console reads and does: the simulators' view of Discord and the panel, the
/// sandbox database, the clock, and the interactions sent on behalf of the personas. It acts only
/// as a Discord client would (INTERACTION_CREATE through the gateway simulator), so everything the
/// bot answers comes from the real bot.
public final class SandboxConsole: Sendable {
    /// Public so that a test can stand in for Wings (`panel.finishInstall(of:)`) while it watches the page.
    public let simulators: SandboxSimulators
    let pool: PostgresPool
    let clock: BotClock
    let log = InteractionLog()
    /// How long an action waits for the bot's first response before returning without it.
    let responseWait: Duration

    public init(simulators: SandboxSimulators, pool: PostgresPool, clock: BotClock, responseWait: Duration = .seconds(5)) {
        self.simulators = simulators
        self.pool = pool
        self.clock = clock
        self.responseWait = responseWait
    }

    var rest: DiscordRESTSimulator { simulators.rest }
}

/// A request the console refuses: the reason goes back to the page as a 400.
struct ConsoleRefusal: Error, Sendable, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
