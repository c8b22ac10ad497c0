import Lending
import Synchronization

final class NoticeRecorder: LendingNotifier {
    private let notices = Mutex<[LendingNotice]>([])
    func deliver(_ notice: LendingNotice, deduplicationKey: String) async throws { notices.withLock { $0.append(notice) } }
    var all: [LendingNotice] { notices.withLock { $0 } }
}

final class CommunityRecorder: Community {
    func grantPanelUserRole(to discordId: String) async throws {}
    func displayName(of discordId: String) async throws -> String? { nil }
}
