/// Texts of the live board (BOARD_CHANNEL_ID) and its buttons.
extension Strings {
    var boardTitle: String { text("## サーバー貸出ボード", "## Server lending board") }

    func boardSummary(active: Int, pending: Int, free: Int, servers: Int) -> String {
        text("貸出中 \(active)件 · 審査待ち \(pending)件 · 空き \(free) / \(servers)台",
             "\(active) lent · \(pending) waiting for review · \(free) of \(servers) servers free")
    }

    func boardActiveHeading(_ count: Int) -> String { text("### 貸出中（\(count)件、終了が近い順）", "### Active loans (\(count), ending soonest first)") }
    var boardNoActive: String { text("貸出中のサーバーはありません。", "No server is lent right now.") }
    func boardPendingHeading(_ count: Int) -> String { text("### 審査待ち（\(count)件、古い順）", "### Waiting for review (\(count), oldest first)") }
    var boardNoPending: String { text("審査待ちの申請はありません。", "No request is waiting.") }
    var boardFreeHeading: String { text("### 空きサーバー", "### Free servers") }
    var boardNoFree: String { text("空いているサーバーはありません。", "Every server is taken.") }
    func boardMore(_ count: Int) -> String { text("…ほか \(count)件", "…and \(count) more") }
    func boardDays(_ days: Int) -> String { text("\(days)日間", "\(days) day\(days == 1 ? "" : "s")") }

    var boardRequestButton: String { text("サーバーを申請", "Request a server") }
    var boardMineButton: String { text("自分の貸出", "My loans") }
    var boardReviewButton: String { text("審査する", "Review") }
}
