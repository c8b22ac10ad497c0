import Foundation
import Lending

/// Texts of the member's self-service: `/mcserver mine`, `withdraw` and `help`.
extension Strings {
    // MARK: withdraw

    var noOwnPendingRequest: String {
        text("取り下げられる審査中の申請はありません。", "You have no pending request to withdraw.")
    }

    var withdrawPickPrompt: String { text("どの申請を取り下げますか？", "Which request do you want to withdraw?") }
    var withdrawPickPlaceholder: String { text("取り下げる申請を選択", "Choose the request to withdraw") }

    func onlyFirstRequestsListed(_ count: Int) -> String {
        text("古い順に \(count) 件のみ表示しています。他の申請は `id` オプションで指定してください。",
             "Only the \(count) oldest are listed; give the `id` option for the others.")
    }

    func withdrawConfirmPrompt(_ workflow: WorkflowRecord) -> String {
        let purpose = LoanText.memberText(workflow.description)
        return text("申請 #\(workflow.id)「\(purpose)」を取り下げますか？ 申請は却下扱いになり、元に戻せません。",
                    "Withdraw request #\(workflow.id) \"\(purpose)\"? It will be closed as rejected; this cannot be undone.")
    }

    var withdrawConfirmLabel: String { text("取り下げる", "Withdraw the request") }

    func withdrawn(_ id: Int) -> String {
        text("申請 #\(id) を取り下げました。モデレーターにも通知されます。", "Request #\(id) was withdrawn. The moderators are told.")
    }

    /// An approval queued or running: the moderators are preparing the server.
    func withdrawWhilePreparing(_ id: Int) -> String {
        text("申請 #\(id) はモデレーターがすでにサーバーを準備中のため、取り下げられません。準備が終わってから返却するか、モデレーターに相談してください。",
             "Request #\(id) cannot be withdrawn: the moderators are already preparing its server. Return it once it is ready, or ask a moderator.")
    }

    // MARK: mine

    var mineNothing: String {
        text("あなたの申請や貸出はまだありません。`/mcserver checkout` で申請できます。",
             "You have no requests or loans yet. File one with `/mcserver checkout`.")
    }

    var mineTitle: String { text("あなたの申請と貸出", "Your requests and loans") }

    func mineLeftOut(shown: Int, total: Int) -> String {
        text("全 \(total) 件のうち、関係の深い \(shown) 件を表示しています（\(total - shown) 件は省略）。",
             "Showing the \(shown) most relevant of \(total) (\(total - shown) left out).")
    }

    func mineRoles(applicant: Bool, organizer: Bool, panelUser: Bool) -> String {
        var roles: [String] = []
        if applicant { roles.append(text("申請者", "applicant")) }
        if organizer { roles.append(text("主催者", "organizer")) }
        if panelUser { roles.append(text("パネルユーザー", "panel user")) }
        return roles.joined(separator: ", ")
    }

    func mineServer(_ alias: String?, address: String?) -> String {
        guard let alias else { return text("サーバー: 未定", "Server: not yet chosen") }
        return text("サーバー: ", "Server: ") + (address.map { "\(alias) (`\($0)`)" } ?? alias)
    }

    func mineVersion(_ version: String) -> String { text("バージョン: \(version)", "Version: \(version)") }

    func mineEnd(_ day: CalendarDate, daysLeft: Int) -> String {
        let left = daysLeft > 0 ? text("残り \(daysLeft) 日", "\(daysLeft) day(s) left")
            : daysLeft == 0 ? text("本日まで", "ends today") : text("期限切れ", "past its end")
        return text("期限: \(day)（\(left)）", "Ends: \(day) (\(left))")
    }

    func mineEnded(_ day: CalendarDate) -> String { text("終了日: \(day)", "Ended: \(day)") }

    func minePeriod(_ days: Int) -> String { text("希望期間: \(days) 日間", "Period asked: \(days) days") }

    func mineExtendLabel(_ id: Int) -> String { text("#\(id) を延長", "Extend #\(id)") }
    func mineReturnLabel(_ id: Int) -> String { text("#\(id) を返却", "Return #\(id)") }
    func mineWithdrawLabel(_ id: Int) -> String { text("#\(id) を取り下げ", "Withdraw #\(id)") }

    // MARK: help

    var helpTitle: String { text("貸出ボットの使い方", "How to use the lending bot") }

    var helpIntro: String {
        text("サーバーの貸出を申請し、モデレーターが承認するとサーバーとパネルのアカウントが用意されます。返信はあなたにだけ表示されます。",
             "Ask for a server; once a moderator approves, the server and your panel account are prepared. Replies are shown only to you.")
    }

    var helpMemberCommands: String { text("メンバーのコマンド", "Member commands") }
    var helpModeratorCommands: String { text("モデレーターのコマンド", "Moderator commands") }
}
