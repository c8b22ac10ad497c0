import BotTesting
import Clocks
import Discord
import DiscordSimulator
import DiscordTesting
import LendingBot
import Logging
import PanelSimulator
import PostgresTesting

/// The bot end to end (`BotHarness`, one instance) on a database of its own, with the workflow's
/// notices and the panel-user role going through the real Discord adapters (`DiscordNotifier`,
/// `DiscordCommunity`).
///
/// When the test body is done, every request body the bot sent to the REST simulator is checked
/// against Discord's OpenAPI spec, in one Python process; an invalid body fails the test.
typealias BotWorld = BotHarness

extension BotHarness {
    /// - Parameters:
    ///   - usersBlockingDMs: people (Discord ids) who accept no direct messages from the bot.
    ///   - notifyChannel: false runs without `DISCORD_NOTIFY_CHANNEL_ID`.
    ///   - archiveDirectory: an existing directory for `ARCHIVE_TARGET`; nil archives nothing.
    ///   - versionManifest: Mojang's manifest for the catalog to read; nil knows only the built-in table.
    static func with(servers: Int = 3, usersBlockingDMs: Set<String> = [], notifyChannel: Bool = true, archiveDirectory: String? = nil,
                     versionManifest: VersionManifestSimulator? = nil, adjustPanel: (inout PanelSimulator.Configuration) -> Void = { _ in },
                     adjustConfiguration: (inout BotConfiguration) -> Void = { _ in },
                     _ body: (BotWorld) async throws -> Void) async throws {
        var logger = Logger(label: "test.bot")
        logger.logLevel = .error
        try await TestDatabase.with { pool in
            try await BotHarness.with(pool: pool, people: [Persona.moderator, Persona.member, Persona.otherMember], usersBlockingDMs: usersBlockingDMs,
                                      servers: servers, notifyChannel: notifyChannel, archiveDirectory: archiveDirectory,
                                      versionManifest: versionManifest, adjustPanel: adjustPanel, adjustConfiguration: adjustConfiguration,
                                      logger: logger) { world in
                try await body(world)
                try await world.expectSpecValidBodies()
            }
        }
    }

    /// Every body the bot sent to the REST simulator, checked against the OpenAPI spec at once.
    func expectSpecValidBodies() async throws {
        let sent = rest.requests.filter { !$0.rawBody.isEmpty }
        let verdicts = try await SpecValidator().checkAll(sent.map { .init(method: $0.method, path: $0.path, body: $0.rawBody) })
        let invalid = zip(sent, verdicts).filter { !$1.isValid }.map { "\($0.method) \($0.template): \($1.errors)" }
        if !invalid.isEmpty { throw InvalidBodies(details: invalid) }
    }
}

struct InvalidBodies: Error, CustomStringConvertible {
    let details: [String]
    var description: String { "the bot sent bodies Discord's OpenAPI spec rejects:\n" + details.joined(separator: "\n") }
}
