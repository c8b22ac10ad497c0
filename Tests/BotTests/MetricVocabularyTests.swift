import Discord
@testable import LendingBot
import Secrets
import Testing

/// The closed label sets `/metrics` creates at start agree with what the clients really send,
/// so that no series of a route the bot calls first appears only after its first call.
@Suite("Metric label vocabulary")
struct MetricVocabularyTests {
    /// Every `Route` the Discord client knows, once each.
    static let routes: [Route] = [
        .createInteractionResponse(1, token: Secret("t")), .editOriginalResponse(1, token: Secret("t")), .deleteOriginalResponse(1, token: Secret("t")),
        .createFollowupMessage(1, token: Secret("t")), .createDM, .createMessage(1), .editMessage(1, 1), .addMemberRole(1, 1, 1), .getGuildMember(1, 1),
        .getCurrentUser, .getGatewayBot, .getGuild(1), .getGuildRoles(1), .getChannel(1), .getGuildCommands(1, 1), .bulkOverwriteGuildCommands(1, 1),
    ]

    @Test("the Discord route classes and methods created at start are exactly those of Route")
    func discordRoutes() {
        struct Pair: Hashable { let resource: String, method: String }
        let sent = Set(Self.routes.map { Pair(resource: $0.resource, method: $0.method) })
        let known = Set(MetricFamilies.discordRoutes.flatMap { route in route.methods.map { Pair(resource: route.resource, method: $0) } })
        #expect(sent == known, "missing at start: \(sent.subtracting(known)); never sent: \(known.subtracting(sent))")
    }

    @Test("every family has a distinct name, help, and labels from one vocabulary")
    func familiesAreDistinct() {
        let names = MetricFamilies.all.map(\.name)
        #expect(Set(names).count == names.count)
        let vocabulary: Set<String> = ["type", "outcome", "kind", "plan", "resource", "method", "status", "api", "version", "commit"]
        for family in MetricFamilies.all {
            #expect(!family.help.isEmpty, "\(family.name)")
            for labels in family.knownLabelSets {
                for (name, _) in labels {
                    #expect(vocabulary.contains(name), "\(family.name) uses the label \(name)")
                }
                #expect(labels.map(\.0) == labels.map(\.0).sorted(), "\(family.name): labels in name order")
            }
        }
        #expect(!MetricFamilies.all.contains { family in family.knownLabelSets.contains { $0.contains { $0.0 == "state" || $0.0 == "result" } } },
                "outcome replaced state and result")
    }
}
