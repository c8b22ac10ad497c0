import Foundation
public import Lending
import Logging
import Subprocess

extension RcloneArchive: LinkingArchiveDestination {
    /// `rclone link --expire <expiry> -- remote:path`: the remote's public link to a stored
    /// file. Many backends make one (Google Drive, Dropbox, OneDrive, S3 presigned URLs…); others
    /// refuse (local, SFTP), and some ignore the expiry. rclone says which in words only, on its
    /// standard error: "doesn't support public links" is told apart from any other failure, which
    /// is logged like every other rclone failure and never quoted to the moderator. The link
    /// itself is never logged.
    public func link(to destination: String, expiry: Duration) async -> ArchiveLink {
        let prefix = displayName + "/"
        guard destination.hasPrefix(prefix),
              let components = try? ArchiveRelativePath.components(of: String(destination.dropFirst(prefix.count))) else {
            return .none(reason: .notThisTarget)
        }
        let seconds = max(1, expiry.components.seconds)
        let outcome: RunOutcome
        do {
            outcome = try await runRclone(["link", "--expire", "\(seconds)s", "--", remotePath(components)], timeout: queryTimeout, step: "link")
        } catch {
            logger.warning("rclone link could not run", metadata: ["error": "\(error)"])
            return .none(reason: .failed)
        }
        guard outcome.status == .exited(0) else {
            if let line = Self.lastLine(of: outcome.errorTail), line.contains("doesn't support public links") {
                return .none(reason: .notSupported)
            }
            _ = outcome.failure("link \(destination)", logger: logger)
            return .none(reason: .failed)
        }
        let text = String(decoding: outcome.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = text.split(whereSeparator: \.isNewline).last.map(String.init), url.hasPrefix("https://") || url.hasPrefix("http://") else {
            logger.warning("rclone link printed no link", metadata: ["rclone.step": "link"])
            return .none(reason: .failed)
        }
        return .link(url)
    }
}
