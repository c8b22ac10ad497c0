/// Client API: schedules (schedule.read, schedule.delete). A schedule's tasks run console
/// commands, power actions and backups on their cron whoever holds the server, so a return
/// removes every one a renter made.
extension PanelClient {
    /// Every schedule of the server with its tasks (the list is not paginated).
    public func schedules(of server: String) async throws(PanelError) -> [Schedule] {
        try ServerIdentifier.validate(server)
        let response = try await send(.listSchedules(server))
        return try decode(ItemList<Schedule>.self, from: response, operation: PanelRoute.listSchedules(server).name).data.map(\.attributes)
    }

    /// Deletes one schedule and its tasks (204). A repeat, or a schedule of another server, is 404.
    public func deleteSchedule(_ id: Int, of server: String) async throws(PanelError) {
        try ServerIdentifier.validate(server)
        _ = try await send(.deleteSchedule(server, schedule: id))
    }

    /// Deletes every schedule of the server and returns how many there were. Safe to repeat: a
    /// schedule that is already gone counts as deleted.
    @discardableResult
    public func deleteAllSchedules(of server: String) async throws(PanelError) -> Int {
        let found = try await schedules(of: server)
        for schedule in found {
            do {
                try await deleteSchedule(schedule.id, of: server)
            } catch where error.kind == .notFound {
                continue
            }
        }
        return found.count
    }
}
