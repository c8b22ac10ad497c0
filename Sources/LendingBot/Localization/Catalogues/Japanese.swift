import Foundation
import Lending

/// Every text of the bot in Japanese.
struct Japanese: Catalogue {
    var language: Language { .japanese }

    var commandTexts: [String: String] { Self.commandTexts }

    /// Made once: registration and `/mcserver help` read it.
    private static let commandTexts: [String: String] = [
        // commandTexts:begin
        "A member to add to the panel users": "パネルユーザーに加えるメンバー",
        "A member to remove from the panel users": "パネルユーザーから外すメンバー",
        "action": "操作",
        "Active": "貸出中",
        "add": "追加",
        "Add": "追加",
        "Add or change a server": "サーバーを登録・変更する",
        "Add, remove or list": "追加・削除・一覧",
        "Approve a request and lend a server": "申請を承認してサーバーを貸し出す",
        "archive": "アーカイブ",
        "Archives of returned loans": "返却時のアーカイブ",
        "Back up a lent server": "貸出中のサーバーのバックアップを作る",
        "Borrow a Minecraft server": "Minecraft サーバーの貸出",
        "Change a loan's end date": "貸出の期限を変更する",
        "date": "日付",
        "Edit a request": "申請の内容を編集する",
        "Extend your loan": "自分の貸出を延長する",
        "false: do not archive the backups of this return": "false: 今回はバックアップをアーカイブしない",
        "false: do not reset the server in this return": "false: 今回はサーバーをリセットしない",
        "Get a new panel password (shown only to you)": "パネルのパスワードを再発行する（本人にだけ表示）",
        "id": "番号",
        "Kill": "強制停止",
        "Lend a server directly, without a request": "申請なしでサーバーを直接貸し出す",
        "List": "一覧",
        "List active loans": "貸出中のサーバーを一覧する",
        "List requests": "申請を一覧する",
        "List the archived backups": "アーカイブを一覧する",
        "List the servers in the pool": "登録済みのサーバーを一覧する",
        "Loans": "貸出中のサーバー",
        "Manage server lending (moderators)": "サーバー貸出の管理（モデレーター用）",
        "Manage your loaned server's whitelist": "貸出サーバーのホワイトリストを管理する",
        "name": "名前",
        "Only this loan's (default: all)": "この貸出のアーカイブだけ（省略時はすべて）",
        "Pending": "審査中",
        "player": "プレイヤー",
        "ptero-id": "パネルid",
        "reason": "理由",
        "Reject a request": "申請を却下する",
        "Rejected": "却下",
        "remove": "削除",
        "Remove": "削除",
        "Remove a server from the pool": "サーバーの登録を外す",
        "Request a server for an event": "サーバーの貸出を申請する",
        "Requests": "貸出申請",
        "reset": "リセット",
        "Restart": "再起動",
        "Return a loan": "貸出を返却させる",
        "Return your loan": "自分の貸出を返却する",
        "Returned": "返却済み",
        "server": "サーバー",
        "Servers on the panel": "パネル上のサーバー",
        "Show a server's state": "サーバーの状態を見る",
        "Show what each command does": "コマンドの使い方を表示する",
        "Show where an archived backup is": "アーカイブの場所を見る",
        "Show your requests and loans": "自分の申請と貸出を表示する",
        "signal": "信号",
        "Start": "起動",
        "Start, stop, restart or kill a server": "サーバーの電源を操作する",
        "status": "状態",
        "Stop": "停止",
        "The kind of server (asked when the pool has several)": "サーバーの種類（複数あるときに選ぶ）",
        "The loan (default: yours)": "対象の貸出（省略時は自分の貸出）",
        "The loan to change": "期限を変更する貸出",
        "The loan to extend (default: yours)": "延長する貸出（省略時は自分の貸出）",
        "The loan to return": "返却する貸出",
        "The loan to return (default: yours)": "返却する貸出（省略時は自分の貸出）",
        "The Minecraft player name": "Minecraft のプレイヤー名",
        "The new end date: 2026-12-24, 12/24 or 12月24日": "新しい期限（2026-12-24、12/24、12月24日）",
        "The number `archive list` shows": "`archive list` の番号",
        "The panel username for an added member without a panel account": "追加するメンバーにパネルアカウントがないときのユーザー名",
        "The panel's 8-character server id": "パネルのサーバーID（8文字）",
        "The power signal to send": "送る電源操作",
        "The request to approve": "承認する申請",
        "The request to edit": "編集する申請",
        "The request to reject": "却下する申請",
        "The request to withdraw (default: yours)": "取り下げる申請（省略時は自分の申請）",
        "The server pool": "貸出用サーバーの登録",
        "The server to act on": "操作するサーバー",
        "The server to back up": "バックアップするサーバー",
        "The server to lend (default: the first free one)": "貸し出すサーバー（省略時は空いているサーバー）",
        "The server to look at": "状態を見るサーバー",
        "The server to remove": "登録を外すサーバー",
        "The server type a pending request asks for": "審査中の申請が求めるサーバーの種類",
        "The server's name, e.g. server01": "サーバーの名前（例: server01）",
        "The server's type, e.g. paper or fabric (default: read from its egg)": "サーバーの種類（省略時はパネルのエッグから判定）",
        "type": "種類",
        "username": "ユーザー名",
        "Which requests to show (default: pending)": "表示する申請の状態（省略時は審査中）",
        "Why, for the applicant": "却下の理由（申請者に伝わります）",
        "Withdraw your pending request": "審査中の自分の申請を取り下げる",
        // commandTexts:end
    ]

    // MARK: - Admin
    // Texts of the moderators' workflow commands and review buttons (`Features/Admin`).

    // MARK: Options

    func optionMissing(_ name: String) -> String {
        "オプション「\(name)」が必要です。"
    }

    var statusOption: String { "状態" }

    var statusOptionRule: String {
        "PENDING・ACTIVE・REJECTED・RETURNED のいずれか"
    }

