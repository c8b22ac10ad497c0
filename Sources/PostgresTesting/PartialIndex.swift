/// An index a migration creates by hand because schema.prisma has no syntax for it, declared
/// to the drift check so that it is expected rather than reported as extra.
public struct PartialIndex: Sendable, Equatable {
    public var table: String
    public var name: String
    public var columns: [String]
    public var isUnique: Bool
    /// The WHERE clause as PostgreSQL prints it (`pg_get_expr`).
    public var predicate: String

    public init(table: String, name: String, columns: [String], isUnique: Bool, predicate: String) {
        self.table = table
        self.name = name
        self.columns = columns
        self.isUnique = isUnique
        self.predicate = predicate
    }
}

extension DatabaseShape {
    /// This shape with `partialIndexes` added to their tables.
    public func including(_ partialIndexes: [PartialIndex]) -> DatabaseShape {
        var shape = self
        for index in partialIndexes {
            let indexShape = DatabaseShape.Index(columns: index.columns, predicate: index.predicate)
            if index.isUnique {
                shape.tables[index.table]?.uniqueIndexes[index.name] = indexShape
            } else {
                shape.tables[index.table]?.indexes[index.name] = indexShape
            }
        }
        return shape
    }
}
