import Discord
import Foundation
import Lending

/// Short, safe renderings of a loan for places with tight limits: select options, autocomplete
/// choices (100 characters each) and lines in a list.
///
/// Cutting to a limit is `Limits.cut` (counted in Unicode scalars, as Discord counts).
enum LoanText {
    /// A purpose on one line: line breaks and tabs become spaces, runs of spaces collapse.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" || $0 == " " }).joined(separator: " ")
    }

    /// Text a member typed, shown in Markdown without changing its look: the characters that
    /// would format, quote or hide it are escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\*_~`|>#[]()<@:".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Member text inside a sentence or a title the bot writes: one line, escaped.
    static func memberText(_ text: String) -> String {
        escaped(oneLine(text))
    }

    /// `#12 Summer build contest`, within 100 scalars: an autocomplete choice or a select label.
    static func choiceName(_ workflow: WorkflowRecord) -> String {
        Limits.cut("#\(workflow.id) \(oneLine(workflow.description))", Limit.choiceName.value)
    }

    /// Whether a loan matches what someone typed: its id, or a part of its purpose (ignoring case).
    static func matches(_ workflow: WorkflowRecord, typed: String) -> Bool {
        let needle = typed.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#")).lowercased()
        guard !needle.isEmpty else { return true }
        return String(workflow.id).contains(needle) || workflow.description.lowercased().contains(needle)
    }

    /// An end date as milliseconds since 1970, the form a custom_id carries.
    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(millis: String) -> Date? {
        Int64(millis).map { date(millis: $0) }
    }

    static func date(millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}

extension ApplicationCommandData {
    /// What the user has typed so far in the focused option of an autocomplete, as text.
    var typedText: String {
        switch focusedOption?.value {
        case .string(let text)?, .partial(let text)?: text
        case .integer(let number)?: String(number)
        case .number(let number)?: String(number)
        default: ""
        }
    }

    /// An integer option that names a request; nil when it is absent. A number no request can
    /// have (zero, negative, beyond the id column) is refused as a request that does not exist.
    func workflowId(_ name: String) throws -> Int? {
        guard let value = integer(name) else { return nil }
        guard (1...Int64(Int32.max)).contains(value) else { throw LendingError.workflowNotFound(id: Int(clamping: value)) }
        return Int(value)
    }
}
