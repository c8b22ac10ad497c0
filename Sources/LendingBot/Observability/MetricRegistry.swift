import Foundation

/// One metric's name, type and help line.
struct MetricFamily: Sendable, Hashable {
    enum Kind: String, Sendable {
        case counter, histogram
    }

    let name: String
    let type: Kind
    let help: String
}

/// Counters and histograms by series, and their rendering as Prometheus text (version 0.0.4).
/// A value type: `BotMetrics` keeps it behind a lock.
struct MetricRegistry: Sendable {
    struct SeriesKey: Sendable, Hashable {
        let name: String
        /// Sorted by label name, so that one series has one key.
        let labels: [Label]

        struct Label: Sendable, Hashable {
            let name: String
            let value: String
        }

        init(name: String, labels: [String: String]) {
            self.name = name
            self.labels = labels.sorted { $0.key < $1.key }.map { Label(name: $0.key, value: $0.value) }
        }
    }

    struct Histogram: Sendable {
        /// Per bucket, how many observations were at most its bound (cumulative).
        var counts: [UInt64]
        var sum = 0.0
        var count: UInt64 = 0
    }

    let families: [MetricFamily]
    let buckets: [Double]
    var counters: [SeriesKey: Double] = [:]
    var histograms: [String: Histogram] = [:]

    init(families: [MetricFamily], buckets: [Double]) {
        self.families = families
        self.buckets = buckets
    }

    mutating func increment(_ family: MetricFamily, _ labels: [String: String], by amount: Double = 1) {
        counters[SeriesKey(name: family.name, labels: labels), default: 0] += amount
    }

    mutating func observe(_ family: MetricFamily, _ value: Double) {
        var histogram = histograms[family.name] ?? Histogram(counts: Array(repeating: 0, count: buckets.count))
        for (index, bound) in buckets.enumerated() where value <= bound {
            histogram.counts[index] += 1
        }
        histogram.sum += value
        histogram.count += 1
        histograms[family.name] = histogram
    }

    func render() -> String {
        var text = ""
        for family in families {
            text += "# HELP \(family.name) \(Self.escapeHelp(family.help))\n"
            text += "# TYPE \(family.name) \(family.type.rawValue)\n"
            switch family.type {
            case .counter:
                let series = counters.filter { $0.key.name == family.name }.sorted { Self.labelText($0.key.labels) < Self.labelText($1.key.labels) }
                for (key, value) in series {
                    text += "\(family.name)\(Self.labelText(key.labels)) \(Self.number(value))\n"
                }
            case .histogram:
                let histogram = histograms[family.name] ?? Histogram(counts: Array(repeating: 0, count: buckets.count))
                for (bound, count) in zip(buckets, histogram.counts) {
                    text += "\(family.name)_bucket{le=\"\(Self.number(bound))\"} \(count)\n"
                }
                text += "\(family.name)_bucket{le=\"+Inf\"} \(histogram.count)\n"
                text += "\(family.name)_sum \(Self.number(histogram.sum))\n"
                text += "\(family.name)_count \(histogram.count)\n"
            }
        }
        return text
    }

    static func labelText(_ labels: [SeriesKey.Label]) -> String {
        guard !labels.isEmpty else { return "" }
        return "{" + labels.map { "\($0.name)=\"\(escapeLabel($0.value))\"" }.joined(separator: ",") + "}"
    }

    /// Integers without a fraction, the rest as Swift prints doubles (which Prometheus reads).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func escapeHelp(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func escapeLabel(_ text: String) -> String {
        escapeHelp(text).replacingOccurrences(of: "\"", with: "\\\"")
    }
}
