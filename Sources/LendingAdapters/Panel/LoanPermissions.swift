/// What a borrower's panel users may do on a lent server.
public enum LoanPermissions {
    /// The sub-user permissions a loan grants unless the operator configures others.
    ///
    /// The panel's sub-user permissions, minus what lets a borrower undermine the
    /// archive or outlast the loan:
    /// - `backup.delete`: deletes backups, and the panel also gates lock toggling on it (docs/PANEL-API.md §3.3), so a
    ///   borrower could unlock and delete the backups the archive is made from. Without it the
    ///   panel ignores `is_locked` on a borrower's new backup too: locking is left to the bot.
    /// - `settings.reinstall`: runs the egg's install over the volume (it replaces the server jar
    ///   but keeps the world and every other file) and blocks the server's API until it ends.
    /// - `startup.update`, `startup.docker-image`: change what the server runs, which the reset
    ///   between loans does not undo.
    /// - `user.*`: would let a borrower add people the return does not know to revoke.
    /// - `allocation.*`, `database.*`: resources of the pool, not of one loan, and left behind.
    ///
    /// Kept: console and power, files (SFTP included), creating, reading, downloading and restoring
    /// backups, schedules, renaming, activity. `websocket.connect` is added by the panel anyway.
    public static let `default`: [String] = [
        "activity.read",
        "backup.create", "backup.download", "backup.read", "backup.restore",
        "control.console", "control.restart", "control.start", "control.stop",
        "file.archive", "file.create", "file.delete", "file.read", "file.read-content", "file.sftp", "file.update",
        "schedule.create", "schedule.delete", "schedule.read", "schedule.update",
        "settings.rename",
        "startup.read",
        "websocket.connect",
    ]
}
