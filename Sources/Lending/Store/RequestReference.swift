import Postgres

/// The request a row being written belongs to.
package enum RequestReference: Sendable {
    /// A request whose id is known.
    case id(Int)
    /// The request this transaction inserted last, its id taken by the server from the session's
    /// last value of the `"Workflow"` sequence: for rows sent in the same round trip as that
    /// insert, before its id has come back.
    case insertedLast
}

extension Query.StringInterpolation {
    /// Writes the request's id: bound as a parameter when known, read from the sequence otherwise.
    mutating func appendInterpolation(_ request: RequestReference) {
        switch request {
        case .id(let id): appendInterpolation(id)
        case .insertedLast: appendInterpolation(unsafeSQL: #"currval(pg_get_serial_sequence('"Workflow"', 'id'))::int"#)
        }
    }
}
