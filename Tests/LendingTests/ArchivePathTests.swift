import Foundation
import Lending
import Testing

/// Text members and renters could type into a description, a display name or a backup name.
enum HostileText {
    /// U+FFFF and U+FDD0 are valid scalars but may not appear in a literal.
    static let noncharacters = String(String.UnicodeScalarView([0xFFFF, 0xFDD0].compactMap(Unicode.Scalar.init)))
    static let cases: [String] = [
        "", " ", "   ", "\t\n", "\u{3000}\u{3000}", ".", "..", "...", "....", ". .", "-", "--help", "-.-",
        "../", "../../etc/passwd", "/", "//", "/etc/passwd", "a/b/c", "..\\..\\windows", "\\\\server\\share", "a\\b",
        "nul\u{0}byte", "\u{0}", "\u{1}\u{2}\u{1B}[31mred", "\u{7F}", "c1\u{80}\u{85}\u{9B}\u{9F}", "line\nbreak\r\nagain",
        "<>:\"|?*", "what?", "a:b", "a*b|c", "\u{202E}gpj.exe", "\u{200E}\u{200F}\u{2066}x\u{2069}", "\u{FEFF}bom", noncharacters,
        "CON", "con", "NUL.txt", "com1", "LPT9.tar.gz", "AUX.", "CONOUT$",
        String(repeating: "a", count: 500), String(repeating: "あ", count: 500), String(repeating: "👨‍👩‍👧‍👦", count: 100),
        String(repeating: "🇯🇵", count: 100), String(repeating: "🏴󠁧󠁢󠁥󠁮󠁧󠁿", count: 30), String(repeating: "e\u{301}", count: 200),
        String(repeating: "../", count: 200), String(repeating: " ", count: 500), String(repeating: ".", count: 500),
        "夏祭り用サーバー 🎆", "👩🏽‍💻 coding night", ".\u{301}hidden", "-\u{301}", "trailing dot.", " leading space",
    ]
}

@Suite("Archive names: every free-text part is sanitised")
struct ArchivePathSanitisingTests {
    @Test("a sanitised part is a safe, bounded, non-empty piece of a file name", arguments: HostileText.cases)
    func partIsSafe(_ text: String) {
        let part = ArchivePath.sanitize(text)
        expectSafeComponent(part, maxBytes: ArchivePath.maxPartBytes)
        #expect(part == ArchivePath.sanitize(text), "the same input gives the same output")
    }

    @Test("the bound holds for other limits too, and a cut never splits a character", arguments: [8, 9, 10, 25, 26, 30, 79, 80, 81])
    func boundIsRespected(_ maxBytes: Int) {
        for text in HostileText.cases {
            let part = ArchivePath.sanitize(text, maxBytes: maxBytes)
            expectSafeComponent(part, maxBytes: maxBytes)
            // Every character of the result is a whole character of the (normalised) input.
            let source = text.precomposedStringWithCanonicalMapping
            #expect(part == ArchivePath.placeholder || part.allSatisfy { character in
                character == "-" || character == "_" || source.contains(character)
            }, "\(part.debugDescription)")
        }
    }

    @Test(
        "sanitising keeps what people recognise and removes what is unsafe",
        arguments: [
            ("夏祭り 用 サーバー", "夏祭り-用-サーバー"),
            ("🇯🇵 flag 🎆", "🇯🇵-flag-🎆"),
            ("👨‍👩‍👧‍👦 family", "👨‍👩‍👧‍👦-family"),
            ("../../etc/passwd", "etc-passwd"),
            ("a/b\\c", "a-b-c"),
            ("  spaced   out  ", "spaced-out"),
            ("a - b", "a-b"),
            ("tab\tand\nnewline", "tab-and-newline"),
            ("nul\u{0}byte\u{7F}\u{9B}", "nulbyte"),
            ("\u{202E}gpj.exe", "gpj.exe"),
            ("what?", "what"),
            ("<b>\"bold\"</b>", "b-bold-b"),
            (".hidden", "hidden"),
            ("trailing dot.", "trailing-dot"),
            ("...", ArchivePath.placeholder),
            ("", ArchivePath.placeholder),
            ("\u{0}\u{1}", ArchivePath.placeholder),
            ("CON", "_CON"),
            ("nul.txt", "_nul.txt"),
            ("console", "console"),
            ("e\u{301}te\u{301}", "été"),
            ("under_score stays", "under_score-stays"),
            (".\u{301}hidden", "hidden"),
            ("-\u{301}", ArchivePath.placeholder),
        ]
    )
    func examples(_ input: String, _ expected: String) {
        #expect(ArchivePath.sanitize(input) == expected)
    }

    @Test("a long part is cut between characters: whole emoji sequences, flags and kana")
    func cutsOnCharacterBoundaries() {
        let family = "👨‍👩‍👧‍👦"  // 25 bytes, one character
        #expect(ArchivePath.sanitize(String(repeating: family, count: 4)) == String(repeating: family, count: 3))
        #expect(ArchivePath.sanitize(String(repeating: "🇯🇵", count: 30)) == String(repeating: "🇯🇵", count: 10))
        #expect(ArchivePath.sanitize(String(repeating: "あ", count: 500)) == String(repeating: "あ", count: 26))
        // A cut that ends on a dash drops the dash.
        #expect(ArchivePath.sanitize(String(repeating: "a", count: 79) + " b") == String(repeating: "a", count: 79))
        // A single character longer than the bound leaves nothing, hence the placeholder.
        #expect(ArchivePath.sanitize("a" + String(repeating: "\u{301}", count: 100)) == ArchivePath.placeholder)
    }
}

