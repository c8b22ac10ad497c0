public import Foundation
public import Secrets

/// A panel account as the application API shows it (docs/PANEL-API.md §2.1).
public struct PanelUser: Sendable, Equatable, Decodable {
    public let id: Int
    /// A Discord snowflake when the bot created the account; a string on the wire.
    public let externalID: String?
    public let uuid: String
    /// Stored lowercased by the panel.
    public let username: String
    public let email: String
    public let firstName: String
    public let lastName: String
    public let language: String
    public let isRootAdmin: Bool
    public let hasTwoFactor: Bool
    public let createdAt: Date?
    public let updatedAt: Date?

    /// `2fa` starts with a digit, so every key is spelled out (docs/PANEL-API.md §1.8).
    private enum CodingKeys: String, CodingKey {
        case id, uuid, username, email, language
        case externalID = "external_id"
        case firstName = "first_name"
        case lastName = "last_name"
        case isRootAdmin = "root_admin"
        case hasTwoFactor = "2fa"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        externalID = try c.decodeIfPresent(String.self, forKey: .externalID)
        uuid = try c.decode(String.self, forKey: .uuid)
        username = try c.decode(String.self, forKey: .username)
        email = try c.decode(String.self, forKey: .email)
        firstName = try c.decodeIfPresent(String.self, forKey: .firstName) ?? ""
        lastName = try c.decodeIfPresent(String.self, forKey: .lastName) ?? ""
        language = try c.decodeIfPresent(String.self, forKey: .language) ?? "en"
        isRootAdmin = try c.decodeIfPresent(Bool.self, forKey: .isRootAdmin) ?? false
        hasTwoFactor = try c.decodeIfPresent(Bool.self, forKey: .hasTwoFactor) ?? false
        createdAt = try c.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try c.decodeIfPresent(Date.self, forKey: .updatedAt)
    }
}

/// The body of `POST /api/application/users`. The password is a `Secret` so that the value never
/// reaches a log; it is revealed only while encoding the request body.
public struct NewPanelUser: Sendable {
    public var username: String
    public var email: String
    public var firstName: String
    public var lastName: String
    public var password: Secret?
    /// Sent as a JSON string: the panel's `string` rule refuses a number (docs/PANEL-API.md §2.3).
    public var externalID: String?

    public init(username: String, email: String, firstName: String, lastName: String, password: Secret? = nil, externalID: String? = nil) {
        self.username = username
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.password = password
        self.externalID = externalID
    }
}
