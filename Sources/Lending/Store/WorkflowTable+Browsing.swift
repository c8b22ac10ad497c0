package import Postgres

/// The reads behind the moderators' list and autocomplete: keyset pages in both directions and a
/// short search. Each filters on `"status"` first, which `Workflow_status_endDate_idx` serves.
extension WorkflowTable {
    /// The `limit` workflows with `status` just before the id `before`, oldest first: the page
    /// before one that starts at `before` (the other direction of `list(status:after:limit:)`).
    package static func list(status: WorkflowStatus, before: Int, limit: Int = 25, on database: some QueryExecutor) async throws -> [WorkflowRecord] {
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "status" = \(status) AND "id" < \(before) ORDER BY "id" DESC LIMIT \(limit)
            """, named: "list workflows by status before")
        return try result.decodeAll(as: WorkflowRecord.self).reversed()
    }

    /// How many workflows have `status`.
    package static func count(status: WorkflowStatus, on database: some QueryExecutor) async throws -> Int {
        let result = try await database.query("""
            SELECT count(*)::int AS "n" FROM "Workflow" WHERE "status" = \(status)
            """, named: "count workflows by status")
        return try result.first?.decode("n") ?? 0
    }

    /// Up to `limit` workflows with one of `statuses`, oldest first, whose id starts with `text`
    /// or (unless `idsOnly`) whose purpose contains it, ignoring case; every one of them when
    /// `text` is empty.
    package static func search(statuses: [WorkflowStatus], matching text: String, idsOnly: Bool = false, limit: Int = 25,
                              on database: some QueryExecutor) async throws -> [WorkflowRecord] {
        guard !statuses.isEmpty else { return [] }
        let names = statuses.map(\.rawValue).joined(separator: ",")
        let pattern = likeEscaped(text)
        let result = try await database.query("""
            SELECT \(unsafeSQL: WorkflowRecord.columns) FROM "Workflow"
            WHERE "status" = ANY(string_to_array(\(names), ',')::"WorkflowStatus"[])
              AND ("id"::text LIKE \(pattern) || '%' OR (NOT \(idsOnly) AND "description" ILIKE '%' || \(pattern) || '%'))
            ORDER BY "id" LIMIT \(limit)
            """, named: "search workflows")
        return try result.decodeAll(as: WorkflowRecord.self)
    }

    /// `text` with LIKE's wildcards and its escape character taken literally.
    static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