    // MARK: List

    func listTitle(_ status: WorkflowStatus) -> String {
        switch status {
        case .pending: "審査中の申請"
        case .active: "貸出中のサーバー"
        case .rejected: "却下された申請"
        case .returned: "返却済みの貸出"
        }
    }

    func listEmpty(_ status: WorkflowStatus) -> String {
        "\(self.status(status))の申請はありません。"
    }

    func listFooter(first: Int, last: Int, total: Int) -> String {
        "#\(first)〜#\(last) を表示（全\(total)件）"
    }

    var previousPage: String { "前へ" }
    var nextPage: String { "次へ" }

    func listOrganizer(_ organizer: String, applicant: String?) -> String {
        let organizerText = "主催 \(mention(organizer))"
        guard let applicant else { return organizerText }
        return organizerText + "・申請 \(mention(applicant))"
    }

    func listPanelUsers(_ users: [String]) -> String {
        "パネル: " + mentions(users)
    }

    func listTerms(version: String, days: Int) -> String {
        "バージョン \(version)・\(days)日間"
    }

    func listReserved(_ alias: String) -> String {
        "サーバー \(alias) を確保済み（承認処理中）"
    }

    func listLoan(_ alias: String?, start: Date?, end: Date?) -> String {
        let server = alias ?? "—"
        guard let start, let end else { return "サーバー \(server)" }
        return "サーバー \(server)・\(date(start))〜\(date(end))（\(relative(end))）"
    }

    // MARK: Approval

    func approvalStarted(_ id: Int, server: String, task: Int, by moderator: String) -> String {
        "\(mention(moderator)) が申請 #\(id) を承認しました。サーバー **\(server)** を確保し、承認タスク #\(task) を実行中です。完了すると結果が通知されます。"
    }

    func approvalProgress(_ progress: ApprovalProgress) -> String {
        let id = progress.workflowId
        let server = progress.serverAlias
        return switch progress.stage {
        case .preparing:
            "申請 #\(id): サーバー **\(server)** を準備しています（停止、バージョンとイメージの設定）…"
        case .installing(let version, let java):
            "申請 #\(id): **\(server)** に \(version) を Java \(java) でインストールしています…"
        case .starting:
            "申請 #\(id): **\(server)** を起動しています…"
        case .ready(let version, let address):
            "申請 #\(id): 準備完了。**\(server)** で \(version) が動いています" + (address.map { "（接続先 `\($0)`）" } ?? "") + "。主催者とパネルユーザーに通知しました。"
        }
    }

    func usernamesTitle(_ id: Int, from: Int, to: Int, of total: Int) -> String {
        "#\(id) のパネルユーザー名（\(from)〜\(to) / \(total)）"
    }

    func usernameLabel(_ discordId: String) -> String {
        "\(discordId) のユーザー名"
    }

    var usernameHint: String {
        "英小文字・数字・_ . -（3〜191文字、先頭と末尾は英数字）"
    }

    func usernameInvalid(_ discordId: String, _ name: String) -> String {
        "\(mention(discordId)): 「\(name)」は使えません。英小文字・数字・_ . -、3〜191文字、先頭と末尾は英数字にしてください。"
    }

    func usernameTaken(_ discordId: String, _ name: String) -> String {
        "\(mention(discordId)): ユーザー名「\(name)」はすでに使われています。別の名前にしてください。"
    }

    func usernamesProgress(_ id: Int, collected: Int, of total: Int) -> String {
        "申請 #\(id): \(total)人中\(collected)人のユーザー名を受け取りました。「続ける」で残りを入力してください。"
    }

    var usernamesRetry: String {
        "入力した内容は保存されています。「続ける」で直してください。"
    }

    var continueButton: String { "続ける" }

    func approvalDraftMissing(_ id: Int) -> String {
        "申請 #\(id) の承認の入力は期限切れか、別のモデレーターのものです。もう一度「承認」から始めてください。"
    }

    // MARK: Rejection

    func rejectTitle(_ id: Int) -> String { "申請 #\(id) を却下" }
    var rejectReasonLabel: String { "理由（任意）" }
    var rejectReasonHint: String { "却下の理由として記録されます" }

    func rejected(_ id: Int, by moderator: String, reason: String?) -> String {
        let head = "申請 #\(id) は \(mention(moderator)) により却下されました。"
        guard let reason, !reason.isEmpty else { return head }
        return head + "\n" + "理由: " + reason
    }

    var reasonRule: String {
        "\(RequestRules.maxReasonLength)文字以内"
    }

    // MARK: Editing

    func editTitle(_ id: Int) -> String { "申請 #\(id) を編集" }

    var periodFixedWhileActive: String {
        "貸出中の期間は編集できません。期限の変更には延長を使ってください。"
    }

    func edited(_ id: Int, by moderator: String) -> String {
        "申請 #\(id) を \(mention(moderator)) が更新しました。"
    }

    var editTypeAlone: String {
        "種類の変更は単独で行ってください。add や remove を付けずに type だけで編集し直してください。何も変更していません。"
    }

    // MARK: Tasks

    func taskRequeued(_ task: Int, workflow: Int, by moderator: String) -> String {
        "タスク #\(task)（申請 #\(workflow)）を \(mention(moderator)) が再実行しました。完了すると結果が通知されます。"
    }

    // MARK: Autocomplete

    func freeServerChoice(_ alias: String, type: String) -> String {
        "\(alias)（空き・\(type)）"
    }

    // MARK: - Archives
    // Texts of `/mcserver-admin archive`.

    func noArchives(loan: Int?) -> String {
        loan.map { "貸出 #\($0) のアーカイブはありません。" }
            ?? "アーカイブはまだありません。"
    }

    func archiveListTitle(loan: Int?) -> String {
        loan.map { "**貸出 #\($0) のアーカイブ**（新しい順）" }
            ?? "**アーカイブ**（新しい順）"
    }

