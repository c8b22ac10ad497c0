import Foundation
import Lending

/// Texts of the member commands: `/mcserver reset-password`, `extend` and `return`.
extension Strings {
    // MARK: reset-password

    var resetPasswordNoAccount: String {
        text("あなたのパネルアカウントはまだありません。あなたがパネルユーザーに含まれる申請が承認されると作成されます。",
             "You have no panel account yet. One is made when a request that names you as a panel user is approved.")
    }

    func resetPasswordNotOnPanel(_ username: String) -> String {
        text("パネルにあなたのアカウント（\(username)）が見つかりません。モデレーターに連絡してください。",
             "Your panel account (\(username)) was not found on the panel. Please ask a moderator.")
    }

    var resetPasswordAdministrator: String {
        text("このアカウントはパネル管理者のため、Discord からはパスワードをリセットできません。",
             "This account is a panel administrator; its password cannot be reset from Discord.")
    }

    var resetPasswordTryLater: String {
        text("パネルが応答していないため、パスワードをリセットできませんでした。数分後にもう一度お試しください。",
             "The panel is not answering, so the password was not reset. Please try again in a few minutes.")
    }

    var resetPasswordAskModerator: String {
        text("パネルがパスワードのリセットを受け付けませんでした。モデレーターに連絡してください。",
             "The panel refused to reset the password. Please ask a moderator.")
    }

    /// The only place a password is ever shown: the invoker's ephemeral reply.
    func resetPasswordDone(username: String, password: String, panelURL: String?) -> String {
        let login = panelURL.map { text("\nログイン: <\($0)>", "\nLog in at <\($0)>") } ?? ""
        return text("パネルのパスワードをリセットしました。\nユーザー名: `\(username)`\n新しいパスワード: ||`\(password)`||\(login)\n"
                    + "このメッセージはあなたにだけ表示され、ボットはパスワードを保存しません。",
                    "Your panel password has been reset.\nUsername: `\(username)`\nNew password: ||`\(password)`||\(login)\n"
                    + "Only you can see this message, and the bot keeps no copy of the password.")
    }

    // MARK: Choosing one's own loan

    var noOwnActiveLoan: String {
        text("あなたが主催者の貸出中のサーバーはありません。", "You are not the organizer of any active loan.")
    }

    func onlyFirstLoansListed(_ count: Int) -> String {
        text("期限の近い \(count) 件のみ表示しています。他の貸出は `id` オプションで指定してください。",
             "Only the \(count) ending soonest are listed; give the `id` option for the others.")
    }

    func loanChoiceDetail(alias: String?, end: Date?, zone: TimeZone) -> String {
        let server = alias ?? text("サーバー未定", "no server")
        guard let end else { return server }
        let day = CalendarDate(containing: end, in: zone)
        return text("\(server) · 期限 \(day)", "\(server) · ends \(day)")
    }

    // MARK: extend

    func extendPickPrompt(days: Int) -> String {
        text("どの貸出を \(days) 日延長しますか？", "Which loan do you want to extend by \(days) days?")
    }

    var extendPickPlaceholder: String { text("延長する貸出を選択", "Choose the loan to extend") }

    func extendedOwn(_ id: Int, until end: Date, days: Int) -> String {
        text("貸出 #\(id) を \(days) 日延長しました。新しい期限: \(date(end))（\(relative(end))）",
             "Loan #\(id) is extended by \(days) days. It now ends on \(date(end)) (\(relative(end))).")
    }

    // MARK: return

    var returnPickPrompt: String { text("どの貸出を返却しますか？", "Which loan do you want to return?") }
    var returnPickPlaceholder: String { text("返却する貸出を選択", "Choose the loan to return") }

    func returnConfirmPrompt(_ id: Int) -> String {
        text("貸出 #\(id) を返却しますか？ サーバーは停止・アーカイブ・初期化され、パネルユーザーのアクセス権は削除されます。この操作は取り消せません。",
             "Return loan #\(id)? The server will be stopped, archived and reset, and the panel users lose their access. This cannot be undone.")
    }

    var returnConfirmLabel: String { text("返却する", "Return the server") }

    func returnQueued(_ id: Int) -> String {
        text("貸出 #\(id) の返却を受け付けました。停止・アーカイブ・初期化はこのあと順に行われ、完了すると主催者とパネルユーザーに通知されます。",
             "The return of loan #\(id) is queued. The bot stops, archives and resets the server in the background; the organizer and panel users are told when it is done.")
    }
}
