import Foundation
import Logging
import Secrets
import Synchronization
import Testing
@testable import LendingBot

/// The bot's log lines: the time to the millisecond in UTC, fields metadata cannot overwrite,
/// nested metadata as JSON, swift-log's metadata provider merged under the logger's and the
/// call's metadata, and journald's priority prefixes on text lines.
@Suite("Log line handler")
struct LogLineHandlerTests {
    /// Lines the handler wrote, kept in order.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        var sink: LogSink { LogSink { line in self.lines.withLock { $0.append(line) } } }
        var all: [String] { lines.withLock { $0 } }
    }

    /// 2026-12-06T01:02:03.456Z.
    static let instant = Date(timeIntervalSince1970: 1_796_518_923.456)

    static func logger(_ lines: Lines, format: LogLineHandler.Format, journal: Bool = false, level: Logger.Level = .trace,
                       provider: Logger.MetadataProvider? = nil) -> Logger {
        Logger(label: "lending-bot.test") { label in
            var handler = LogLineHandler(label: label, format: format, journalPriorities: journal, sink: lines.sink, metadataProvider: provider,
                                         now: { Self.instant })
            handler.logLevel = level
            return handler
        }
    }

    static func object(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(parsed as? [String: Any])
    }

    @Test("the timestamp is UTC with milliseconds, from the injected date")
    func timestamp() throws {
        let lines = Lines()
        Self.logger(lines, format: .json).info("hello")
        let object = try Self.object(try #require(lines.all.first))
        #expect(object["timestamp"] as? String == "2026-12-06T01:02:03.456Z")
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "lending-bot.test")
        #expect(object["message"] as? String == "hello")
        #expect(lines.all.count == 1)
    }

    @Test("timestamps round to the millisecond and pad every part", arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_796_518_923.0005, "2026-12-06T01:02:03.001Z"),
        (1_796_518_923.9996, "2026-12-06T01:02:04.000Z"),
        (951_782_400.07, "2000-02-29T00:00:00.070Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
    ])
    func timestampFormat(seconds: Double, expected: String) {
        #expect(LogTimestamp.string(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("metadata named like a line's own field is kept under metadata.KEY and never replaces it")
    func reservedFields() throws {
        let lines = Lines()
        var logger = Self.logger(lines, format: .json)
        logger[metadataKey: "label"] = "from the logger"
        logger.warning("the real message", metadata: ["level": "critical", "message": "forged", "timestamp": "yesterday", "task": "7"])
        let object = try Self.object(try #require(lines.all.first))
        #expect(object["level"] as? String == "warning")
        #expect(object["message"] as? String == "the real message")
        #expect(object["timestamp"] as? String == "2026-12-06T01:02:03.456Z")
        #expect(object["label"] as? String == "lending-bot.test")
        #expect(object["metadata.level"] as? String == "critical")
        #expect(object["metadata.message"] as? String == "forged")
        #expect(object["metadata.timestamp"] as? String == "yesterday")
        #expect(object["metadata.label"] as? String == "from the logger")
        #expect(object["task"] as? String == "7")
    }

    @Test("nested dictionaries and arrays are JSON objects and arrays, not their description")
    func nestedMetadata() throws {
        let lines = Lines()
        Self.logger(lines, format: .json).info("nested", metadata: [
            "request": ["id": "42", "servers": ["server01", "server02"], "owner": ["name": "alice \"A\"\n"]],
            "empty": [:],
            "list": [],
        ])
        let line = try #require(lines.all.first)
        let object = try Self.object(line)
        let request = try #require(object["request"] as? [String: Any])
        #expect(request["id"] as? String == "42")
        #expect(request["servers"] as? [String] == ["server01", "server02"])
        #expect((request["owner"] as? [String: String])?["name"] == "alice \"A\"\n")
        #expect((object["empty"] as? [String: Any])?.isEmpty == true)
        #expect((object["list"] as? [Any])?.isEmpty == true)
        // One line: the newline in a value is escaped, not written.
        #expect(line.dropLast().contains("\n") == false)
    }

    @Test("a Secret in metadata prints its marker, never its value")
    func secretsStayRedacted() throws {
        let lines = Lines()
        let token = Secret("super-secret-token")
        Self.logger(lines, format: .json).info("signed in", metadata: ["token": "\(token)", "nested": ["key": .stringConvertible(token)]])
        Self.logger(lines, format: .text).info("signed in", metadata: ["token": .stringConvertible(token)])
        #expect(lines.all.count == 2)
        for line in lines.all {
            #expect(!line.contains("super-secret-token"))
            #expect(line.contains("<redacted>"))
        }
    }

    @Test("the call's metadata wins over the logger's, which wins over the provider's")
    func providerMerge() throws {
        let lines = Lines()
        let provider = Logger.MetadataProvider { ["trace": "from-provider", "shared": "provider", "both": "provider"] }
        var logger = Self.logger(lines, format: .json, provider: provider)
        logger[metadataKey: "shared"] = "logger"
        logger[metadataKey: "both"] = "logger"
        logger.info("merged", metadata: ["both": "call"])
        let object = try Self.object(try #require(lines.all.first))
        #expect(object["trace"] as? String == "from-provider")
        #expect(object["shared"] as? String == "logger")
        #expect(object["both"] as? String == "call")
    }

    @Test("the bootstrap factory hands swift-log's provider to the handler")
    func factoryTakesProvider() throws {
        let lines = Lines()
        let factory = LogLineHandler.factory(level: .info, format: .json, journalPriorities: true, sink: lines.sink)
        let provider = Logger.MetadataProvider { ["request": "9"] }
        let logger = Logger(label: "factory") { label in factory(label, provider) }
        logger.debug("below the level")
        logger.info("kept")
        #expect(lines.all.count == 1)
        let line = try #require(lines.all.first)
        // JSON lines never get journald's prefix, even when asked.
        #expect(line.hasPrefix("{"))
        #expect(try Self.object(line)["request"] as? String == "9")
    }

    @Test("text lines carry journald's priority when JOURNAL_STREAM is set", arguments: [
        (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func journalPriority(level: Logger.Level, priority: Int) throws {
        let lines = Lines()
        Self.logger(lines, format: .text, journal: true).log(level: level, "message")
        let line = try #require(lines.all.first)
        #expect(line.hasPrefix("<\(priority)>2026-12-06T01:02:03.456Z \(level.rawValue) lending-bot.test:"), "\(line)")
    }

    @Test("text lines without journald: time, level, label, sorted metadata, nested as JSON, source and message")
    func textLine() throws {
        let lines = Lines()
        Self.logger(lines, format: .text).notice("stopped", metadata: ["b": "2", "a": ["x": "1"]], source: "bot")
        #expect(lines.all == ["2026-12-06T01:02:03.456Z notice lending-bot.test: a={\"x\":\"1\"} b=2 [bot] stopped\n"])
    }
}
