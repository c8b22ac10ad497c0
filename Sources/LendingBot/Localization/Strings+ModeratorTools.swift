import Lending

/// The moderators' tools of `/mcserver-admin`: a change of panel users (`workflow edit`), a
/// return's own options (`checkout return archive reset`).
extension Strings {
    /// In the returned notices, for a return a moderator asked not to archive.
    var archiveSkippedByModerator: String {
        text("モデレーターの指示により、今回はサーバーのデータをアーカイブしていません。", "A moderator chose not to archive the server's data for this return.")
    }

    /// What a moderator's return leaves out, one line each.
    func returnSkips(archive: Bool, reset: Bool) -> [String] {
        var lines: [String] = []
        if !archive { lines.append(text("今回の返却ではバックアップをアーカイブしません（削除はします）。", "This return will not archive the backups (they are still deleted).")) }
        if !reset { lines.append(text("今回の返却ではサーバーをリセットしません。", "This return will not reset the server.")) }
        return lines
    }

    var panelUserNoBots: String {
        text("ボットはパネルユーザーにできません", "bots cannot be panel users")
    }

    /// The task kind's name in the failed-task notice.
    var panelUsersTaskName: String {
        text("パネルユーザー変更", "panel-user change")
    }

    func describe(_ refusal: PanelUsersRefusal) -> String {
        switch refusal {
        case .alreadyPanelUser(let id, let discordId):
            text("\(mention(discordId)) はすでに申請 #\(id) のパネルユーザーです。", "\(mention(discordId)) is already a panel user of request #\(id).")
        case .notPanelUser(let id, let discordId):
            text("\(mention(discordId)) は申請 #\(id) のパネルユーザーではありません。", "\(mention(discordId)) is not a panel user of request #\(id).")
        case .count(let id, let limit):
            text("申請 #\(id) のパネルユーザーは1〜\(limit)人にしてください。", "Request #\(id) must keep from 1 to \(limit) panel users.")
        case .changeInProgress(let id, let task, let by):
            text("貸出 #\(id) では \(mention(by)) のパネルユーザー変更（タスク #\(task)）がまだ終わっていません。終わるか再試行されてからもう一度お試しください。",
                 "Loan #\(id) has a panel-user change by \(mention(by)) still under way (task #\(task)): wait for it, or retry it, then try again.")
        case .nothingToChange:
            text("追加または削除するメンバーを指定してください。", "Name a member to add or to remove.")
        }
    }

    func panelUsernameTitle(_ id: Int) -> String {
        text("貸出 #\(id) に追加するパネルユーザー", "A panel user for loan #\(id)")
    }

    func panelUsernameNeeded(_ discordId: String) -> String {
        text("\(mention(discordId)) にはパネルアカウントがありません。`username` にパネルのユーザー名を指定してください。",
             "\(mention(discordId)) has no panel account yet: give their panel username in `username`.")
    }

    func panelUsersChanged(_ id: Int, added: [String], removed: [String], by moderator: String) -> String {
        var parts: [String] = []
        if !added.isEmpty { parts.append(text("追加: \(added.map(mention).joined(separator: " "))", "added \(added.map(mention).joined(separator: ", "))")) }
        if !removed.isEmpty {
            parts.append(text("削除: \(removed.map(mention).joined(separator: " "))", "removed \(removed.map(mention).joined(separator: ", "))"))
        }
        return text("申請 #\(id) のパネルユーザーを \(mention(moderator)) が変更しました（\(parts.joined(separator: "、"))）。",
                    "\(mention(moderator)) changed the panel users of request #\(id): \(parts.joined(separator: "; ")).")
    }

    func panelUsersTaskQueued(_ task: Int) -> String {
        text("パネルへの反映をタスク #\(task) で進めています。失敗した場合はモデレーターに通知され、再試行できます。",
             "The panel follows in task #\(task); if it fails, the moderators are told and can retry it.")
    }

    func panelUsersNow(_ users: [String]) -> String {
        text("パネルユーザー: \(users.map(mention).joined(separator: " "))", "Panel users: \(users.map(mention).joined(separator: ", "))")
    }
}

/// `/mcserver-admin server backup`.
extension Strings {
    func describe(_ refusal: ServerBackupRefusal) -> String {
        switch refusal {
        case .serverFree(let alias):
            text("サーバー \(alias) はどの貸出にも使われていないため、バックアップしません。", "Server \(alias) is free (no loan holds it): there is nothing to back up.")
        case .limitReached(let alias):
            text("サーバー \(alias) はバックアップの上限に達しています。不要なバックアップを削除するか、返却時のアーカイブをお待ちください。",
                 "Server \(alias) has reached its backup limit: delete a backup it no longer needs, or wait for the return to archive them.")
        case .throttled(let alias, let retryAfter):
            text("サーバー \(alias) は短時間にバックアップを作りすぎています。" + (retryAfter.map { "\($0) 秒ほど後に" } ?? "しばらくしてから") + "もう一度お試しください。",
                 "Server \(alias) has made too many backups in the last minutes: try again " + (retryAfter.map { "in about \($0) seconds." } ?? "later."))
        }
    }

    func backupStarted(alias: String, loan: Int, name: String) -> String {
        text("サーバー \(alias) のバックアップ「\(name)」を開始しました（ロック付き、返却時にアーカイブされます）。貸出 #\(loan) の履歴に記録しました。",
             "Started the backup \"\(name)\" of server \(alias) (locked, so the return archives it). Recorded on loan #\(loan).")
    }
}

/// `/mcserver-admin checkout create`.
extension Strings {
    var directLoanTitle: String {
        text("サーバーを直接貸し出す", "Lend a server directly")
    }

    func directLoanNeedsUsernames(_ id: Int, count: Int) -> String {
        text("貸出 #\(id) を作成しました。パネルアカウントのないパネルユーザーが \(count) 人います。「続ける」でユーザー名を入力すると承認します。",
             "Loan #\(id) is created. \(count) panel user(s) have no panel account: press Continue to choose their usernames, and the loan is approved.")
    }

    func directLoanStaysPending(_ id: Int) -> String {
        text("貸出 #\(id) は審査中の申請として残っています。別のサーバーで承認するか、却下してください。",
             "Loan #\(id) stays a pending request: approve it onto another server, or reject it.")
    }
}
