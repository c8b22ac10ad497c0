import Foundation

/// How large the resilience suite's runs are. `scripts/resilience` sets `RESILIENCE_SCALE=full`
/// (the sizes issue 9 names); the ordinary test command leaves it unset, which runs the same
/// tests at the `quick` sizes so that their logic is exercised on every run.
enum ResilienceScale: String, Sendable {
    case quick
    case full

    static let environmentVariable = "RESILIENCE_SCALE"

    static let current: ResilienceScale = {
        let value = ProcessInfo.processInfo.environment[environmentVariable] ?? ""
        return ResilienceScale(rawValue: value.lowercased()) ?? .quick
    }()

    /// Checkouts submitted while PostgreSQL restarts.
    var checkouts: Int { self == .full ? 500 : 120 }
    /// Approvals run while the panel answers 500s and 429s.
    var approvals: Int { self == .full ? 20 : 6 }
    /// Interactions dispatched while the gateway connection is killed five times.
    var gatewayBurst: Int { self == .full ? 500 : 100 }
    /// Malformed inputs, over all five kinds.
    var malformedInputs: Int { self == .full ? 10_000 : 1_000 }
    /// Loans expiring at different times under two bot instances.
    var expiringLoans: Int { self == .full ? 12 : 4 }
    /// Interactions answered before resources are compared.
    var longRunInteractions: Int { self == .full ? 100_000 : 5_000 }
}
