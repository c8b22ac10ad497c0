import Foundation
import Lending

/// The workflow's notices (`LendingNotice`), as `NoticeMessages` puts them into messages.
extension Strings {
    /// The purpose a member typed, on one line and with Markdown escaped: in a DM or a channel
    /// post it must not become a masked link, a mention, a heading or text that looks like the
    /// bot's own.
    private func purpose(_ loan: LoanSummary) -> String {
        LoanText.memberText(loan.description)
    }

    func loanApprovedToOrganizer(_ loan: LoanSummary) -> String {
        text("貸出申請 #\(loan.workflowId)「\(purpose(loan))」が承認されました。\(serverSentence(loan))",
             "Your request #\(loan.workflowId) \"\(purpose(loan))\" was approved. \(serverSentence(loan))")
    }

    func loanApprovedToModerators(_ loan: LoanSummary) -> String {
        text("貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）を開始しました。\(serverSentence(loan))",
             "Loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) has started. \(serverSentence(loan))")
    }

    /// Never a password: the member gets one from `/mcserver reset-password`, seen by them alone.
    func panelAccessGranted(_ loan: LoanSummary, username: String) -> String {
        let server = loan.serverAlias ?? text("貸出サーバー", "the loaned server")
        let address = loan.connectionAddress.map { text("接続先: `\($0)`\n", "Connect to: `\($0)`\n") } ?? ""
        return text("""
            貸出 #\(loan.workflowId)「\(purpose(loan))」のサーバー **\(server)** を操作できるようになりました。
            \(address)パネルのユーザー名: `\(username)`
            パスワードはコミュニティのサーバーで `/mcserver reset-password` を実行すると、あなたにだけ表示されます。
            """, """
            You now have access to **\(server)** for loan #\(loan.workflowId) "\(purpose(loan))".
            \(address)Panel username: `\(username)`
            Use `/mcserver reset-password` in the community's server to get your password; only you will see it.
            """)
    }

    func returnReminder(_ loan: LoanSummary, daysLeft: Int) -> String {
        let end = loan.endDate.map { "\(date($0)) (\(relative($0)))" } ?? text("まもなく", "soon")
        return text("貸出 #\(loan.workflowId)「\(purpose(loan))」は \(end) に終了します（残り \(max(daysLeft, 0)) 日）。延長する場合は下のボタンを押してください。",
                    "Loan #\(loan.workflowId) \"\(purpose(loan))\" ends \(end), in \(max(daysLeft, 0)) day(s). Press the button below to extend it.")
    }

    func returnReminderToModerators(_ loan: LoanSummary, daysLeft: Int) -> String {
        let end = loan.endDate.map { "\(date($0)) (\(relative($0)))" } ?? text("まもなく", "soon")
        return text("貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）は \(end) に終了します（残り \(max(daysLeft, 0)) 日）。",
                    "Loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) ends \(end), in \(max(daysLeft, 0)) day(s).")
    }

    var extendButton: String { text("延長する", "Extend") }

    func loanExpired(_ loan: LoanSummary) -> String {
        let end = loan.endDate.map(date) ?? "—"
        return text("貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）の期限（\(end)）が過ぎました。返却するか延長してください。",
                    "Loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) passed its end date (\(end)). Please return or extend it.")
    }

    func loanExtendedByOrganizer(_ loan: LoanSummary, previousEnd: Date?, days: Int) -> String {
        let from = previousEnd.map(date) ?? "—"
        let to = loan.endDate.map(date) ?? "—"
        return text("貸出 #\(loan.workflowId)「\(loan.description)」を主催者 <@\(loan.organizerDiscordId)> が \(days) 日延長しました（\(from) → \(to)）。",
                    "The organizer <@\(loan.organizerDiscordId)> extended loan #\(loan.workflowId) \"\(loan.description)\" by \(days) day(s) (\(from) → \(to)).")
    }

    /// The first line of the moderators' "New request" post, which every later edit keeps.
    func requestFiled(_ workflow: WorkflowRecord) -> String {
        text("<@\(workflow.applicantDiscordId)> から貸出申請 #\(workflow.id) が届きました。", "New request #\(workflow.id) from <@\(workflow.applicantDiscordId)>.")
    }

    var approveButton: String { text("承認", "Approve") }
    var rejectButton: String { text("却下", "Reject") }

    func loanExtendedByModerator(_ loan: LoanSummary, previousEnd: Date?, by moderator: String) -> String {
        let from = previousEnd.map(date) ?? "—"
        let to = loan.endDate.map(date) ?? "—"
        return text("モデレーター <@\(moderator)> が貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）の終了日を変更しました（\(from) → \(to)）。",
                    "The moderator <@\(moderator)> moved the end of loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) (\(from) → \(to)).")
    }

