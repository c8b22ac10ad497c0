/// What `lending-bot --version` prints: the release, and the commit when built from a git checkout.
enum BuildInfo {
    /// This release's number, the only place it is written; raise it when a release is cut.
    static let release = "0.1.0"

    /// `buildCommit` is generated at build time by the GitCommit plugin (Plugins/GitCommit).
    static let commit: String? = buildCommit

    /// `lending-bot 0.1.0 (commit abc1234)`, or `(commit unknown)` when built without git.
    static var versionLine: String {
        "lending-bot \(release) (commit \(commit ?? "unknown"))"
    }
}
