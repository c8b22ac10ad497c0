public import Foundation
public import Logging

/// The bot's one `LogHandler`: a line per event on a `LogSink`, as text or as one JSON object
/// (`LOG_FORMAT`), with the time in UTC to the millisecond.
///
/// Metadata is merged the way swift-log's own handlers merge it: the metadata provider's values,
/// then the logger's, then the call's own, each winning over the one before. The fields a line
/// is made of (`timestamp`, `level`, `label`, `message`) are never overwritten by metadata: a
/// colliding key is kept as `metadata.KEY`. Secrets stay redacted because `Secret` prints a marker
/// in every textual form, and the handler only ever reads a value's description.
public struct LogLineHandler: LogHandler {
    public enum Format: Sendable, Equatable {
        case text
        case json
    }

    public let label: String
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    let format: Format
    /// Whether text lines start with the sd-daemon priority (`<6>`), for journald.
    let journalPriorities: Bool
    let sink: LogSink
    let now: @Sendable () -> Date

    public init(label: String, format: Format, journalPriorities: Bool = false, sink: LogSink = .standardError,
                metadataProvider: Logger.MetadataProvider? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.label = label
        self.format = format
        self.journalPriorities = journalPriorities
        self.sink = sink
        self.metadataProvider = metadataProvider
        self.now = now
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let fields = LogLine.Fields(timestamp: LogTimestamp.string(now()), level: event.level, label: label, message: "\(event.message)",
                                    source: event.source, metadata: effectiveMetadata(event))
        switch format {
        case .json: sink.write(LogLine.json(fields))
        case .text: sink.write(LogLine.text(fields, journalPriority: journalPriorities))
        }
    }

    /// Provider, then the logger's own, then the call's: the later wins a shared key.
    func effectiveMetadata(_ event: LogEvent) -> Logger.Metadata {
        var merged = metadataProvider?.get() ?? [:]
        merged.merge(metadata) { _, own in own }
        if let explicit = event.metadata {
            merged.merge(explicit) { _, call in call }
        }
        if let error = event.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        return merged
    }
}
