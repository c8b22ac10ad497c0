import Foundation
import Lending

/// Texts of the moderators' workflow commands and review buttons (`Features/Admin`).
extension Strings {
    // MARK: Options

    func optionMissing(_ name: String) -> String {
        text("オプション「\(name)」が必要です。", "The option \"\(name)\" is required.")
    }

    var statusOption: String { text("状態", "Status") }

    var statusOptionRule: String {
        text("PENDING・ACTIVE・REJECTED・RETURNED のいずれか", "one of PENDING, ACTIVE, REJECTED, RETURNED")
    }

    // MARK: List

    func listTitle(_ status: WorkflowStatus) -> String {
        switch status {
        case .pending: text("審査中の申請", "Pending requests")
        case .active: text("貸出中のサーバー", "Active loans")
        case .rejected: text("却下された申請", "Rejected requests")
        case .returned: text("返却済みの貸出", "Returned loans")
        }
    }

    func listEmpty(_ status: WorkflowStatus) -> String {
        text("\(self.status(status))の申請はありません。", "There are no \(self.status(status).lowercased()) requests.")
    }

    func listFooter(first: Int, last: Int, total: Int) -> String {
        text("#\(first)〜#\(last) を表示（全\(total)件）", "Showing #\(first)–#\(last) of \(total)")
    }

    var previousPage: String { text("前へ", "Previous") }
    var nextPage: String { text("次へ", "Next") }

    func listOrganizer(_ organizer: String, applicant: String?) -> String {
        let organizerText = text("主催 \(mention(organizer))", "Organizer \(mention(organizer))")
        guard let applicant else { return organizerText }
        return organizerText + text("・申請 \(mention(applicant))", " · filed by \(mention(applicant))")
    }

    func listPanelUsers(_ users: [String]) -> String {
        text("パネル: ", "Panel: ") + (users.isEmpty ? "—" : users.map { mention($0) }.joined(separator: " "))
    }

    func listTerms(version: String, days: Int) -> String {
        text("バージョン \(version)・\(days)日間", "Version \(version) · \(days) days")
    }

    func listReserved(_ alias: String) -> String {
        text("サーバー \(alias) を確保済み（承認処理中）", "Server \(alias) reserved (approval running)")
    }

    func listLoan(_ alias: String?, start: Date?, end: Date?) -> String {
        let server = alias ?? "—"
        guard let start, let end else { return text("サーバー \(server)", "Server \(server)") }
        return text("サーバー \(server)・\(date(start))〜\(date(end))（\(relative(end))）",
                    "Server \(server) · \(date(start)) – \(date(end)) (\(relative(end)))")
    }

    // MARK: Approval

    func approvalStarted(_ id: Int, server: String, task: Int, by moderator: String) -> String {
        text("\(mention(moderator)) が申請 #\(id) を承認しました。サーバー **\(server)** を確保し、承認タスク #\(task) を実行中です。完了すると結果が通知されます。",
             "\(mention(moderator)) approved request #\(id): server **\(server)** is reserved and approval task #\(task) is running. The result will be announced when it is done.")
    }

    /// The approving moderator's reply as the server is prepared.
    func approvalProgress(_ progress: ApprovalProgress) -> String {
        let id = progress.workflowId
        let server = progress.serverAlias
        return switch progress.stage {
        case .preparing:
            text("申請 #\(id): サーバー **\(server)** を準備しています（停止、バージョンとイメージの設定）…",
                 "Request #\(id): preparing **\(server)** (stopping it, setting the version and image)…")
        case .installing(let version, let java):
            text("申請 #\(id): **\(server)** に \(version) を Java \(java) でインストールしています…",
                 "Request #\(id): installing \(version) on Java \(java) on **\(server)**…")
        case .starting:
            text("申請 #\(id): **\(server)** を起動しています…", "Request #\(id): starting **\(server)**…")
        case .ready(let version, let address):
            text("申請 #\(id): 準備完了。**\(server)** で \(version) が動いています" + (address.map { "（接続先 `\($0)`）" } ?? "") + "。主催者とパネルユーザーに通知しました。",
                 "Request #\(id) is ready: **\(server)** runs \(version)" + (address.map { " at `\($0)`" } ?? "") + ". The organizer and panel users have been told.")
        }
    }

