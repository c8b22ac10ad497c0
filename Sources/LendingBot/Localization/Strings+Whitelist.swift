import Lending

/// Texts of `/mcserver whitelist`.
extension Strings {
    var whitelistNeedsPlayer: String {
        text("`player` にプレイヤー名を指定してください。", "Give the player's name in `player`.")
    }

    var noWhitelistableLoan: String {
        text("ホワイトリストを管理できる貸出中のサーバーはありません（主催者かパネルユーザーの貸出のみ）。",
             "You have no active loan whose whitelist you keep (only loans you organize or are a panel user of).")
    }

    func whitelistNameTheLoan(_ ids: [Int]) -> String {
        let list = ids.map { "#\($0)" }.joined(separator: ", ")
        return text("貸出が複数あります（\(list)）。`id` オプションで指定してください。",
                    "You have several loans (\(list)): name one with the `id` option.")
    }

    func whitelistChanged(_ added: Bool, player: String, changed: Bool, loan: Int) -> String {
        switch (added, changed) {
        case (true, true): text("`\(player)` を貸出 #\(loan) のホワイトリストに追加しました。", "`\(player)` is on the whitelist of loan #\(loan) now.")
        case (true, false): text("`\(player)` はすでにホワイトリストにいます。", "`\(player)` was already on the whitelist.")
        case (false, true): text("`\(player)` を貸出 #\(loan) のホワイトリストから外しました。", "`\(player)` is off the whitelist of loan #\(loan) now.")
        case (false, false): text("`\(player)` はこのボットで追加されたホワイトリストにいません。", "`\(player)` is not on the whitelist the bot keeps.")
        }
    }

    func whitelistPlayers(_ players: [String], loan: Int) -> String {
        guard !players.isEmpty else {
            return text("貸出 #\(loan) のホワイトリスト（このボットで追加）: なし", "Whitelist of loan #\(loan) (added through the bot): nobody yet")
        }
        let names = players.map { "`\($0)`" }.joined(separator: ", ")
        return text("貸出 #\(loan) のホワイトリスト（このボットで追加、\(players.count) 人）: \(names)",
                    "Whitelist of loan #\(loan) (added through the bot, \(players.count)): \(names)")
    }
}
