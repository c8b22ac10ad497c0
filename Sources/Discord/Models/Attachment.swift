/// A file attached to a message or passed as an attachment option (`resolved.attachments`).
public struct Attachment: Sendable, Hashable, Codable {
    public var id: AttachmentID
    public var filename: String
    public var size: Int?
    public var url: String?
    public var contentType: String?

    enum CodingKeys: String, CodingKey {
        case id, filename, size, url
        case contentType = "content_type"
    }
}
