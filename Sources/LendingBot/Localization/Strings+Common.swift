import Foundation
import Lending

/// Texts every handler may need: refusals and how the workflow's errors read.
extension Strings {
    var onlyInGuild: String { text("このサーバーでのみ使えます。", "This only works in the community's server.") }
    var moderatorsOnly: String { text("この操作はモデレーターのみ行えます。", "Only moderators can do this.") }
    var unknownAction: String { text("この操作はもう使えません。コマンドからやり直してください。", "This action is no longer available. Please start again from the command.") }
    var somethingWentWrong: String {
        text("処理中に問題が発生しました。少し待ってからもう一度お試しください。", "Something went wrong. Please wait a moment and try again.")
    }

    func panelFailed(_ reason: String) -> String {
        text("パネルの操作に失敗しました: \(reason)", "The panel could not do it: \(reason)")
    }

    /// A date as Discord shows it in the reader's own zone and language.
    func date(_ date: Date) -> String { "<t:\(Int(date.timeIntervalSince1970)):D>" }
    func relative(_ date: Date) -> String { "<t:\(Int(date.timeIntervalSince1970)):R>" }

    func status(_ status: WorkflowStatus) -> String {
        switch status {
        case .pending: text("審査中", "Pending")
        case .active: text("貸出中", "Active")
        case .rejected: text("却下", "Rejected")
        case .returned: text("返却済み", "Returned")
        }
    }

