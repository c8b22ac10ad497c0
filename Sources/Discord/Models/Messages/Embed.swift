public import Foundation

/// A rich embed in a message. Discord's limits (title 256, description 4096, 25 fields, 6000
/// characters across all embeds of a message, …) are checked by `validate()` before sending.
public struct Embed: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var url: String?
    /// 0xRRGGBB, 0...16777215.
    public var color: Int?
    /// Shown in the footer in the reader's time zone; sent as ISO 8601.
    public var timestamp: Date?
    public var fields: [EmbedField]?
    public var footer: EmbedFooter?
    public var author: EmbedAuthor?
    public var image: EmbedMedia?
    public var thumbnail: EmbedMedia?

    public init(title: String? = nil, description: String? = nil, url: String? = nil, color: Int? = nil,
                timestamp: Date? = nil, fields: [EmbedField]? = nil, footer: EmbedFooter? = nil,
                author: EmbedAuthor? = nil, image: EmbedMedia? = nil, thumbnail: EmbedMedia? = nil) {
        self.title = title
        self.description = description
        self.url = url
        self.color = color
        self.timestamp = timestamp
        self.fields = fields
        self.footer = footer
        self.author = author
        self.image = image
        self.thumbnail = thumbnail
    }
}

extension Embed: Codable {
    enum CodingKeys: String, CodingKey {
        case title, description, url, color, timestamp, fields, footer, author, image, thumbnail
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        color = try container.decodeIfPresent(Int.self, forKey: .color)
        fields = try container.decodeIfPresent([EmbedField].self, forKey: .fields)
        footer = try container.decodeIfPresent(EmbedFooter.self, forKey: .footer)
        author = try container.decodeIfPresent(EmbedAuthor.self, forKey: .author)
        image = try container.decodeIfPresent(EmbedMedia.self, forKey: .image)
        thumbnail = try container.decodeIfPresent(EmbedMedia.self, forKey: .thumbnail)
        if let text = try container.decodeIfPresent(String.self, forKey: .timestamp) {
            guard let date = Self.parseTimestamp(text) else {
                throw DecodingError.dataCorruptedError(forKey: .timestamp, in: container, debugDescription: "expected an ISO 8601 timestamp")
            }
            timestamp = date
        } else {
            timestamp = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(color, forKey: .color)
        // Written here rather than left to the encoder's date strategy, which defaults to a number.
        try container.encodeIfPresent(timestamp.map { $0.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)) }, forKey: .timestamp)
        try container.encodeIfPresent(fields, forKey: .fields)
        try container.encodeIfPresent(footer, forKey: .footer)
        try container.encodeIfPresent(author, forKey: .author)
        try container.encodeIfPresent(image, forKey: .image)
        try container.encodeIfPresent(thumbnail, forKey: .thumbnail)
    }

    /// Discord writes `2024-05-01T12:00:00.123000+00:00`; we write `2024-05-01T12:00:00.123Z`.
    static func parseTimestamp(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
