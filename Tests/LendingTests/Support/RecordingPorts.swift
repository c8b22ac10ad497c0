import Lending
import Synchronization

/// The notifier port as a recorder. `delivered` is every successful call, repeats included: what
/// "sent once" checks count. `notices` drops a repeat of a key, as Discord drops a message whose
/// nonce it saw in the last few minutes (with `enforce_nonce`): what people would see after a
/// crash made a task send a notice again. `deliveries` counts every call, failures included.
final class RecordingNotifier: LendingNotifier {
    private let state = Mutex<(delivered: [(LendingNotice, String)], deliveries: Int, failNext: Int, refuseNext: Int)>(([], 0, 0, 0))
    private let moderatorsChannel = Mutex(true)

    var tellsModerators: Bool { moderatorsChannel.withLock { $0 } }

    /// From now on the moderators have no channel, as in a guild without a notify channel.
    func loseModeratorsChannel() { moderatorsChannel.withLock { $0 = false } }

    func deliver(_ notice: LendingNotice, deduplicationKey: String) async throws {
        try state.withLock { state in
            state.deliveries += 1
            if state.failNext > 0 {
                state.failNext -= 1
                throw PortFailure.transient("Discord answered 503")
            }
            if state.refuseNext > 0 {
                state.refuseNext -= 1
                throw PortFailure.permanent("the notify channel is gone")
            }
            state.delivered.append((notice, deduplicationKey))
        }
    }

    var delivered: [LendingNotice] { state.withLock { $0.delivered.map(\.0) } }

    var notices: [LendingNotice] {
        state.withLock { state in
            var seen: Set<String> = []
            return state.delivered.filter { seen.insert($0.1).inserted }.map(\.0)
        }
    }

    var deliveries: Int { state.withLock { $0.deliveries } }

    /// The next `count` deliveries fail as a Discord outage would.
    func failNext(_ count: Int) { state.withLock { $0.failNext = count } }

    /// The next `count` deliveries are refused for good, as a deleted channel would refuse them.
    func refuseNext(_ count: Int) { state.withLock { $0.refuseNext = count } }
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
