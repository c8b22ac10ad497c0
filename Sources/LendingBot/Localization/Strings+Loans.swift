import Foundation
import Lending

/// Texts of the moderators' loan and server commands: `/mcserver-admin checkout ...`,
/// `server-binding ...` and `server status`.
extension Strings {
    // MARK: checkout list

    func activeLoansTitle(_ count: Int) -> String {
        text("貸出中のサーバー（\(count)件）", "Active loans (\(count))")
    }

    var noActiveLoans: String { text("貸出中のサーバーはありません。", "No server is lent right now.") }

    func activeLoansPage(_ page: Int, of pages: Int) -> String {
        text("\(page) / \(pages) ページ", "Page \(page) of \(pages)")
    }

    var loansPagePrevious: String { text("前のページ", "Previous page") }
    var loansPageNext: String { text("次のページ", "Next page") }
    var ganttToday: String { text("今日", "today") }

    /// Whole days until the end date, as people say it.
    func daysLeft(_ days: Int) -> String {
        switch days {
        case ..<0: text("\(-days)日超過", "overdue by \(-days) day\(-days == 1 ? "" : "s")")
        case 0: text("今日まで", "ends today")
        default: text("残り\(days)日", "\(days) day\(days == 1 ? "" : "s") left")
        }
    }

    // MARK: checkout extend / return

    var loanIDMissing: String { text("申請の ID を指定してください。", "Give the id of the request.") }
    var dateOptionName: String { text("日付", "date") }

    var dateFormatRule: String {
        text("日付は YYYY-MM-DD、12/24 または 12月24日 の形式で入力してください（例: 2026-08-31）。",
             "Write the date as YYYY-MM-DD, 12/24 or 12月24日, for example 2026-08-31.")
    }

    var noSuchDay: String {
        text("その日付は暦にありません。YYYY-MM-DD の形式で確かめてください。", "The calendar has no such day; check it, written as YYYY-MM-DD.")
    }

    func ambiguousDay(_ monthFirst: CalendarDate, _ dayFirst: CalendarDate) -> String {
        text("\(monthFirst) とも \(dayFirst) とも読めます。YYYY-MM-DD の形式で入力してください。",
             "That could be \(monthFirst) or \(dayFirst); write it as YYYY-MM-DD.")
    }

    func loanEndSet(_ id: Int, until end: Date) -> String {
        text("貸出 #\(id) の期限を \(date(end))（\(relative(end))）に変更しました。", "Loan #\(id) now ends on \(date(end)) (\(relative(end))).")
    }

    func pendingPeriodSet(_ id: Int, days: Int) -> String {
        text("審査中の申請 #\(id) の期間を \(days) 日に変更しました。", "Pending request #\(id) now asks for \(days) days.")
    }

    // MARK: server-binding

    func bindingsTitle(_ count: Int) -> String {
        text("サーバープール（\(count)台）", "Server pool (\(count))")
    }

    var noBindings: String {
        text("サーバーが登録されていません。`/mcserver-admin server-binding set` で追加してください。",
             "The pool is empty. Add a server with `/mcserver-admin server-binding set`.")
    }

    var bindingFree: String { text("空き", "free") }

    func bindingHeldBy(_ id: Int, status: WorkflowStatus) -> String {
        status == .pending ? text("#\(id) が承認処理中", "reserved by #\(id)") : text("#\(id) に貸出中", "lent to #\(id)")
    }

    func bindingsMore(_ count: Int) -> String {
        text("…ほか \(count) 台", "…and \(count) more")
    }

    var aliasRule: String {
        text("1〜32文字の英数字、- または _", "1 to 32 letters, digits, - or _")
    }

    var panelIdentifierRule: String {
        text("パネルの8文字のサーバーID（英数字）", "the panel's 8-character server identifier (letters and digits)")
    }

    func panelServerMissing(_ identifier: String) -> String {
        text("パネルにサーバー \(identifier) がありません（またはクライアントキーから見えません）。",
             "The panel has no server \(identifier), or the client key cannot reach it.")
    }

    func panelServerAlreadyBound(_ identifier: String, as alias: String) -> String {
        text("パネルのサーバー \(identifier) はすでに \(alias) として登録されています。",
             "Panel server \(identifier) is already in the pool as \(alias).")
    }

    func bindingSaved(_ alias: String, to identifier: String) -> String {
        text("サーバー \(alias) をパネルのサーバー \(identifier) に設定しました。", "Server \(alias) now points at panel server \(identifier).")
    }

    func bindingRemoved(_ alias: String) -> String {
        text("サーバー \(alias) をプールから外しました。", "Server \(alias) is no longer in the pool.")
    }

    // MARK: server status

    func powerState(_ state: String) -> String {
        switch state {
        case "running": text("稼働中", "Running")
        case "starting": text("起動中", "Starting")
        case "stopping": text("停止処理中", "Stopping")
        case "offline": text("停止", "Offline")
        default: state
        }
    }

    var statusPower: String { text("状態", "Power") }
    var statusCPU: String { text("CPU", "CPU") }
    var statusMemory: String { text("メモリ", "Memory") }
    var statusDisk: String { text("ディスク", "Disk") }
    var statusUptime: String { text("稼働時間", "Uptime") }
    var statusAddress: String { text("接続先", "Address") }
    var statusLoan: String { text("貸出", "Loan") }
    var statusNoAddress: String { text("デフォルトの割り当てなし", "no default allocation") }
    var statusSuspended: String { text("（停止処分中）", " (suspended)") }
    var statusInstalling: String { text("（インストール中）", " (installing)") }
}
