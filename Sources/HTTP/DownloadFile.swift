import Glibc

/// The file a download streams into: `<path>.partial` while bytes arrive, renamed to `path` by
/// `commit()` once the response is complete.
///
/// This is the module's only POSIX file I/O. Each call retries on `EINTR`; any other failure is
/// returned as an `HTTPError` of kind `fileIO` naming the `errno` text, never the bytes. Owned by one
/// transfer on the loop thread.
final class DownloadFile {
    let path: String
    private let partialPath: String
    private var descriptor: Int32

    /// Opens (creating or truncating) `<path>.partial` with mode 0600: backups hold user data.
    /// Calls `open(2)`.
    init(path: String, operation: String) throws(HTTPError) {
        self.path = path
        partialPath = path + ".partial"
        var fd: Int32
        repeat {
            fd = open(partialPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw Self.failure("cannot create the download file", operation: operation) }
        descriptor = fd
    }

    deinit {
        discard()
    }

    /// Writes all of `bytes`, looping over short writes. Calls `write(2)`.
    func write(_ bytes: UnsafeRawBufferPointer, operation: String) throws(HTTPError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc.write(descriptor, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot write the download file", operation: operation)
            }
            remaining -= written
            base += written
        }
    }

    /// Closes the file and renames it into place. Calls `close(2)` and `rename(2)`; on failure the
    /// partial file is removed.
    func commit(operation: String) throws(HTTPError) {
        let fd = descriptor
        descriptor = -1
        if Glibc.close(fd) != 0 && errno != EINTR {
            let error = Self.failure("cannot close the download file", operation: operation)
            unlink(partialPath)
            throw error
        }
        guard rename(partialPath, path) == 0 else {
            let error = Self.failure("cannot move the download file into place", operation: operation)
            unlink(partialPath)
            throw error
        }
    }

    /// Closes and removes the partial file, if still open. Calls `close(2)` and `unlink(2)`.
    func discard() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
        unlink(partialPath)
    }

    private static func failure(_ message: String, operation: String) -> HTTPError {
        let reason = String(cString: strerror(errno))
        return HTTPError(.fileIO, operation: operation, message: "\(message): \(reason)")
    }
}