    func archiveLine(_ archive: ArchiveRecord) -> String {
        "`#\(archive.id)` 貸出 #\(archive.workflowId) · \(ByteCount.text(archive.bytes)) · \(date(archive.createdAt))"
    }

    func andMore(_ count: Int) -> String {
        "…ほか \(count) 件"
    }

    func archiveNotFound(_ id: Int) -> String {
        "アーカイブ #\(id) はありません。"
    }

    func archiveLink(_ link: ArchiveLink, expiryHours: Int) -> String {
        switch link {
        case .link(let url):
            "ダウンロードリンク（リモートが対応していれば \(expiryHours) 時間で失効します。リンクを知っている人は誰でもダウンロードできます）: \(url)"
        case .none(.notSupported):
            "リンクは作れませんでした。このリモートは公開リンクに対応していません。上のパスから rclone で取得してください。"
        case .none(.notThisTarget):
            "リンクは作れませんでした。このアーカイブは現在とは別の ARCHIVE_TARGET に保存されています。"
        case .none(.failed):
            "リンクは作れませんでした。rclone が失敗しました（エラーはボットのログにあります）。上のパスから rclone で取得してください。"
        }
    }

    func archiveWhere(_ archive: ArchiveRecord) -> String {
        "アーカイブ `#\(archive.id)`（貸出 #\(archive.workflowId)、\(ByteCount.text(archive.bytes))、バックアップ `\(archive.backupUuid)`）の場所:\n`\(archive.destination)`"
    }

    // MARK: - Board
    // Texts of the live board (BOARD_CHANNEL_ID) and its buttons.
    var boardTitle: String { "## サーバー貸出ボード" }

    func boardSummary(active: Int, pending: Int, free: Int, servers: Int) -> String {
        "貸出中 \(active)件 · 審査待ち \(pending)件 · 空き \(free) / \(servers)台"
    }

    func boardActiveHeading(_ count: Int) -> String { "### 貸出中（\(count)件、終了が近い順）" }
    var boardNoActive: String { "貸出中のサーバーはありません。" }
    func boardPendingHeading(_ count: Int) -> String { "### 審査待ち（\(count)件、古い順）" }
    var boardNoPending: String { "審査待ちの申請はありません。" }
    var boardFreeHeading: String { "### 空きサーバー" }
    var boardNoFree: String { "空いているサーバーはありません。" }
    func boardMore(_ count: Int) -> String { "…ほか \(count)件" }
    func boardDays(_ days: Int) -> String { "\(days)日間" }
    var boardRequestButton: String { "サーバーを申請" }
    var boardMineButton: String { "自分の貸出" }
    var boardReviewButton: String { "審査する" }

    // MARK: - Checkout
    // Texts of `/mcserver checkout`: the request form and what is wrong with a request.

    // MARK: The request form

    var checkoutFormTitle: String { "サーバー貸出の申請" }
    var checkoutPurposeLabel: String { "目的・イベント名" }
    var checkoutPanelUsersHint: String { "サーバーを操作する人（1〜10人）" }

    // MARK: Checking the request

    var chooseOneMember: String { "1人を選んでください" }
    var botsCannotBeChosen: String { "ボットは選べません" }

    func fieldRule(_ field: String, _ rule: String) -> String {
        "「\(field)」: \(rule)"
    }

    func rule(for field: String, maxPeriod: Int) -> String {
        switch field {
        case "description": "1〜\(RequestRules.maxDescriptionLength)文字（制御文字なし）"
        case "mcVersion": "latest または 1.20.1・1.21・26.1 のようなリリース番号"
        case "periodDays": "1〜\(maxPeriod) の整数"
        case "panelUsers": "1〜10人、重複なし"
        default: "正しい値を入力してください"
        }
    }

    var versionHint: String {
        "latest、または 1.21.4・26.1 などのリリース番号"
    }

    func unknownMinecraftVersion(_ version: String, closest: [String]) -> String {
        let list = closest.joined(separator: ", ")
        return closest.isEmpty
            ? "「\(fieldName("mcVersion"))」: \(version) は Minecraft のリリースではありません。"
            : "「\(fieldName("mcVersion"))」: \(version) は Minecraft のリリースではありません。近いリリース: \(list)"
    }

    func requestReceived(_ id: Int) -> String {
        "申請 #\(id) を受け付けました。モデレーターの審査をお待ちください。"
    }

    // MARK: - Common
    // Texts every handler may need: refusals and how the workflow's errors read.
    var onlyInGuild: String { "このサーバーでのみ使えます。" }
    var moderatorsOnly: String { "この操作はモデレーターのみ行えます。" }
    var unknownAction: String { "この操作はもう使えません。コマンドからやり直してください。" }

    var somethingWentWrong: String {
        "処理中に問題が発生しました。少し待ってからもう一度お試しください。"
    }

    func panelFailed(_ reason: String) -> String {
        "パネルの操作に失敗しました: \(reason)"
    }

    func status(_ status: WorkflowStatus) -> String {
        switch status {
        case .pending: "審査中"
        case .active: "貸出中"
        case .rejected: "却下"
        case .returned: "返却済み"
        }
    }

