/// A schedule of one server (client API, `server_schedule`), with its tasks when the panel
/// includes them. The bot only lists and deletes schedules, so it keeps what a return reports.
public struct Schedule: Sendable, Equatable, Decodable {
    public let id: Int
    public let name: String
    public let isActive: Bool
    /// The tasks' actions (`command`, `power`, `backup`), in sequence order.
    public let taskActions: [String]

    private enum CodingKeys: String, CodingKey {
        case id, name, relationships
        case isActive = "is_active"
    }

    private struct Relationships: Decodable {
        let tasks: ItemList<ScheduleTask>?
    }

    private struct ScheduleTask: Decodable {
        let action: String
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? ""
        isActive = try c.decodeIfPresent(Bool.self, forKey: .isActive) ?? false
        let relationships = try c.decodeIfPresent(Relationships.self, forKey: .relationships)
        taskActions = relationships?.tasks?.data.map(\.attributes.action) ?? []
    }
}