@Suite("Archive paths: folder and file names for a returned loan")
struct ArchivePathTests {
    let tokyo = TimeZone(identifier: "Asia/Tokyo")!
    /// 2026-02-28 15:30 UTC, which is 2026-03-01 00:30 in Tokyo.
    let start = Date(timeIntervalSince1970: 1_772_292_600)

    @Test("the folder holds the year, the workflow id, the start day in TIMEZONE and both names")
    func folder() {
        let path = ArchivePath(workflowId: 42, loanStart: start, description: "夏祭り 2026", organizer: "Kame/suta", timeZone: tokyo)
        #expect(path.folder == "2026/42_20260301_夏祭り-2026_Kame-suta")
        let utc = ArchivePath(workflowId: 42, loanStart: start, description: "x", organizer: "y", timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.folder == "2026/42_20260228_x_y")
    }

    @Test("the year folder follows the start day in TIMEZONE, not in UTC")
    func yearFollowsTimeZone() {
        let newYearInTokyo = Date(timeIntervalSince1970: 1_798_731_600)  // 2026-12-31 15:40 UTC
        let path = ArchivePath(workflowId: 7, loanStart: newYearInTokyo, description: "d", organizer: "o", timeZone: tokyo)
        #expect(path.folder == "2027/7_20270101_d_o")
    }

    @Test("a backup file is stamped with its creation time to the second and keeps a sanitised name")
    func backupFile() {
        let path = ArchivePath(workflowId: 42, loanStart: start, description: "d", organizer: "o", timeZone: tokyo)
        let created = start + 9 * 3600 + 5 * 60 + 7
        #expect(path.file(backupCreatedAt: created, backupName: "../../world 1") == "2026/42_20260301_d_o/20260301-093507_world-1.tar.gz")
        #expect(path.file(backupCreatedAt: created, backupName: "") == "2026/42_20260301_d_o/20260301-093507_untitled.tar.gz")
    }

    @Test("the return backup has its own label, and a renter's backup cannot take it")
    func returnBackup() {
        let path = ArchivePath(workflowId: 42, loanStart: start, description: "d", organizer: "o", timeZone: tokyo)
        let created = start + 3600
        #expect(path.returnBackupFile(createdAt: created) == "2026/42_20260301_d_o/20260301-013000_return-snapshot.tar.gz")
        #expect(path.file(backupCreatedAt: created, backupName: "Return Snapshot") == "2026/42_20260301_d_o/20260301-013000_panel-Return-Snapshot.tar.gz")
        #expect(path.file(backupCreatedAt: created, backupName: "return-snapshot") != path.returnBackupFile(createdAt: created))
    }

    @Test("hostile names never leave the loan's folder or break a component", arguments: HostileText.cases)
    func hostileNames(_ text: String) {
        let path = ArchivePath(workflowId: 1234, loanStart: start, description: text, organizer: text, timeZone: tokyo)
        let file = path.file(backupCreatedAt: start, backupName: text)
        let components = file.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        #expect(components.count == 3)
        #expect(components[0] == "2026")
        #expect(components[1].hasPrefix("1234_20260301_"))
        #expect(path.folder.contains("1234"))
        #expect(file.hasPrefix(path.folder + "/"))
        #expect(components[2].hasPrefix("20260301-003000_") && components[2].hasSuffix(".tar.gz"))
        for component in components {
            expectSafeComponent(component, maxBytes: 255)
        }
        let again = ArchivePath(workflowId: 1234, loanStart: start, description: text, organizer: text, timeZone: tokyo)
        #expect(again.file(backupCreatedAt: start, backupName: text) == file, "the same input gives the same path")
    }
}

/// What every component the archive writes must satisfy, on ext4, Drive and a Windows copy.
func expectSafeComponent(_ component: String, maxBytes: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let reserved: Set<Unicode.Scalar> = ["/", "\\", "<", ">", ":", "\"", "|", "?", "*"]
    #expect(!component.isEmpty, sourceLocation: sourceLocation)
    #expect(component != "." && component != "..", sourceLocation: sourceLocation)
    #expect(component.utf8.count <= maxBytes, "\(component.utf8.count) bytes", sourceLocation: sourceLocation)
    // Scalars, not characters: "." followed by a combining mark is not the character ".".
    let edges: Set<Unicode.Scalar> = [".", "-"]
    #expect(!edges.contains(component.unicodeScalars.first ?? "."), "\(component.debugDescription)", sourceLocation: sourceLocation)
    #expect(!edges.contains(component.unicodeScalars.last ?? "."), "\(component.debugDescription)", sourceLocation: sourceLocation)
    #expect(component.unicodeScalars.first?.properties.generalCategory != .nonspacingMark, sourceLocation: sourceLocation)
    for scalar in component.unicodeScalars {
        #expect(!reserved.contains(scalar), "\(component.debugDescription)", sourceLocation: sourceLocation)
        #expect(scalar.properties.generalCategory != .control, "\(component.debugDescription)", sourceLocation: sourceLocation)
        #expect(!scalar.properties.isWhitespace, "\(component.debugDescription)", sourceLocation: sourceLocation)
        #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value), sourceLocation: sourceLocation)
    }
    let base = component.split(separator: ".").first.map { String($0).uppercased() } ?? ""
    #expect(!["CON", "PRN", "AUX", "NUL", "COM1", "LPT1", "CONOUT$"].contains(base), sourceLocation: sourceLocation)
}