    /// The workflow's refusals in words the invoker can act on.
    func describe(_ error: LendingError) -> String {
        switch error {
        case .workflowNotFound(let id): text("申請 #\(id) は見つかりません。", "Request #\(id) does not exist.")
        case .taskNotFound(let id): text("タスク #\(id) は見つかりません。", "Task #\(id) does not exist.")
        case .invalidRequest(let field, let rule): text("\(fieldName(field)): \(rule)", "\(fieldName(field)): \(rule)")
        case .alreadyDecided(let id, let status, let by):
            text("申請 #\(id) はすでに\(self.status(status))です" + (by.map { "（\(mention($0))）" } ?? "") + "。",
                 "Request #\(id) is already \(self.status(status).lowercased())" + (by.map { " (by \(mention($0)))" } ?? "") + ".")
        case .approvalInProgress(let id, let by):
            text("申請 #\(id) は \(mention(by)) が承認処理中です。", "Request #\(id) is already being approved by \(mention(by)).")
        case .returnInProgress(let id, let by):
            text("貸出 #\(id) は返却処理中です（\(mention(by))）。", "Loan #\(id) is already being returned (asked by \(mention(by))).")
        case .notAllowed(let id, let status, _):
            text("申請 #\(id) は\(self.status(status))のため、この操作はできません。", "Request #\(id) is \(self.status(status).lowercased()): this cannot be done.")
        case .noFreeServer:
            text("空いているサーバーがありません。申請は審査中のままです。", "No server is free: every server in the pool is lent or reserved. The request stays pending.")
        case .serverNotFound(let alias): text("サーバー \(alias) はありません。", "There is no server called \(alias).")
        case .serverNotFree(let alias, let heldBy):
            text("サーバー \(alias) は使用中です" + (heldBy.map { "（申請 #\($0)）" } ?? "") + "。",
                 "Server \(alias) is not free" + (heldBy.map { " (request #\($0) holds it)" } ?? "") + ".")
        case .bindingInUse(let alias, let id):
            text("サーバー \(alias) は申請 #\(id) で使用中のため変更できません。", "Server \(alias) is in use by request #\(id) and cannot be changed.")
        case .usernameMissing(let discordId):
            text("\(mention(discordId)) のパネルユーザー名が必要です。", "A panel username is needed for \(mention(discordId)).")
        case .usernameInvalid(let name):
            text("「\(name)」はパネルのユーザー名に使えません（3〜191文字、英小文字・数字・_ . -、先頭と末尾は英数字）。",
                 "\"\(name)\" cannot be a panel username (3–191 characters: lowercase letters, digits, _ . -, starting and ending with a letter or digit).")
        case .usernameTaken(let name): text("ユーザー名 \(name) はすでに使われています。", "The panel username \(name) is already taken.")
        case .dateNotInFuture(let date): text("\(date) は明日以降の日付にしてください。", "\(date) must be after today.")
        case .endBeforeNow(let date): text("\(date) はすでに過ぎています。", "\(date) has already passed.")
        case .tooManyOpenRequests(let limit):
            text("申請中・貸出中の申請がすでに \(limit) 件あります。どれかが決まるか返却されてから申請してください。",
                 "You already have \(limit) open requests (pending or active). File another once one is decided or returned.")
        case .tooManyPasswordResets(let limit, let retryAt):
            text("パスワードのリセットは1時間に \(limit) 回までです。\(relative(retryAt)) に再度お試しください。",
                 "A panel password can be reset \(limit) times an hour. Try again \(relative(retryAt)).")
        case .dateTooLate(let date):
            text("\(date) は遅すぎます。終了日は \(CalendarDate.latest) までにしてください。", "\(date) is too late: a loan can end on \(CalendarDate.latest) at the latest.")
        case .notOrganizer(let id):
            text("申請 #\(id) の主催者またはモデレーターのみ操作できます。", "Only the organizer of request #\(id) or a moderator can do this.")
        case .notApplicant(let id):
            text("申請 #\(id) を取り下げられるのは申請者と主催者のみです。", "Only the applicant or the organizer of request #\(id) can withdraw it.")
        case .notLoanMember(let id):
            text("貸出 #\(id) の主催者とパネルユーザーのみ操作できます。", "Only the organizer and the panel users of loan #\(id) can do this.")
        case .serverNotRunning(let id):
            text("貸出 #\(id) のサーバーが起動していません。起動してからもう一度お試しください。",
                 "The server of loan #\(id) is not running: start it, then try again.")
        case .endDateChanged(let id, let current):
            text("貸出 #\(id) はすでに延長されています" + (current.map { "（期限 \(date($0))）" } ?? "") + "。",
                 "Loan #\(id) was already extended" + (current.map { " (now ends \(date($0)))" } ?? "") + ".")
        case .extendLimitReached(let id, let limit):
            text("貸出 #\(id) はすでに \(limit) 回延長されており、これ以上ご自身では延長できません。モデレーターに相談してください。",
                 "Loan #\(id) has already been extended \(limit) time(s), the most an organizer may; ask a moderator to extend it further.")
        case .notEnded(let id, let end):
            text("貸出 #\(id) は延長されています（期限 \(date(end))）。", "Loan #\(id) was extended (now ends \(date(end))).")
        case .taskNotFailed(let id, _): text("タスク #\(id) は再試行できる状態ではありません。", "Task #\(id) is not waiting for a retry.")
        case .serverUnsuitable(let alias, let reason):
            text("サーバー \(alias) ではこのバージョンを動かせません: \(reason)。申請は審査中のままです。",
                 "Server \(alias) cannot run this version: \(reason). The request stays pending.")
        case .noSuitableServer(let reasons):
            text("空いているサーバーのどれもこのバージョンを動かせません: \(reasons.joined(separator: "; "))。申請は審査中のままです。",
                 "No free server can run this version: \(reasons.joined(separator: "; ")). The request stays pending.")
        case .unknownMinecraftVersion(let version, let closest): unknownMinecraftVersion(version, closest: closest)
        }
    }

    func mention(_ discordId: String) -> String {
        discordId == AuditEntry.scheduler ? text("スケジューラー", "the scheduler") : "<@\(discordId)>"
    }

    func fieldName(_ field: String) -> String {
        switch field {
        case "description": text("目的・イベント名", "Purpose")
        case "mcVersion": text("Minecraft バージョン", "Minecraft version")
        case "periodDays": text("期間（日数）", "Period in days")
        case "organizer": text("主催者", "Organizer")
        case "panelUsers": text("パネルユーザー", "Panel users")
        case "reason": text("理由", "Reason")
        case "player": text("プレイヤー名", "Player")
        case "name": text("名前", "Name")
        case "ptero-id": text("パネルのサーバーID", "Panel server id")
        default: field
        }
    }
}
