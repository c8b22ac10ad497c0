import Foundation

/// Where a callgrind profile's instructions were executed, by the library (or executable) that
/// holds the code, in groups: the bot's own code, Swift's standard library and runtime, libc,
/// libcurl with TLS, libpq, zlib. It shows how much of a count is spent in the C libraries and
/// runtimes rather than in the bot's own code.
///
/// Read from the dump itself: each cost line belongs to the object named by the last `ob=` line,
/// and the line after a `calls=` line is the cost of a call (counted where the callee is), not
/// the caller's own. `callgrind_annotate` is no help here: it lists the threads' entry functions
/// with the whole cost of calls that were under way when the counters were zeroed.
enum InstructionsByLibrary {
    static func shares(of profile: String) -> [(group: String, share: Double)] {
        guard let text = try? String(contentsOfFile: profile, encoding: .utf8) else { return [] }
        var names: [Substring: Substring] = [:]
        var object: Substring = "?"
        var isCallCost = false
        var totals: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            if line.hasPrefix("ob=") || line.hasPrefix("cob=") {
                // `ob=(3) /path/libz.so.1` names object 3 the first time; later lines say `ob=(3)`.
                let value = line.drop { $0 != "=" }.dropFirst()
                let id = value.prefix { $0 != " " }
                let name = value.dropFirst(id.count).drop { $0 == " " }
                if !name.isEmpty { names[id] = name }
                if line.hasPrefix("ob=") { object = names[id] ?? id }
            } else if line.hasPrefix("calls=") {
                isCallCost = true
            } else if let first = line.first, first.isNumber || first == "+" || first == "-" || first == "*" {
                defer { isCallCost = false }
                guard !isCallCost, let cost = line.split(separator: " ").last.flatMap({ Double($0) }) else { continue }
                totals[group(of: String(object.split(separator: "/").last ?? object)), default: 0] += cost
            }
        }
        let sum = totals.values.reduce(0, +)
        guard sum > 0 else { return [] }
        return totals.map { ($0.key, $0.value / sum) }.sorted { $0.share > $1.share }
    }

    static func group(of object: String) -> String {
        let prefixes: [(String, [String])] = [
            ("Swift standard library and runtime", ["libswift", "libdispatch", "libBlocksRuntime"]),
            ("Foundation", ["libFoundation", "lib_FoundationICU"]),
            ("libcurl and TLS", ["libcurl", "libssl", "libcrypto", "libnghttp2", "libidn2", "libpsl", "libbrotli", "libzstd"]),
            ("libpq", ["libpq"]),
            ("zlib", ["libz."]),
            ("libc", ["libc.", "libc-", "ld-linux", "libm.", "libpthread"]),
            ("CPython", ["python", "libpython"]),
        ]
        for (group, names) in prefixes where names.contains(where: { object.hasPrefix($0) }) { return group }
        if object.hasPrefix("lendingbot") || object.hasPrefix("lending-bot") { return "lending-bot's own code" }
        return "other libraries"
    }
}
