import Foundation
import PackagePlugin

/// Records the checkout's commit for `lending-bot --version`, as a Swift file generated before
/// every build of the target that uses the plugin.
///
/// Why a prebuild command: it is the one place SwiftPM runs a tool on every `swift build`, with no
/// script to remember first; it runs git, already installed wherever the repository is, and needs no
/// network. Outside a git checkout (a source tarball, the Docker build, whose context leaves out
/// `.git`) or without git, the commit is recorded as unknown and the build goes on. The file is only
/// rewritten when the commit changes, so an unchanged checkout does not recompile the target.
@main
struct GitCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        return [
            .prebuildCommand(
                displayName: "Recording the git commit for --version",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", Self.script, "git-commit", context.package.directoryURL.path, output.path],
                outputFilesDirectory: output
            ),
        ]
    }

    /// `$1`: the package directory; `$2`: the output folder. A commit is taken only from a checkout
    /// whose top is the package itself, not from some repository the package was unpacked inside.
    static let script = #"""
        package=$1
        output=$2
        commit=
        top=$(git -C "$package" rev-parse --show-toplevel 2>/dev/null) \
          && [ "$(cd "$top" && pwd -P)" = "$(cd "$package" && pwd -P)" ] \
          && commit=$(git -C "$package" rev-parse --short HEAD 2>/dev/null)
        case $commit in
          ''|*[!0-9a-f]*) literal=nil ;;
          *) literal="\"$commit\"" ;;
        esac
        mkdir -p "$output"
        printf '%s\n' \
          '// Generated at build time by the GitCommit plugin (Plugins/GitCommit); not in the repository.' \
          '' \
          '/// The commit the executable was built from, or nil outside a git checkout.' \
          "let buildCommit: String? = $literal" > "$output/BuildCommit.swift.new"
        if cmp -s "$output/BuildCommit.swift.new" "$output/BuildCommit.swift"; then
          rm -f "$output/BuildCommit.swift.new"
        else
          mv -f "$output/BuildCommit.swift.new" "$output/BuildCommit.swift"
        fi
        """#
}
