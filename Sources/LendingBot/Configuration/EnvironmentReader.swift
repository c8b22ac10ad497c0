import Foundation
import Secrets

/// Reads typed values out of environment variables, collecting a problem for each bad one instead of
/// stopping at the first. An empty value counts as unset. Whether a variable is required comes
/// from its entry in `BotConfiguration.variables`, so the table and the reading cannot disagree.
struct EnvironmentReader {
    private let environment: [String: String]
    private let purpose: BotConfiguration.Purpose
    private(set) var problems = BotConfiguration.Problems()
    /// Every variable asked for, in the order asked: each typed reader goes through `text`.
    private(set) var namesRead: [String] = []
    /// Every prefix passed on, as `PREFIX*`.
    private(set) var prefixesRead: [String] = []

    init(_ environment: [String: String], purpose: BotConfiguration.Purpose) {
        self.environment = environment
        self.purpose = purpose
    }

    /// Every variable whose name starts with `prefix` (rclone's own settings, say), as given: the
    /// bot passes them on without reading them.
    mutating func passthrough(prefix: String) -> [String: String] {
        if !prefixesRead.contains(prefix + "*") { prefixesRead.append(prefix + "*") }
        return environment.filter { $0.key.hasPrefix(prefix) }
    }

    private mutating func invalid(_ name: String, _ expectation: String) {
        problems.invalid.append("\(name): \(expectation)")
    }

    /// The trimmed value, or nil when unset or empty (recording it as missing if it is required).
    mutating func text(_ name: String) -> String? {
        if !namesRead.contains(name) { namesRead.append(name) }
        // A name missing from the table is a programming error the configuration tests catch.
        assert(BotConfiguration.variable(named: name) != nil, "\(name) is not in BotConfiguration.variables")
        let value = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if value.isEmpty {
            if let reason = BotConfiguration.variable(named: name)?.requiredReason(for: purpose) {
                problems.missing.append("\(name): required for \(reason)")
            }
            return nil
        }
        return value
    }

    mutating func secret(_ name: String) -> Secret? {
        text(name).map(Secret.init)
    }

    /// A Discord snowflake: 17 to 20 decimal digits.
    mutating func snowflake(_ name: String) -> String? {
        guard let value = text(name) else { return nil }
        guard Self.isSnowflake(value) else {
            invalid(name, "expected a Discord id (17 to 20 digits)")
            return nil
        }
        return value
    }

    mutating func snowflakes(_ name: String) -> [String] {
        guard let value = text(name) else { return [] }
        let items = Self.list(value)
        guard items.allSatisfy(Self.isSnowflake) else {
            invalid(name, "expected a comma-separated list of Discord ids (17 to 20 digits each)")
            return []
        }
        return items
    }

    mutating func url(_ name: String, schemes: Set<String>) -> URL? {
        guard let value = text(name) else { return nil }
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), schemes.contains(scheme), url.host?.isEmpty == false else {
            invalid(name, "expected an absolute URL starting with \(schemes.sorted().map { "\($0)://" }.joined(separator: " or "))")
            return nil
        }
        return url
    }