    func usernamesTitle(_ id: Int, from: Int, to: Int, of total: Int) -> String {
        text("#\(id) のパネルユーザー名（\(from)〜\(to) / \(total)）", "Panel usernames for #\(id) (\(from)–\(to) of \(total))")
    }

    func usernameLabel(_ discordId: String) -> String {
        text("\(discordId) のユーザー名", "Username for \(discordId)")
    }

    var usernameHint: String {
        text("英小文字・数字・_ . -（3〜191文字、先頭と末尾は英数字）", "Lowercase letters, digits, _ . - (3–191, start and end with a letter or digit)")
    }

    func usernameInvalid(_ discordId: String, _ name: String) -> String {
        text("\(mention(discordId)): 「\(name)」は使えません。英小文字・数字・_ . -、3〜191文字、先頭と末尾は英数字にしてください。",
             "\(mention(discordId)): \"\(name)\" cannot be used. Use lowercase letters, digits, _ . - (3 to 191 characters, starting and ending with a letter or digit).")
    }

    func usernameTaken(_ discordId: String, _ name: String) -> String {
        text("\(mention(discordId)): ユーザー名「\(name)」はすでに使われています。別の名前にしてください。",
             "\(mention(discordId)): the username \"\(name)\" is already taken. Choose another.")
    }

    func usernamesProgress(_ id: Int, collected: Int, of total: Int) -> String {
        text("申請 #\(id): \(total)人中\(collected)人のユーザー名を受け取りました。「続ける」で残りを入力してください。",
             "Request #\(id): usernames for \(collected) of \(total) members saved. Press Continue to enter the rest.")
    }

    var usernamesRetry: String {
        text("入力した内容は保存されています。「続ける」で直してください。", "What you entered is kept. Press Continue to correct it.")
    }

    var continueButton: String { text("続ける", "Continue") }

    func approvalDraftMissing(_ id: Int) -> String {
        text("申請 #\(id) の承認の入力は期限切れか、別のモデレーターのものです。もう一度「承認」から始めてください。",
             "This approval of request #\(id) has expired or belongs to another moderator. Start again from Approve.")
    }

    // MARK: Rejection

    func rejectTitle(_ id: Int) -> String { text("申請 #\(id) を却下", "Reject request #\(id)") }
    var rejectReasonLabel: String { text("理由（任意）", "Reason (optional)") }
    var rejectReasonHint: String { text("却下の理由として記録されます", "Recorded with the rejection") }

    func rejected(_ id: Int, by moderator: String, reason: String?) -> String {
        let head = text("申請 #\(id) は \(mention(moderator)) により却下されました。", "Request #\(id) was rejected by \(mention(moderator)).")
        guard let reason, !reason.isEmpty else { return head }
        return head + "\n" + text("理由: ", "Reason: ") + reason
    }

    var reasonRule: String {
        text("\(RequestRules.maxReasonLength)文字以内", "at most \(RequestRules.maxReasonLength) characters")
    }

    // MARK: Editing

    func editTitle(_ id: Int) -> String { text("申請 #\(id) を編集", "Edit request #\(id)") }

    var periodFixedWhileActive: String {
        text("貸出中の期間は編集できません。期限の変更には延長を使ってください。",
             "The period of an active loan cannot be edited: use extend to change its end date.")
    }

    func edited(_ id: Int, by moderator: String) -> String {
        text("申請 #\(id) を \(mention(moderator)) が更新しました。", "Request #\(id) was updated by \(mention(moderator)).")
    }

    // MARK: Tasks

    func taskRequeued(_ task: Int, workflow: Int, by moderator: String) -> String {
        text("タスク #\(task)（申請 #\(workflow)）を \(mention(moderator)) が再実行しました。完了すると結果が通知されます。",
             "Task #\(task) (request #\(workflow)) was queued again by \(mention(moderator)). The result will be announced when it is done.")
    }

    // MARK: Autocomplete

    func serverChoice(_ alias: String, heldBy: Int?) -> String {
        guard let heldBy else { return text("\(alias)（空き）", "\(alias) — free") }
        return text("\(alias)（#\(heldBy) が使用中）", "\(alias) — held by #\(heldBy)")
    }
}