    /// The last line of a decided request's post: who decided what, and when (`<t:…:f>` shows
    /// each reader the time in their own zone).
    func requestDecision(_ decision: RequestDecision, at time: Date) -> String {
        let when = "<t:\(Int(time.timeIntervalSince1970)):f>"
        return switch decision {
        case .approved(let moderator):
            text("✅ <@\(moderator)> が承認しました（\(when)）。", "✅ Approved by <@\(moderator)> (\(when)).")
        case .rejected(let moderator, let reason):
            text("❌ <@\(moderator)> が却下しました（\(when)）。", "❌ Rejected by <@\(moderator)> (\(when)).")
                + (reason.map { text("\n理由: \(LoanText.memberText($0))", "\nReason: \(LoanText.memberText($0))") } ?? "")
        case .withdrawn(let member):
            text("↩️ <@\(member)> が取り下げました（\(when)）。", "↩️ Withdrawn by <@\(member)> (\(when)).")
        }
    }

    /// The post of a request decided before the post went out.
    func requestDecidedBeforePost(_ status: WorkflowStatus) -> String {
        text("この申請はすでに\(self.status(status))です。", "This request is already \(self.status(status).lowercased()).")
    }

    func requestWithdrawn(_ loan: LoanSummary, by member: String) -> String {
        text("<@\(member)> が申請 #\(loan.workflowId)「\(purpose(loan))」を取り下げました。",
             "<@\(member)> withdrew request #\(loan.workflowId) \"\(purpose(loan))\".")
    }

    func requestRejected(_ loan: LoanSummary, reason: String?) -> String {
        text("申請 #\(loan.workflowId)「\(purpose(loan))」は却下されました。", "Your request #\(loan.workflowId) \"\(purpose(loan))\" was rejected.")
            + (reason.map { text("\n理由: \($0)", "\nReason: \($0)") } ?? "")
    }

    func loanReturned(_ loan: LoanSummary, archive: ArchiveOutcome) -> String {
        text("貸出 #\(loan.workflowId)「\(purpose(loan))」のサーバーは返却されました。", "The server of loan #\(loan.workflowId) \"\(purpose(loan))\" was returned. ")
            + archiveOutcome(archive)
    }

    func loanReturnedToModerators(_ loan: LoanSummary, archive: ArchiveOutcome) -> String {
        text("貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）は返却されました\(loan.serverAlias.map { "。\($0) は空きに戻りました" } ?? "")。",
             "Loan #\(loan.workflowId) \"\(purpose(loan))\" (organizer <@\(loan.organizerDiscordId)>) was returned\(loan.serverAlias.map { ": \($0) is free again" } ?? ""). ")
            + archiveOutcome(archive)
    }

    private func archiveOutcome(_ archive: ArchiveOutcome) -> String {
        switch archive {
        case .notConfigured:
            text("サーバーのデータは保存されていません（アーカイブ先が設定されていません）。", "The server's data was not kept (no archive is configured).")
        case .skipped: archiveSkippedByModerator
        case .archived(_, let folder, let files, let bytes):
            text("バックアップ \(files) 件（\(ByteCount.text(bytes))）をアーカイブのフォルダ `\(folder)` に保存しました。",
                 "\(files) backup(s) (\(ByteCount.text(bytes))) were archived in the folder `\(folder)`.")
        }
    }

    func taskFailed(_ failure: TaskFailureSummary) -> String {
        text("申請 #\(failure.workflowId) の\(taskName(failure.kind))が \(failure.attempts) 回目で止まりました（タスク #\(failure.taskId)）: \(failure.message)\n原因を解消してから再試行してください。",
             "The \(taskName(failure.kind)) of request #\(failure.workflowId) stopped after \(failure.attempts) attempt(s) (task #\(failure.taskId)): \(failure.message)\nFix the cause, then retry.")
    }

    var retryButton: String { text("再試行", "Retry") }

    func taskName(_ kind: TaskKind) -> String {
        switch kind {
        case .approve: text("承認処理", "approval")
        case .returnLoan: text("返却処理", "return")
        case .release: text("解放処理", "release")
        case .panelUsers: panelUsersTaskName
        }
    }

    private func serverSentence(_ loan: LoanSummary) -> String {
        var parts: [String] = []
        if let alias = loan.serverAlias {
            parts.append(loan.connectionAddress.map { text("サーバー: \(alias)（`\($0)`）", "Server: \(alias) (`\($0)`)") } ?? text("サーバー: \(alias)", "Server: \(alias)"))
        }
        if let end = loan.endDate { parts.append(text("期限: \(date(end))", "Ends: \(date(end))")) }
        return parts.joined(separator: text("、", ", ")) + (parts.isEmpty ? "" : text("。", "."))
    }
}

/// What was decided on a request, as its post says at the end.
enum RequestDecision: Sendable, Equatable {
    case approved(by: String)
    case rejected(by: String, reason: String?)
    case withdrawn(by: String)
}
