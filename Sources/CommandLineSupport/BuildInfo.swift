/// What `lending-bot --version` and `lending-sandbox --version` print: the release, and the commit
/// when built from a git checkout.
public enum BuildInfo {
    /// This release's number, the only place it is written; raise it when a release is cut.
    public static let release = "0.1.0"

    /// `buildCommit` is generated at build time by the GitCommit plugin (Plugins/GitCommit).
    public static let commit: String? = buildCommit

    /// `lending-bot 0.1.0 (commit abc1234)`, or `(commit unknown)` when built without git.
    public static func versionLine(of program: String) -> String {
        "\(program) \(release) (commit \(commit ?? "unknown"))"
    }
}
