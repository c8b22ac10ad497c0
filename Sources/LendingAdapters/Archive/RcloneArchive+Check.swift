import Subprocess

extension RcloneArchive {
    /// Lists the remote's top-level folders (`rclone lsd remote:`) within `queryTimeout`: proof
    /// that rclone knows the remote and can reach it with its credentials. Changes nothing.
    public func checkRemote() async throws {
        let name = remote.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map { "\($0):" } ?? remote
        let outcome = try await runRclone(["lsd", "--", name], timeout: queryTimeout, step: "lsd")
        guard outcome.status == .exited(0) else {
            throw outcome.failure("list \(name)", logger: logger)
        }
    }
}
