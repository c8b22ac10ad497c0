import Lending
import LendingAdapters
import PanelSimulator
import PanelTesting
import Pterodactyl
import Testing

/// The adapter against the panel simulator: accounts, and how panel failures reach the task runner.
@Suite("Panel adapter: accounts and failures")
struct PanelAdapterAccountTests {
    typealias World = PanelTestWorld
    @Test("ensureAccount twice makes one account: created with a strong password, then adopted with that password kept")
    func ensureAccountTwice() async throws {
        try await World.with { world in
            let panel = world.lendingPanel()
            let first = try await panel.ensureAccount(username: "Alice_01", email: "alice@kpw.local", owner: "100")
            let password = try #require(world.panel.user(username: "alice_01")?.password)
            #expect(password.count >= 20)
            let second = try await panel.ensureAccount(username: "alice_01", email: "ALICE@kpw.local", owner: "100")
            #expect(first == PanelAccount(username: "alice_01", email: "alice@kpw.local", created: true))
            #expect(second == PanelAccount(username: "alice_01", email: "alice@kpw.local", created: false))
            #expect(world.panel.users.count == 2)
            let account = try #require(world.panel.user(username: "alice_01"))
            #expect(account.firstName == "Alice_01" && account.lastName == "Alice_01")
            #expect(account.password == password)
            #expect(account.externalID == "100", "the account carries its owner's Discord id")
            #expect(world.panel.requests(to: .createUser).count == 1)
        }
    }