    func describe(_ error: LendingError) -> String {
        switch error {
        case .workflowNotFound(let id): "申請 #\(id) は見つかりません。"
        case .taskNotFound(let id): "タスク #\(id) は見つかりません。"
        case .invalidRequest(let field, let rule): "\(fieldName(field)): \(rule)"
        case .alreadyDecided(let id, let status, let by):
            "申請 #\(id) はすでに\(self.status(status))です" + (by.map { "（\(mention($0))）" } ?? "") + "。"
        case .approvalInProgress(let id, let by):
            "申請 #\(id) は \(mention(by)) が承認処理中です。"
        case .returnInProgress(let id, let by):
            "貸出 #\(id) は返却処理中です（\(mention(by))）。"
        case .panelUsersChangeInProgress(let id):
            "貸出 #\(id) ではパネルユーザーの変更が進行中です。終わってからもう一度お試しください。"
        case .notAllowed(let id, let status, _):
            "申請 #\(id) は\(self.status(status))のため、この操作はできません。"
        case .noFreeServer:
            "空いているサーバーがありません。申請は審査中のままです。"
        case .serverNotFound(let alias): "サーバー \(alias) はありません。"
        case .serverNotFree(let alias, let heldBy):
            "サーバー \(alias) は使用中です" + (heldBy.map { "（申請 #\($0)）" } ?? "") + "。"
        case .bindingInUse(let alias, let id):
            "サーバー \(alias) は申請 #\(id) で使用中のため変更できません。"
        case .usernameMissing(let discordId):
            "\(mention(discordId)) のパネルユーザー名が必要です。"
        case .usernameInvalid(let name):
            "「\(name)」はパネルのユーザー名に使えません（3〜191文字、英小文字・数字・_ . -、先頭と末尾は英数字）。"
        case .usernameTaken(let name): "ユーザー名 \(name) はすでに使われています。"
        case .dateNotInFuture(let date): "\(date) は明日以降の日付にしてください。"
        case .endBeforeNow(let date): "\(date) はすでに過ぎています。"
        case .tooManyOpenRequests(let limit):
            "申請中・貸出中の申請がすでに \(limit) 件あります。どれかが決まるか返却されてから申請してください。"
        case .tooManyPasswordResets(let limit, let retryAt):
            "パスワードのリセットは1時間に \(limit) 回までです。\(relative(retryAt)) に再度お試しください。"
        case .dateTooLate(let date):
            "\(date) は遅すぎます。終了日は \(CalendarDate.latest) までにしてください。"
        case .notOrganizer(let id):
            "申請 #\(id) の主催者またはモデレーターのみ操作できます。"
        case .notApplicant(let id):
            "申請 #\(id) を取り下げられるのは申請者と主催者のみです。"
        case .notLoanMember(let id):
            "貸出 #\(id) の主催者とパネルユーザーのみ操作できます。"
        case .serverNotRunning(let id):
            "貸出 #\(id) のサーバーが起動していません。起動してからもう一度お試しください。"
        case .endDateChanged(let id, let current):
            "貸出 #\(id) はすでに延長されています" + (current.map { "（期限 \(date($0))）" } ?? "") + "。"
        case .extendLimitReached(let id, let limit):
            "貸出 #\(id) はすでに \(limit) 回延長されており、これ以上ご自身では延長できません。モデレーターに相談してください。"
        case .notEnded(let id, let end):
            "貸出 #\(id) は延長されています（期限 \(date(end))）。"
        case .taskNotFailed(let id, _): "タスク #\(id) は再試行できる状態ではありません。"
        case .serverUnsuitable(let alias, let reason):
            "サーバー \(alias) ではこのバージョンを動かせません: \(reason)。申請は審査中のままです。"
        case .noSuitableServer(let reasons):
            "空いているサーバーのどれもこのバージョンを動かせません: \(reasons.joined(separator: "; "))。申請は審査中のままです。"
        case .unknownMinecraftVersion(let version, let closest): unknownMinecraftVersion(version, closest: closest)
        }
    }

    func mention(_ discordId: String) -> String {
        discordId == AuditEntry.scheduler ? "スケジューラー" : "<@\(discordId)>"
    }

    func fieldName(_ field: String) -> String {
        switch field {
        case "description": "目的・イベント名"
        case "mcVersion": "Minecraft バージョン"
        case "periodDays": "期間（日数）"
        case "organizer": "主催者"
        case "panelUsers": "パネルユーザー"
        case "reason": "理由"
        case "player": "プレイヤー名"
        case "name": "名前"
        case "ptero-id": "パネルのサーバーID"
        default: field
        }
    }

    // MARK: - Embeds
    // The field names of a loan's embed (`LoanEmbed`, the notices' `NoticeMessages.embed`); the
    // organizer and panel users fields are named by `fieldName(_:)`, the address by `statusAddress`.
    var embedStatus: String { "状態" }
    var embedVersion: String { "バージョン" }
    var embedServer: String { "サーバー" }
    var embedPeriod: String { "期間" }
    func embedPeriodDays(_ days: Int) -> String { "\(days)日間" }
    var embedNoPanelAccount: String { "パネルアカウントなし" }

    // MARK: - Loans
    // Texts of the moderators' loan and server commands: `/mcserver-admin checkout ...`,
    // `server-binding ...` and `server status`.

    // MARK: checkout list

    func activeLoansTitle(_ count: Int) -> String {
        "貸出中のサーバー（\(count)件）"
    }

    var noActiveLoans: String { "貸出中のサーバーはありません。" }

    func activeLoansPage(_ page: Int, of pages: Int) -> String {
        "\(page) / \(pages) ページ"
    }

    var loansPagePrevious: String { "前のページ" }
    var loansPageNext: String { "次のページ" }
    var ganttToday: String { "今日" }

    func daysLeft(_ days: Int) -> String {
        switch days {
        case ..<0: "\(-days)日超過"
        case 0: "今日まで"
        default: "残り\(days)日"
        }
    }

    // MARK: checkout extend / return

    var loanIDMissing: String { "申請の ID を指定してください。" }
    var dateOptionName: String { "日付" }

    var dateFormatRule: String {
        "日付は YYYY-MM-DD、12/24 または 12月24日 の形式で入力してください（例: 2026-08-31）。"
    }

    var noSuchDay: String {
        "その日付は暦にありません。YYYY-MM-DD の形式で確かめてください。"
    }

    func ambiguousDay(_ monthFirst: CalendarDate, _ dayFirst: CalendarDate) -> String {
        "\(monthFirst) とも \(dayFirst) とも読めます。YYYY-MM-DD の形式で入力してください。"
    }

