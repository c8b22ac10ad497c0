/// One way the database differs from what schema.prisma says it should be.
///
/// `description` is the line a failing test prints: `missing in database: table X`,
/// `extra in database: unique index Y on T (a)`, or
/// `Workflow.pteroServerId: schema.prisma says nullable text, database has NOT NULL text`.
public struct SchemaDifference: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// schema.prisma has it, the database does not.
        case missingInDatabase
        /// The database has it, schema.prisma does not.
        case extraInDatabase
        /// Both have it, and they disagree.
        case mismatch
    }

    public let kind: Kind
    /// What kind of thing: `table`, `column`, `enum`, `enum value`, `primary key`, `unique index`,
    /// `index`, `foreign key`, `check constraint`.
    public let object: String
    /// Which one: `Workflow`, `Workflow.pteroServerId`, `PterodactylUser_email_key`.
    public let subject: String
    /// For missing or extra things, what the thing is; for a mismatch, what each side says.
    public let detail: String

    public init(_ kind: Kind, _ object: String, _ subject: String, detail: String = "") {
        self.kind = kind
        self.object = object
        self.subject = subject
        self.detail = detail
    }

    public var description: String {
        let suffix = detail.isEmpty ? "" : " \(detail)"
        switch kind {
        case .missingInDatabase: return "missing in database: \(object) \(subject)\(suffix)"
        case .extraInDatabase: return "extra in database: \(object) \(subject)\(suffix)"
        case .mismatch: return object == "column" ? "\(subject): \(detail)" : "\(object) \(subject): \(detail)"
        }
    }
}
