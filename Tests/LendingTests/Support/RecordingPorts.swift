import Lending
import Synchronization

/// The notifier port as a recorder. Deliveries with a key already seen are dropped, as Discord
/// drops a message whose nonce it has seen (with `enforce_nonce`), so `notices` is what people
/// would see; `deliveries` counts every call.
final class RecordingNotifier: LendingNotifier {
    private let state = Mutex<(notices: [(LendingNotice, String)], deliveries: Int, failNext: Int)>(([], 0, 0))

    func deliver(_ notice: LendingNotice, deduplicationKey: String) async throws {
        try state.withLock { state in
            state.deliveries += 1
            if state.failNext > 0 {
                state.failNext -= 1
                throw PortFailure.transient("Discord answered 503")
            }
            if !state.notices.contains(where: { $0.1 == deduplicationKey }) { state.notices.append((notice, deduplicationKey)) }
        }
    }

    var notices: [LendingNotice] { state.withLock { $0.notices.map(\.0) } }
    var deliveries: Int { state.withLock { $0.deliveries } }

    /// The next `count` deliveries fail as a Discord outage would.
    func failNext(_ count: Int) { state.withLock { $0.failNext = count } }
}

/// The community port as a recorder: every member exists and is called "Name <id suffix>".
final class RecordingCommunity: Community {
    private let grants = Mutex<[String]>([])

    func grantPanelUserRole(to discordId: String) async throws {
        grants.withLock { $0.append(discordId) }
    }

    func displayName(of discordId: String) async throws -> String? {
        "Name \(discordId.suffix(4))"
    }

    var roleGrants: [String] { grants.withLock { $0 } }
}