    func loanEndSet(_ id: Int, until end: Date) -> String {
        "貸出 #\(id) の期限を \(date(end))（\(relative(end))）に変更しました。"
    }

    func pendingPeriodSet(_ id: Int, days: Int) -> String {
        "審査中の申請 #\(id) の期間を \(days) 日に変更しました。"
    }

    // MARK: server-binding

    func bindingsTitle(_ count: Int) -> String {
        "サーバープール（\(count)台）"
    }

    var noBindings: String {
        "サーバーが登録されていません。`/mcserver-admin server-binding set` で追加してください。"
    }

    var bindingFree: String { "空き" }

    func bindingHeldBy(_ id: Int, status: WorkflowStatus) -> String {
        status == .pending ? "#\(id) が承認処理中" : "#\(id) に貸出中"
    }

    func bindingsMore(_ count: Int) -> String {
        "…ほか \(count) 台"
    }

    var aliasRule: String {
        "1〜32文字の英数字、- または _"
    }

    var panelIdentifierRule: String {
        "パネルの8文字のサーバーID（英数字）"
    }

    func panelServerMissing(_ identifier: String) -> String {
        "パネルにサーバー \(identifier) がありません（またはクライアントキーから見えません）。"
    }

    func panelServerAlreadyBound(_ identifier: String, as alias: String) -> String {
        "パネルのサーバー \(identifier) はすでに \(alias) として登録されています。"
    }

    func bindingSaved(_ alias: String, to identifier: String) -> String {
        "サーバー \(alias) をパネルのサーバー \(identifier) に設定しました。"
    }

    func bindingRemoved(_ alias: String) -> String {
        "サーバー \(alias) をプールから外しました。"
    }

    // MARK: server status

    func powerState(_ state: String) -> String {
        switch state {
        case "running": "稼働中"
        case "starting": "起動中"
        case "stopping": "停止処理中"
        case "offline": "停止"
        default: state
        }
    }

    var statusPower: String { "状態" }
    var statusCPU: String { "CPU" }
    var statusMemory: String { "メモリ" }
    var statusDisk: String { "ディスク" }
    var statusUptime: String { "稼働時間" }
    var statusAddress: String { "接続先" }
    var statusLoan: String { "貸出" }
    var statusNoAddress: String { "デフォルトの割り当てなし" }
    var statusSuspended: String { "（停止処分中）" }
    var statusInstalling: String { "（インストール中）" }

    // MARK: - Member
    // Texts of the member commands: `/mcserver reset-password`, `extend` and `return`.

    // MARK: reset-password

    var resetPasswordNoAccount: String {
        "あなたのパネルアカウントはまだありません。あなたがパネルユーザーに含まれる申請が承認されると作成されます。"
    }

    func resetPasswordNotOnPanel(_ username: String) -> String {
        "パネルにあなたのアカウント（\(username)）が見つかりません。モデレーターに連絡してください。"
    }

    var resetPasswordAdministrator: String {
        "このアカウントはパネル管理者のため、Discord からはパスワードをリセットできません。"
    }

    var resetPasswordTryLater: String {
        "パネルが応答していないため、パスワードをリセットできませんでした。数分後にもう一度お試しください。"
    }

    var resetPasswordAskModerator: String {
        "パネルがパスワードのリセットを受け付けませんでした。モデレーターに連絡してください。"
    }

    func resetPasswordDone(username: String, password: String, panelURL: String?) -> String {
        let login = panelURL.map { "\nログイン: <\($0)>" } ?? ""
        return "パネルのパスワードをリセットしました。\nユーザー名: `\(username)`\n新しいパスワード: ||`\(password)`||\(login)\n"
            + "このメッセージはあなたにだけ表示され、ボットはパスワードを保存しません。"
    }

    // MARK: Choosing one's own loan

    var noOwnActiveLoan: String {
        "あなたが主催者の貸出中のサーバーはありません。"
    }

    func onlyFirstLoansListed(_ count: Int) -> String {
        "期限の近い \(count) 件のみ表示しています。他の貸出は `id` オプションで指定してください。"
    }

    func loanChoiceDetail(alias: String?, end: Date?, zone: TimeZone) -> String {
        let server = alias ?? "サーバー未定"
        guard let end else { return server }
        let day = CalendarDate(containing: end, in: zone)
        return "\(server) · 期限 \(day)"
    }

    // MARK: extend

    func extendPickPrompt(days: Int) -> String {
        "どの貸出を \(days) 日延長しますか？"
    }

    var extendPickPlaceholder: String { "延長する貸出を選択" }

    func extendedOwn(_ id: Int, until end: Date, days: Int) -> String {
        "貸出 #\(id) を \(days) 日延長しました。新しい期限: \(date(end))（\(relative(end))）"
    }

    // MARK: return

    var returnPickPrompt: String { "どの貸出を返却しますか？" }
    var returnPickPlaceholder: String { "返却する貸出を選択" }

    func returnConfirmPrompt(_ id: Int) -> String {
        "貸出 #\(id) を返却しますか？ サーバーは停止・アーカイブ・初期化され、パネルユーザーのアクセス権は削除されます。この操作は取り消せません。"
    }

    var returnConfirmLabel: String { "返却する" }

    func returnQueued(_ id: Int) -> String {
        "貸出 #\(id) の返却を受け付けました。停止・アーカイブ・初期化はこのあと順に行われ、完了すると主催者とパネルユーザーに通知されます。"
    }

    // MARK: - Notices
    // The workflow's notices (`LendingNotice`), as `NoticeMessages` puts them into messages.

    func loanApprovedToOrganizer(_ loan: LoanSummary) -> String {
        "貸出申請 #\(loan.workflowId)「\(purpose(loan))」が承認されました。\(serverSentence(loan))"
    }

    func loanApprovedToModerators(_ loan: LoanSummary) -> String {
        "貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）を開始しました。\(serverSentence(loan))"
    }