    /// A JSON object of header names to string values.
    mutating func headers(_ name: String) -> [String: Secret] {
        guard let value = text(name) else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any],
              let strings = object as? [String: String] else {
            invalid(name, "expected a JSON object whose values are strings, e.g. {\"X-Access-Token\": \"…\"}")
            return [:]
        }
        guard strings.keys.allSatisfy(Self.isHeaderName), strings.values.allSatisfy(Self.isHeaderValue) else {
            invalid(name, "header names must be letters, digits and dashes, and values must be single-line")
            return [:]
        }
        return strings.mapValues(Secret.init)
    }

    mutating func domain(_ name: String) -> String? {
        guard let value = text(name) else { return nil }
        guard Self.isDomain(value) else {
            invalid(name, "expected a domain name such as example.org")
            return nil
        }
        return value.lowercased()
    }

    mutating func emails(_ name: String) -> [String] {
        guard let value = text(name) else { return [] }
        let items = Self.list(value)
        guard items.allSatisfy(Self.isEmail) else {
            invalid(name, "expected a comma-separated list of email addresses")
            return []
        }
        return items.map { $0.lowercased() }
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = text(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            invalid(name, "expected a whole number in \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return number
    }

    mutating func integers(_ name: String, in range: ClosedRange<Int>) -> [Int]? {
        guard let value = text(name) else { return nil }
        let numbers = Self.list(value).compactMap(Int.init)
        guard numbers.count == Self.list(value).count, !numbers.isEmpty, numbers.allSatisfy(range.contains), Set(numbers).count == numbers.count else {
            invalid(name, "expected distinct whole numbers in \(range.lowerBound)...\(range.upperBound), separated by commas")
            return nil
        }
        return numbers.sorted(by: >)
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ name: String, of type: Choice.Type) -> Choice? where Choice.RawValue == String {
        guard let value = text(name) else { return nil }
        guard let choice = Choice(rawValue: value.lowercased()) else {
            invalid(name, "expected one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        return choice
    }

    /// `true`/`false` (also `1`/`0`, `yes`/`no`, `on`/`off`).
    mutating func boolean(_ name: String) -> Bool? {
        guard let value = text(name) else { return nil }
        switch value.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default:
            invalid(name, "expected true or false")
            return nil
        }
    }

    /// A startup variable's name as eggs write them: capitals, digits and `_`, not starting with a digit.
    mutating func variableName(_ name: String) -> String? {
        guard let value = text(name) else { return nil }
        guard (1...191).contains(value.count), value.first.map({ !$0.isNumber }) ?? false,
              value.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }) else {
            invalid(name, "expected an egg variable name such as MINECRAFT_VERSION (capitals, digits and _)")
            return nil
        }
        return value
    }

    /// A local directory, or an rclone remote as `remote:path`.
    mutating func archiveTarget(_ name: String) -> BotConfiguration.ArchiveTarget {
        guard let value = text(name) else { return .none }
        if value.hasPrefix("/") || value.hasPrefix(".") {
            return .localDirectory(value)
        }
        if let colon = value.firstIndex(of: ":") {
            let remote = String(value[..<colon])
            if !remote.isEmpty, remote.allSatisfy({ $0.isLetter || $0.isNumber || "_-. ".contains($0) }) {
                return .rclone(remote: remote, path: String(value[value.index(after: colon)...]))
            }
        }
        invalid(name, "expected an absolute or ./relative directory, or an rclone remote as remote:path")
        return .none
    }

    mutating func timeZone(_ name: String) -> TimeZone? {
        guard let value = text(name) else { return nil }
        guard let zone = TimeZone(identifier: value) else {
            invalid(name, "expected an IANA time zone such as Asia/Tokyo")
            return nil
        }
        return zone
    }

    mutating func readableFile(_ name: String) -> String? {
        guard let value = text(name) else { return nil }
        guard FileManager.default.isReadableFile(atPath: value) else {
            invalid(name, "the file does not exist or cannot be read")
            return nil
        }
        return value
    }

    mutating func hostAndPort(_ name: String) -> BotConfiguration.HostAndPort? {
        guard let value = text(name) else { return nil }
        guard let colon = value.lastIndex(of: ":"), let port = Int(value[value.index(after: colon)...]), (1...65_535).contains(port) else {
            invalid(name, "expected host:port, e.g. 127.0.0.1:9090")
            return nil
        }
        let host = String(value[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        // An empty host stays empty: the health server binds it to the loopback (README.md,
        // Configuration), since every interface is only for whoever asks with 0.0.0.0.
        return BotConfiguration.HostAndPort(host: host, port: port)
    }

    private static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func isSnowflake(_ value: String) -> Bool {
        (17...20).contains(value.count) && value.allSatisfy(\.isASCIIDigit) && UInt64(value) != nil
    }

    private static func isDomain(_ value: String) -> Bool {
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && value.count <= 253 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    private static func isEmail(_ value: String) -> Bool {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[0].contains(where: \.isWhitespace) && isDomain(String(parts[1]))
    }

    private static func isHeaderName(_ value: String) -> Bool {
        !value.isEmpty && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    private static func isHeaderValue(_ value: String) -> Bool {
        !value.contains { $0 == "\r" || $0 == "\n" }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
