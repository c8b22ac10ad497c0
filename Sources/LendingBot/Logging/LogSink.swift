import Glibc
import Synchronization

/// Where finished log lines go: standard error in the bot, a buffer in the tests.
public struct LogSink: Sendable {
    private let writeLine: @Sendable (String) -> Void

    public init(_ writeLine: @escaping @Sendable (String) -> Void) {
        self.writeLine = writeLine
    }

    /// Writes one line, newline included.
    public func write(_ line: String) {
        writeLine(line)
    }

    /// Standard error, one `write` per line under a lock, so lines from different threads never
    /// interleave.
    public static let standardError = LogSink { line in
        standardErrorLock.withLock { _ in
            let bytes = Array(line.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { buffer -> Int in
                    guard let base = buffer.baseAddress else { return 0 }
                    return Glibc.write(STDERR_FILENO, base + offset, buffer.count - offset)
                }
                if written < 0, errno == EINTR { continue }
                // A closed or broken stderr: the line is lost, as any write to it would be.
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

private let standardErrorLock = Mutex(())
