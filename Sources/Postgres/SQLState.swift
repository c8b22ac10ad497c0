/// A PostgreSQL SQLSTATE code (the five characters of `PG_DIAG_SQLSTATE`).
///
/// A struct rather than an enum so that codes we have not named still round-trip.
public struct SQLState: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let uniqueViolation = SQLState(rawValue: "23505")
    public static let foreignKeyViolation = SQLState(rawValue: "23503")
    public static let notNullViolation = SQLState(rawValue: "23502")
    public static let checkViolation = SQLState(rawValue: "23514")
    public static let invalidTextRepresentation = SQLState(rawValue: "22P02")
    public static let serializationFailure = SQLState(rawValue: "40001")
    public static let deadlockDetected = SQLState(rawValue: "40P01")
    public static let syntaxError = SQLState(rawValue: "42601")
    public static let undefinedTable = SQLState(rawValue: "42P01")
    public static let undefinedColumn = SQLState(rawValue: "42703")
    public static let duplicateTable = SQLState(rawValue: "42P07")
    public static let invalidPassword = SQLState(rawValue: "28P01")
    public static let invalidAuthorization = SQLState(rawValue: "28000")
    public static let invalidCatalogName = SQLState(rawValue: "3D000")
    public static let adminShutdown = SQLState(rawValue: "57P01")
    public static let queryCanceled = SQLState(rawValue: "57014")
    public static let lockNotAvailable = SQLState(rawValue: "55P03")
    public static let featureNotSupported = SQLState(rawValue: "0A000")
    public static let invalidStatementName = SQLState(rawValue: "26000")

    /// Serialization failures and deadlocks: the transaction did nothing and may simply be run again.
    public var isTransientTransactionFailure: Bool {
        self == .serializationFailure || self == .deadlockDetected
    }
}
