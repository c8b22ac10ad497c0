public import SystemPackage
import Glibc

/// The POSIX file calls that neither Foundation nor swift-system offers, for modules that keep
/// C out of their own sources (LendingAdapters, for the local-directory archive). Each call
/// retries on EINTR and throws the C `errno` as swift-system's `Errno`, so callers branch on
/// `.noSpace` or `.permissionDenied`.
///
/// Foundation's `FileManager.replaceItemAt` is not a substitute for `rename(_:to:)`: on this
/// Linux toolchain it was seen to move the original onto the new item before failing.
public enum FileSystemCalls {
    /// Renames `source` to `destination` in one step, replacing a file already there: a reader
    /// sees the old file or the new one, never a partial one. Both must be on one file system.
    /// Calls `rename(2)`.
    public static func rename(_ source: FilePath, to destination: FilePath) throws(Errno) {
        let failure = source.withPlatformString { from in
            destination.withPlatformString { to in
                attempt { Glibc.rename(from, to) }
            }
        }
        if let failure { throw failure }
    }

    /// Creates the directory `path`; succeeds when a directory is already there. Calls `mkdir(2)`.
    public static func makeDirectory(
        _ path: FilePath, permissions: FilePermissions = [.ownerReadWriteExecute, .groupReadExecute, .otherReadExecute]
    ) throws(Errno) {
        let failure = path.withPlatformString { name in
            attempt { mkdir(name, permissions.rawValue) }
        }
        guard let failure else { return }
        guard failure == .fileExists, try path.stat().type == .directory else { throw failure }
    }

    /// Writes the file's data and metadata through to the device. On a directory, this makes the
    /// names created or renamed in it durable. Calls `fsync(2)`.
    public static func synchronize(_ descriptor: FileDescriptor) throws(Errno) {
        if let failure = attempt({ fsync(descriptor.rawValue) }) { throw failure }
    }

    /// Runs `call` until it succeeds or fails with something other than EINTR.
    private static func attempt(_ call: () -> Int32) -> Errno? {
        while call() == -1 {
            let code = Errno(rawValue: errno)
            guard code == .interrupted else { return code }
        }
        return nil
    }
}
