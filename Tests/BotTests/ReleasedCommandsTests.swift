import Discord
import Foundation
import LendingBot
import Testing
import TestSupport

/// The slash commands as this release registers them, against the JSON of the release that
/// pinned them (`Tests/Fixtures/released-command-definitions.json`): moving a definition beside its
/// handler, or any refactoring of how they are built, must not change what Discord is sent, or every
/// guild would get a bulk overwrite (and its clients a reload) at the next start.
@Suite("Released commands")
struct ReleasedCommandsTests {
    static let fixture = "Tests/Fixtures/released-command-definitions.json"

    /// Sorted keys and pretty printing, so the fixture reads and diffs line by line.
    static func encoded(_ commands: [ApplicationCommand]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(commands), as: UTF8.self) + "\n"
    }

    @Test("the registered definitions encode to exactly the released JSON")
    func unchanged() throws {
        let released = try String(contentsOfFile: PackageRoot.path(Self.fixture), encoding: .utf8)
        let current = try Self.encoded(CommandDefinitions.all)
        let releasedLines = released.split(separator: "\n", omittingEmptySubsequences: false)
        let currentLines = current.split(separator: "\n", omittingEmptySubsequences: false)
        // The first differing line, so a failure says where rather than printing 16 KB twice.
        let first = zip(releasedLines, currentLines).enumerated().first { $0.element.0 != $0.element.1 }
        let line = (first?.offset ?? min(releasedLines.count, currentLines.count)) + 1
        let difference = "line \(line): released \(first.map { String($0.element.0) } ?? "-"), now \(first.map { String($0.element.1) } ?? "-")"
        #expect(current == released, "differs from \(Self.fixture) at \(difference)")
    }
}