    func panelAccessGranted(_ loan: LoanSummary, username: String) -> String {
        let server = loan.serverAlias ?? "貸出サーバー"
        let address = loan.connectionAddress.map { "接続先: `\($0)`\n" } ?? ""
        return """
            貸出 #\(loan.workflowId)「\(purpose(loan))」のサーバー **\(server)** を操作できるようになりました。
            \(address)パネルのユーザー名: `\(username)`
            パスワードはコミュニティのサーバーで `/mcserver reset-password` を実行すると、あなたにだけ表示されます。
            """
    }

    func returnReminder(_ loan: LoanSummary, daysLeft: Int) -> String {
        let end = loan.endDate.map(dateAndRelative) ?? "まもなく"
        return "貸出 #\(loan.workflowId)「\(purpose(loan))」は \(end) に終了します（残り \(max(daysLeft, 0)) 日）。延長する場合は下のボタンを押してください。"
    }

    func returnReminderToModerators(_ loan: LoanSummary, daysLeft: Int) -> String {
        let end = loan.endDate.map(dateAndRelative) ?? "まもなく"
        return "貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）は \(end) に終了します（残り \(max(daysLeft, 0)) 日）。"
    }

    var extendButton: String { "延長する" }

    func loanExpired(_ loan: LoanSummary) -> String {
        let end = dateOrDash(loan.endDate)
        return "貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）の期限（\(end)）が過ぎました。返却するか延長してください。"
    }

    func loanExtendedByOrganizer(_ loan: LoanSummary, previousEnd: Date?, days: Int) -> String {
        let from = dateOrDash(previousEnd)
        let to = dateOrDash(loan.endDate)
        return "貸出 #\(loan.workflowId)「\(loan.description)」を主催者 <@\(loan.organizerDiscordId)> が \(days) 日延長しました（\(from) → \(to)）。"
    }

    func requestFiled(_ workflow: WorkflowRecord) -> String {
        "<@\(workflow.applicantDiscordId)> から貸出申請 #\(workflow.id) が届きました。"
    }

    var approveButton: String { "承認" }
    var rejectButton: String { "却下" }

    func loanExtendedByModerator(_ loan: LoanSummary, previousEnd: Date?, by moderator: String) -> String {
        let from = dateOrDash(previousEnd)
        let to = dateOrDash(loan.endDate)
        return "モデレーター <@\(moderator)> が貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）の終了日を変更しました（\(from) → \(to)）。"
    }

    func requestDecision(_ decision: RequestDecision, at time: Date) -> String {
        let when = dateTime(time)
        return switch decision {
        case .approved(let moderator):
            "✅ <@\(moderator)> が承認しました（\(when)）。"
        case .rejected(let moderator, let reason):
            "❌ <@\(moderator)> が却下しました（\(when)）。"
                + (reason.map { "\n理由: \(LoanText.memberText($0))" } ?? "")
        case .withdrawn(let member):
            "↩️ <@\(member)> が取り下げました（\(when)）。"
        }
    }

    func requestDecidedBeforePost(_ status: WorkflowStatus) -> String {
        "この申請はすでに\(self.status(status))です。"
    }

    func requestWithdrawn(_ loan: LoanSummary, by member: String) -> String {
        "<@\(member)> が申請 #\(loan.workflowId)「\(purpose(loan))」を取り下げました。"
    }

    func requestRejected(_ loan: LoanSummary, reason: String?) -> String {
        "申請 #\(loan.workflowId)「\(purpose(loan))」は却下されました。"
            + (reason.map { "\n理由: \($0)" } ?? "")
    }

    func loanReturned(_ loan: LoanSummary, archive: ArchiveOutcome) -> String {
        "貸出 #\(loan.workflowId)「\(purpose(loan))」のサーバーは返却されました。"
            + archiveOutcome(archive)
    }

    func loanReturnedToModerators(_ loan: LoanSummary, archive: ArchiveOutcome) -> String {
        "貸出 #\(loan.workflowId)「\(purpose(loan))」（主催 <@\(loan.organizerDiscordId)>）は返却されました\(loan.serverAlias.map { "。\($0) は空きに戻りました" } ?? "")。"
            + archiveOutcome(archive)
    }

    private func archiveOutcome(_ archive: ArchiveOutcome) -> String {
        switch archive {
        case .notConfigured:
            "サーバーのデータは保存されていません（アーカイブ先が設定されていません）。"
        case .archived(_, let folder, let files, let bytes):
            "バックアップ \(files) 件（\(ByteCount.text(bytes))）をアーカイブのフォルダ `\(folder)` に保存しました。"
        case .skipped:
            archiveSkippedByModerator
        }
    }

    func taskFailed(_ failure: TaskFailureSummary) -> String {
        "申請 #\(failure.workflowId) の\(taskName(failure.kind))が \(failure.attempts) 回目で止まりました（タスク #\(failure.taskId)）: \(failure.message)\n原因を解消してから再試行してください。"
    }

    var retryButton: String { "再試行" }

    func taskName(_ kind: TaskKind) -> String {
        switch kind {
        case .approve: "承認処理"
        case .returnLoan: "返却処理"
        case .release: "解放処理"
        case .panelUsers: panelUsersTaskName
        }
    }

    private func serverSentence(_ loan: LoanSummary) -> String {
        var parts: [String] = []
        if let alias = loan.serverAlias {
            parts.append(loan.connectionAddress.map { "サーバー: \(alias)（`\($0)`）" } ?? "サーバー: \(alias)")
        }
        if let end = loan.endDate { parts.append("期限: \(date(end))") }
        return parts.joined(separator: "、") + (parts.isEmpty ? "" : "。")
    }

    // MARK: - SelfService
    // Texts of the member's self-service: `/mcserver mine`, `withdraw` and `help`.

    // MARK: withdraw

    var noOwnPendingRequest: String {
        "取り下げられる審査中の申請はありません。"
    }

    var withdrawPickPrompt: String { "どの申請を取り下げますか？" }
    var withdrawPickPlaceholder: String { "取り下げる申請を選択" }

