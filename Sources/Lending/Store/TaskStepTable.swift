package import Foundation
package import Postgres

/// Row access for `"LendingTaskStep"`: the steps a task has completed.
package enum TaskStepTable {
    /// The detail recorded for the step, or nil when it has not been done.
    package static func find(taskId: Int, step: TaskStep, on database: some QueryExecutor) async throws -> [String: String]? {
        let result = try await database.query("""
            SELECT "detail"::text AS "detail" FROM "LendingTaskStep" WHERE "taskId" = \(taskId) AND "name" = \(step.name)
            """, named: "find task step")
        guard let row = result.first else { return nil }
        return JSONObject.decode(try row.decode("detail"))
    }

    /// Records a step, but only while the task is still claimed under `token`: a runner that
    /// lost its claim records nothing. Returns false when the claim was lost.
    package static func record(taskId: Int, token: String, step: TaskStep, detail: [String: String], at now: Date,
                              on database: some QueryExecutor) async throws -> Bool {
        try await database.query("""
            INSERT INTO "LendingTaskStep" ("taskId", "name", "detail", "completedAt")
            SELECT \(taskId), \(step.name), \(JSONObject.encode(detail))::jsonb, \(now)
            WHERE EXISTS (SELECT 1 FROM "LendingTask" WHERE "id" = \(taskId) AND "claimToken" = \(token) AND "state" = 'QUEUED')
            """, named: "record task step").affectedRows == 1
    }
}
