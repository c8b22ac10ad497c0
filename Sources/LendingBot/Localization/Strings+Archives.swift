import Foundation
import Lending

/// Texts of `/mcserver-admin archive`.
extension Strings {
    func noArchives(loan: Int?) -> String {
        loan.map { text("貸出 #\($0) のアーカイブはありません。", "Loan #\($0) has no archived backups.") }
            ?? text("アーカイブはまだありません。", "No backup has been archived yet.")
    }

    func archiveListTitle(loan: Int?) -> String {
        loan.map { text("**貸出 #\($0) のアーカイブ**（新しい順）", "**Archives of loan #\($0)** (newest first)") }
            ?? text("**アーカイブ**（新しい順）", "**Archives** (newest first)")
    }

    /// `#row` · loan · size · when: what a moderator needs to pick one for `archive get`.
    func archiveLine(_ archive: ArchiveRecord) -> String {
        text("`#\(archive.id)` 貸出 #\(archive.workflowId) · \(ByteCount.text(archive.bytes)) · \(date(archive.createdAt))",
             "`#\(archive.id)` loan #\(archive.workflowId) · \(ByteCount.text(archive.bytes)) · \(date(archive.createdAt))")
    }

    func andMore(_ count: Int) -> String {
        text("…ほか \(count) 件", "…and \(count) more")
    }

    func archiveNotFound(_ id: Int) -> String {
        text("アーカイブ #\(id) はありません。", "There is no archive #\(id).")
    }

    func archiveWhere(_ archive: ArchiveRecord) -> String {
        text("アーカイブ `#\(archive.id)`（貸出 #\(archive.workflowId)、\(ByteCount.text(archive.bytes))、バックアップ `\(archive.backupUuid)`）の場所:\n`\(archive.destination)`",
             "Archive `#\(archive.id)` (loan #\(archive.workflowId), \(ByteCount.text(archive.bytes)), backup `\(archive.backupUuid)`) is at:\n`\(archive.destination)`")
    }
}