    @Test("an account matching username and email that the bot did not make for this member is refused, not adopted")
    func strangersAccount() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.users.append(SimulatedPanelUser(id: 2, username: "mallory", email: "mallory@kpw.local", password: "theirs"))
        configuration.users.append(SimulatedPanelUser(id: 3, username: "trent", email: "trent@kpw.local", externalID: "200", password: "theirs"))
        try await World.with(configuration) { world in
            let panel = world.lendingPanel()
            for (username, email) in [("mallory", "mallory@kpw.local"), ("trent", "trent@kpw.local")] {
                let failure = try await #require(throws: PortFailure.self) {
                    try await panel.ensureAccount(username: username, email: email, owner: "100")
                }
                #expect(failure.kind == .permanent)
                #expect(failure.message.contains("the bot did not make it for this member") && failure.message.contains("moderator"))
            }
            #expect(world.panel.user(username: "mallory")?.password == "theirs" && world.panel.user(username: "trent")?.password == "theirs")
            #expect(world.panel.requests(to: .createUser).isEmpty && world.panel.requests(to: .updateUser).isEmpty)
            let own = try await panel.ensureAccount(username: "trent", email: "trent@kpw.local", owner: "200")
            #expect(own == PanelAccount(username: "trent", email: "trent@kpw.local", created: false), "its owner's retried step adopts it")
        }
    }

    @Test("a username or email held by another account is permanent, says which, and shows no key")
    func takenIdentity() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.users.append(SimulatedPanelUser(id: 2, username: "carol", email: "carol@kpw.local"))
        let logs = CapturedLogs()
        try await World.with(configuration) { world in
            let panel = world.lendingPanel(logger: logs.logger)
            let username = try await #require(throws: PortFailure.self) {
                try await panel.ensureAccount(username: "carol", email: "someone@kpw.local", owner: "100")
            }
            #expect(username.kind == .permanent)
            #expect(username.message == "the panel refused the username: it is taken by another account")
            let email = try await #require(throws: PortFailure.self) {
                try await panel.ensureAccount(username: "dave", email: "carol@kpw.local", owner: "100")
            }
            #expect(email.kind == .permanent && email.message.contains("email address") && email.message.contains("another account"))
            for text in [username.message, email.message, "\(username)", String(reflecting: email), logs.text] {
                #expect(!text.contains(World.applicationKey) && !text.contains(World.clientKey))
            }
            #expect(world.panel.requests(to: .createUser).isEmpty)
        }
    }

    @Test("usernames the panel would refuse fail acceptsUsername and ensureAccount, before any request")
    func usernameRule() async throws {
        try await World.with { world in
            let panel = world.lendingPanel()
            #expect(panel.acceptsUsername("Bob.Smith-2") && panel.acceptsUsername("abc"))
            #expect(!panel.acceptsUsername("ab") && !panel.acceptsUsername("-bob") && !panel.acceptsUsername("bób"))
            let failure = try await #require(throws: PortFailure.self) {
                try await panel.ensureAccount(username: "bob.", email: "bob@kpw.local", owner: "100")
            }
            #expect(failure.kind == .permanent && failure.message.hasPrefix("the panel refused the username"))
            #expect(world.panel.requests.isEmpty)
        }
    }

    @Test("500s on reads are retried inside the client and the step succeeds")
    func retriedReads() async throws {
        try await World.with { world in
            world.panel.injectFault(.status(500), on: .listUsers)
            world.panel.injectFault(.status(502), on: .listUsers)
            world.panel.injectFault(.daemonUnavailable, on: .getServer)
            let panel = world.lendingPanel()
            let account = try await panel.ensureAccount(username: "erin", email: "erin@kpw.local", owner: "100")
            #expect(account.created)
            #expect(try await panel.connectionAddress(of: World.server) == "mc1.kpw.local:25565")
            #expect(world.panel.requests(to: .listUsers).filter { $0.status >= 500 }.count == 2)
        }
    }

    @Test("a 500 on the create is transient; the retried step creates the account once")
    func transientCreate() async throws {
        try await World.with { world in
            world.panel.injectFault(.status(500), on: .createUser)
            let panel = world.lendingPanel()
            let failure = try await #require(throws: PortFailure.self) {
                try await panel.ensureAccount(username: "frank", email: "frank@kpw.local", owner: "100")
            }
            #expect(failure.kind == .transient && failure.message.contains("HTTP 500"))
            let account = try await panel.ensureAccount(username: "frank", email: "frank@kpw.local", owner: "100")
            #expect(account.created && world.panel.users.count == 2)
        }
    }

    @Test("5xx that outlast the client's attempts are transient; Wings being down names the node")
    func exhaustedRetries() async throws {
        try await World.with { world in
            for _ in 0..<4 { world.panel.injectFault(.status(503), on: .getServer) }
            let panel = world.lendingPanel()
            let failure = try await #require(throws: PortFailure.self) { try await panel.connectionAddress(of: World.server) }
            #expect(failure.kind == .transient && failure.message.contains("HTTP 503"))
            for _ in 0..<4 { world.panel.injectFault(.daemonUnavailable, on: .power) }
            let node = try await #require(throws: PortFailure.self) { try await panel.stopAndWaitOffline(World.server) }
            #expect(node.kind == .transient)
            #expect(node.message == "the panel could not reach the node that runs the panel server 1a2b3c4d while trying to stop the server")
        }
    }

    @Test("a 429 within the client's bound is waited out; a longer one is transient")
    func rateLimits() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.applicationRateLimit = 3
        try await World.with(configuration) { world in
            let panel = world.lendingPanel()
            _ = try await panel.ensureAccount(username: "gina", email: "gina@kpw.local", owner: "100")
            let again = try await panel.ensureAccount(username: "gina", email: "gina@kpw.local", owner: "100")
            #expect(!again.created)
            #expect(world.panel.requests(to: .listUsers).contains { $0.status == 429 }, "the second step met the limit and waited")
        }
        configuration.rateLimitWindow = .seconds(600)
        try await World.with(configuration) { world in
            let panel = world.lendingPanel()
            _ = try await panel.ensureAccount(username: "gina", email: "gina@kpw.local", owner: "100")
            let failure = try await #require(throws: PortFailure.self) {
                try await panel.ensureAccount(username: "gina", email: "gina@kpw.local", owner: "100")
            }
            #expect(failure.kind == .transient && failure.message.contains("rate limiting"))
        }
    }

    @Test("an unknown server: serverExists is false, and a step on it fails permanently naming it")
    func unknownServer() async throws {
        try await World.with { world in
            let panel = world.lendingPanel()
            #expect(try await panel.serverExists(World.server))
            #expect(try await !panel.serverExists("ffffffff"))
            #expect(try await !panel.serverExists("server01"), "not an identifier, so no such server")
            let address = try await #require(throws: PortFailure.self) { try await panel.connectionAddress(of: "ffffffff") }
            #expect(address == .permanent("the panel server ffffffff was not found"))
            let description = try await #require(throws: PortFailure.self) { try await panel.setDescription(of: "ffffffff", to: "x") }
            #expect(description == .permanent("the panel server ffffffff was not found"))
        }
    }

    @Test("a refused client key is permanent and names its variable, never the key")
    func refusedKey() async throws {
        let wrongKey = SimulatedAPIKey.makeToken(prefix: "ptlc_", tag: "revoked")
        try await World.with(clientKey: wrongKey) { world in
            let failure = try await #require(throws: PortFailure.self) { try await world.lendingPanel().serverExists(World.server) }
            #expect(failure.kind == .permanent && failure.message.contains("PTERODACTYL_CLIENT_KEY"))
            #expect(!failure.message.contains(wrongKey))
        }
    }
}
