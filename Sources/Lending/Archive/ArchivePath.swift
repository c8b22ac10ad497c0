public import Foundation

/// Where a returned loan's backups go under `ARCHIVE_TARGET`, as paths relative to it:
///
///     {yyyy}/{id}_{yyyyMMdd}_{description}_{organizer}/{yyyyMMdd-HHmmss}_{backup name}.tar.gz
///
/// The folder starts with the workflow id, so two loans never share one, and its year and date
/// come from the loan's start in the configured time zone. A file's stamp is its backup's
/// creation time in that zone, to the second, so two backups made in the same minute under the
/// same name do not overwrite each other. Every free-text part (the description, the organizer's
/// display name, the backup's panel name) is typed by members or renters and goes through
/// `sanitize(_:maxBytes:)` first, so no input can leave the folder or make an unusable name.
public struct ArchivePath: Sendable, Hashable {
    /// The bound for each free-text part. Three of them and the fixed parts stay well below the
    /// 255 bytes that ext4 and most other file systems allow in one path component.
    public static let maxPartBytes = 80
    /// What an empty part becomes, so that no component is empty or starts with `_`.
    public static let placeholder = "untitled"
    /// The label of the backup the bot itself makes when a loan is returned. A renter's backup
    /// whose name sanitises to the same label gets `panel-` in front, so the two never collide.
    public static let returnBackupLabel = "return-snapshot"
    public static let fileExtension = ".tar.gz"

    public let workflowId: Int
    /// `{yyyy}/{id}_{yyyyMMdd}_{description}_{organizer}`: two components, no leading or trailing `/`.
    public let folder: String
    private let timeZone: TimeZone

    /// - Parameters:
    ///   - loanStart: the loan's start (or approval) date; its year and day name the folder.
    ///   - description: the request's purpose as the member typed it.
    ///   - organizer: the organizer's display name.
    ///   - timeZone: `TIMEZONE`, for the dates people read in the names.
    public init(workflowId: Int, loanStart: Date, description: String, organizer: String, timeZone: TimeZone) {
        precondition(workflowId >= 0, "workflow ids are positive")
        self.workflowId = workflowId
        self.timeZone = timeZone
        let start = Stamp(loanStart, in: timeZone)
        let name = "\(workflowId)_\(start.day)_\(Self.sanitize(description))_\(Self.sanitize(organizer))"
        folder = "\(start.year)/\(name)"
    }

    /// The path of the archived copy of a backup the renter made and locked on the panel.
    /// - Parameter backupName: the backup's panel name, chosen by the renter and never trusted.
    public func file(backupCreatedAt createdAt: Date, backupName: String) -> String {
        var label = Self.sanitize(backupName)
        if label.lowercased() == Self.returnBackupLabel {
            label = "panel-\(label)"
        }
        return path(createdAt: createdAt, label: label)
    }

    /// The path of the archived copy of the backup the bot makes when the loan is returned.
    public func returnBackupFile(createdAt: Date) -> String {
        path(createdAt: createdAt, label: Self.returnBackupLabel)
    }

    private func path(createdAt: Date, label: String) -> String {
        let stamp = Stamp(createdAt, in: timeZone)
        return "\(folder)/\(stamp.day)-\(stamp.time)_\(label)\(Self.fileExtension)"
    }
}