    func onlyFirstRequestsListed(_ count: Int) -> String {
        "古い順に \(count) 件のみ表示しています。他の申請は `id` オプションで指定してください。"
    }

    func withdrawConfirmPrompt(_ workflow: WorkflowRecord) -> String {
        "申請 #\(workflow.id)「\(purpose(workflow))」を取り下げますか？ 申請は却下扱いになり、元に戻せません。"
    }

    var withdrawConfirmLabel: String { "取り下げる" }

    func withdrawn(_ id: Int) -> String {
        "申請 #\(id) を取り下げました。モデレーターにも通知されます。"
    }

    func withdrawWhilePreparing(_ id: Int) -> String {
        "申請 #\(id) はモデレーターがすでにサーバーを準備中のため、取り下げられません。準備が終わってから返却するか、モデレーターに相談してください。"
    }

    // MARK: mine

    var mineNothing: String {
        "あなたの申請や貸出はまだありません。`/mcserver checkout` で申請できます。"
    }

    var mineTitle: String { "あなたの申請と貸出" }

    func mineLeftOut(shown: Int, total: Int) -> String {
        "全 \(total) 件のうち、関係の深い \(shown) 件を表示しています（\(total - shown) 件は省略）。"
    }

    func mineRoles(applicant: Bool, organizer: Bool, panelUser: Bool) -> String {
        var roles: [String] = []
        if applicant { roles.append("申請者") }
        if organizer { roles.append("主催者") }
        if panelUser { roles.append("パネルユーザー") }
        return roles.joined(separator: ", ")
    }

    func mineServer(_ alias: String?, address: String?) -> String {
        guard let alias else { return "サーバー: 未定" }
        return "サーバー: " + (address.map { "\(alias) (`\($0)`)" } ?? alias)
    }

    func mineVersion(_ version: String) -> String { "バージョン: \(version)" }

    func mineEnd(_ day: CalendarDate, daysLeft: Int) -> String {
        let left = daysLeft > 0 ? "残り \(daysLeft) 日"
            : daysLeft == 0 ? "本日まで" : "期限切れ"
        return "期限: \(day)（\(left)）"
    }

    func mineEnded(_ day: CalendarDate) -> String { "終了日: \(day)" }
    func minePeriod(_ days: Int) -> String { "希望期間: \(days) 日間" }
    func mineExtendLabel(_ id: Int) -> String { "#\(id) を延長" }
    func mineReturnLabel(_ id: Int) -> String { "#\(id) を返却" }
    func mineWithdrawLabel(_ id: Int) -> String { "#\(id) を取り下げ" }

    // MARK: help

    var helpTitle: String { "貸出ボットの使い方" }

    var helpIntro: String {
        "サーバーの貸出を申請し、モデレーターが承認するとサーバーとパネルのアカウントが用意されます。返信はあなたにだけ表示されます。"
    }

    var helpMemberCommands: String { "メンバーのコマンド" }
    var helpModeratorCommands: String { "モデレーターのコマンド" }

    func helpServerTypes(_ types: [String]) -> String {
        "サーバーの種類が複数あります（\(typeList(types))）。`/mcserver checkout type:` で種類を指定して申請できます。省略すると最初に種類を選びます。"
    }

    // MARK: - ServerActions
    // `/mcserver-admin server power`: what was sent, and what the panel says just after.

    func powerSignalName(_ signal: String) -> String {
        switch signal {
        case "start": "起動"
        case "stop": "停止"
        case "restart": "再起動"
        case "kill": "強制停止"
        default: signal
        }
    }

    func powerSignalSent(_ signal: String, alias: String, server: String) -> String {
        "サーバー \(alias)（`\(server)`）に「\(powerSignalName(signal))」を送りました。"
    }

    func powerStateNow(_ state: String) -> String {
        "パネルが報告する状態: \(powerState(state))（反映まで最大20秒ほどかかります）"
    }

    var powerStateUnknown: String {
        "パネルから現在の状態を読めませんでした。"
    }

    func serverActionAudited(loan id: Int) -> String {
        "このサーバーは申請 #\(id) が使用中のため、その履歴に記録しました。"
    }

    // MARK: - Whitelist
    // Texts of `/mcserver whitelist`.

    var whitelistNeedsPlayer: String {
        "`player` にプレイヤー名を指定してください。"
    }

    var noWhitelistableLoan: String {
        "ホワイトリストを管理できる貸出中のサーバーはありません（主催者かパネルユーザーの貸出のみ）。"
    }

    func whitelistNameTheLoan(_ ids: [Int]) -> String {
        let list = numbers(ids)
        return "貸出が複数あります（\(list)）。`id` オプションで指定してください。"
    }

    func whitelistChanged(_ added: Bool, player: String, changed: Bool, loan: Int) -> String {
        switch (added, changed) {
        case (true, true): "`\(player)` を貸出 #\(loan) のホワイトリストに追加しました。"
        case (true, false): "`\(player)` はすでにホワイトリストにいます。"
        case (false, true): "`\(player)` を貸出 #\(loan) のホワイトリストから外しました。"
        case (false, false): "`\(player)` はこのボットで追加されたホワイトリストにいません。"
        }
    }

    func whitelistPlayers(_ players: [String], loan: Int) -> String {
        guard !players.isEmpty else {
            return "貸出 #\(loan) のホワイトリスト（このボットで追加）: なし"
        }
        let names = codes(players)
        return "貸出 #\(loan) のホワイトリスト（このボットで追加、\(players.count) 人）: \(names)"
    }

    // MARK: - ServerTypes
    // Texts of server types (`ServerType`): the refusals, the member's choice of a type before the
    // request form, and the type where a request or a pool server is shown.