extension ArchivePath {
    /// Makes one free-text part safe as a piece of a file name on ext4, Google Drive and the
    /// other rclone backends, keeping what people recognise (Japanese, emoji, flags, ZWJ
    /// sequences). The same input always gives the same output. In order:
    ///
    /// 1. The text is put in Unicode NFC, so the same name typed on two systems is stored once.
    /// 2. Whitespace of any kind (spaces, tabs, line breaks, U+3000) and the characters that are
    ///    separators or reserved somewhere, `/ \ < > : " | ? *`, become `-`.
    /// 3. Control characters (C0 including NUL, DEL, C1), bidirectional overrides and marks
    ///    (which can make a name read backwards), the byte-order mark and Unicode noncharacters
    ///    are removed. The zero-width joiner stays: emoji sequences need it.
    /// 4. Runs of `-` become one `-`.
    /// 5. Leading and trailing dots and dashes are removed, and so are combining marks at the
    ///    start. A part can therefore never be `.` or `..`, never hide itself as a dot file and
    ///    never look like a command-line option.
    /// 6. The part is cut to at most `maxBytes` bytes of UTF-8, only between characters (grapheme
    ///    clusters), so a flag or a family emoji is kept whole or dropped whole, then step 5
    ///    runs again.
    /// 7. A name Windows reserves for devices (`CON`, `NUL`, `COM1`, `LPT1`, …, also before a
    ///    dot) gets `_` in front, so an archive copied to a Windows machine still opens.
    /// 8. What is left empty becomes `placeholder`.
    ///
    /// - Parameter maxBytes: at least the length of `placeholder` (8).
    public static func sanitize(_ text: String, maxBytes: Int = maxPartBytes) -> String {
        precondition(maxBytes >= placeholder.utf8.count, "maxBytes must leave room for the placeholder")
        var kept = String.UnicodeScalarView()
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            let replacement: Unicode.Scalar
            if scalar.properties.isWhitespace || reservedScalars.contains(scalar) {
                replacement = "-"
            } else if isRemoved(scalar) {
                continue
            } else {
                replacement = scalar
            }
            if replacement == "-", kept.last == "-" { continue }
            kept.append(replacement)
        }
        var part = trimmed(String(kept))
        part = trimmed(prefix(of: part, maxBytes: maxBytes))
        if isWindowsDeviceName(part) {
            part = trimmed(prefix(of: "_" + part, maxBytes: maxBytes))
        }
        return part.isEmpty ? placeholder : part
    }

    /// Separators and the characters Windows, SMB shares and some rclone backends refuse.
    private static let reservedScalars: Set<Unicode.Scalar> = ["/", "\\", "<", ">", ":", "\"", "|", "?", "*"]

    /// Bidirectional formatting characters: a name with U+202E can display `exe.gpj` as `jpg.exe`.
    private static let bidirectionalControls: Set<UInt32> = [
        0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    private static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
            || bidirectionalControls.contains(scalar.value)
            || scalar.value == 0xFEFF
            || scalar.properties.isNoncharacterCodePoint
    }

    /// Trims scalars rather than characters: `.` followed by a combining mark is one character
    /// that is not `.`, yet the name would still start with a dot. Combining marks left at the
    /// start, with nothing to combine with, go too.
    private static func trimmed(_ text: String) -> String {
        let strip: Set<Unicode.Scalar> = [".", "-"]
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !strip.contains($0) && !isCombiningMark($0) }),
            let last = scalars.lastIndex(where: { !strip.contains($0) })
        else { return "" }
        return first <= last ? String(scalars[first...last]) : ""
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// The longest run of whole characters from the start whose UTF-8 fits in `maxBytes`. Of
    /// package access because the rclone archive cuts the error line it logs the same way.
    package static func prefix(of text: String, maxBytes: Int) -> String {
        var bytes = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            guard bytes + size <= maxBytes else { break }
            bytes += size
            end = text.index(after: index)
        }
        return String(text[..<end])
    }

    private static let windowsDeviceNames: Set<String> = {
        var names: Set<String> = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
        for digit in 0...9 {
            names.insert("COM\(digit)")
            names.insert("LPT\(digit)")
        }
        return names
    }()

    private static func isWindowsDeviceName(_ part: String) -> Bool {
        let base = part.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return windowsDeviceNames.contains(base.uppercased())
    }
}

/// A date's calendar fields in one time zone, spelled for names. Gregorian and zero-padded by
/// hand, so neither the locale nor the user's calendar settings can change a path.
private struct Stamp {
    let year: String
    /// `yyyyMMdd`
    let day: String
    /// `HHmmss`
    let time: String

    init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let fields = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func padded(_ value: Int?, _ width: Int) -> String {
            let digits = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        year = padded(fields.year, 4)
        day = year + padded(fields.month, 2) + padded(fields.day, 2)
        time = padded(fields.hour, 2) + padded(fields.minute, 2) + padded(fields.second, 2)
    }
}