    func describe(_ refusal: ServerTypeRefusal) -> String {
        switch refusal {
        case .noServerOfType(let requested, let available):
            available.isEmpty
                ? "種類「\(requested)」のサーバーはありません。貸出用のサーバーがまだ登録されていません。"
                : "種類「\(requested)」のサーバーはありません。選べる種類: \(typeList(available))"
        case .typeRequired(let available):
            "サーバーの種類が複数あります。/mcserver checkout をもう一度実行して種類を選んでください（\(typeList(available))）。"
        case .wrongType(let alias, let serverType, let requested):
            "サーバー \(alias) は「\(serverType)」のサーバーですが、この申請は「\(requested)」を求めています。申請は審査中のままです。"
        case .noFreeServerOfType(let type):
            "「\(type)」のサーバーはすべて貸出中か予約済みです。申請は審査中のままです。"
        case .invalidType(let typed):
            "「\(typed)」はサーバーの種類として使えません（英小文字・数字・- _ で1〜\(ServerType.maxLength)文字）。"
        case .typeFixedWhileLent(let id):
            "貸出 #\(id) はすでにサーバーを貸し出しているため、種類は変えられません。種類を編集できるのは審査中の申請だけです。"
        }
    }

    // MARK: Asking a member for the type

    var chooseServerType: String {
        "どの種類のサーバーを申請しますか？選ぶと申請フォームが開きます。"
    }

    var serverTypePlaceholder: String { "サーバーの種類" }

    func serverTypeCount(_ count: Int) -> String {
        "サーバー \(count) 台"
    }

    func requestFormTitle(type: String) -> String {
        Limits.cut("サーバー貸出の申請（\(type)）", 45)
    }

    // MARK: Showing the type

    var serverTypeLabel: String { "種類" }

    func requestedType(_ type: String) -> String {
        "種類: \(type)"
    }

    func bindingType(_ type: String, fromEgg egg: Bool) -> String {
        egg
            ? "種類: \(type)（パネルのエッグから判定）"
            : "種類: \(type)"
    }

    // MARK: - ModeratorTools
    // The moderators' tools of `/mcserver-admin`: a change of panel users (`workflow edit`), a
    // return's own options (`checkout return archive reset`).

    var archiveSkippedByModerator: String {
        "モデレーターの指示により、今回はサーバーのデータをアーカイブしていません。"
    }

    func returnSkips(archive: Bool, reset: Bool) -> [String] {
        var lines: [String] = []
        if !archive { lines.append("今回の返却ではバックアップをアーカイブしません（削除はします）。") }
        if !reset { lines.append("今回の返却ではサーバーをリセットしません。") }
        return lines
    }

    var panelUserNoBots: String {
        "ボットはパネルユーザーにできません"
    }

    var panelUsersTaskName: String {
        "パネルユーザー変更"
    }

    func describe(_ refusal: PanelUsersRefusal) -> String {
        switch refusal {
        case .alreadyPanelUser(let id, let discordId):
            "\(mention(discordId)) はすでに申請 #\(id) のパネルユーザーです。"
        case .notPanelUser(let id, let discordId):
            "\(mention(discordId)) は申請 #\(id) のパネルユーザーではありません。"
        case .count(let id, let limit):
            "申請 #\(id) のパネルユーザーは1〜\(limit)人にしてください。"
        case .changeInProgress(let id, let task, let by):
            "貸出 #\(id) では \(mention(by)) のパネルユーザー変更（タスク #\(task)）がまだ終わっていません。終わるか再試行されてからもう一度お試しください。"
        case .nothingToChange:
            "追加または削除するメンバーを指定してください。"
        }
    }

    func panelUsernameTitle(_ id: Int) -> String {
        "貸出 #\(id) に追加するパネルユーザー"
    }

    func panelUsernameNeeded(_ discordId: String) -> String {
        "\(mention(discordId)) にはパネルアカウントがありません。`username` にパネルのユーザー名を指定してください。"
    }

    func panelUsersChanged(_ id: Int, added: [String], removed: [String], by moderator: String) -> String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("追加: \(added.map(mention).joined(separator: " "))") }
        if !removed.isEmpty {
            parts.append("削除: \(removed.map(mention).joined(separator: " "))")
        }
        return "申請 #\(id) のパネルユーザーを \(mention(moderator)) が変更しました（\(parts.joined(separator: "、"))）。"
    }

    func panelUsersTaskQueued(_ task: Int) -> String {
        "パネルへの反映をタスク #\(task) で進めています。失敗した場合はモデレーターに通知され、再試行できます。"
    }

    func panelUsersNow(_ users: [String]) -> String {
        "パネルユーザー: \(users.map(mention).joined(separator: " "))"
    }

    func describe(_ refusal: ServerBackupRefusal) -> String {
        switch refusal {
        case .serverFree(let alias):
            "サーバー \(alias) はどの貸出にも使われていないため、バックアップしません。"
        case .limitReached(let alias):
            "サーバー \(alias) はバックアップの上限に達しています。不要なバックアップを削除するか、返却時のアーカイブをお待ちください。"
        case .throttled(let alias, let retryAfter):
            "サーバー \(alias) は短時間にバックアップを作りすぎています。" + (retryAfter.map { "\($0) 秒ほど後に" } ?? "しばらくしてから") + "もう一度お試しください。"
        }
    }

    func backupStarted(alias: String, loan: Int, name: String) -> String {
        "サーバー \(alias) のバックアップ「\(name)」を開始しました（ロック付き、返却時にアーカイブされます）。貸出 #\(loan) の履歴に記録しました。"
    }

    var directLoanTitle: String {
        "サーバーを直接貸し出す"
    }

    func directLoanNeedsUsernames(_ id: Int, count: Int) -> String {
        "貸出 #\(id) を作成しました。パネルアカウントのないパネルユーザーが \(count) 人います。「続ける」でユーザー名を入力すると承認します。"
    }

    func directLoanStaysPending(_ id: Int) -> String {
        "貸出 #\(id) は審査中の申請として残っています。別のサーバーで承認するか、却下してください。"
    }
}
