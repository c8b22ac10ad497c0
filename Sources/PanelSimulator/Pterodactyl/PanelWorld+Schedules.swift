public import Foundation
import SimulatorSupport

/// Schedules and their tasks (client API, schedule.*). The panel validates the body (name and
/// the five cron fields required, 422 per failed rule), refuses a cron it cannot evaluate (400
/// `DisplayException`), allows at most 10 tasks per schedule (400
/// `ServiceLimitExceededException`) and answers 404 for a schedule of another server. The
/// simulator stores schedules but never runs them: Wings' cron is outside what a test observes.
extension PanelWorld {
    static let scheduleTaskLimit = 10

    mutating func schedules(_ route: PanelSimulatedRoute, context: ClientContext, body: [String: SimulatorJSON], now: Date) -> SimulatedResponse {
        let server = servers[context.index]
        switch route {
        case .listSchedules:
            return .json(200, PanelJSON.list("server_schedule", server.schedules.map(Self.scheduleAttributes)))
        case .createSchedule:
            switch Self.scheduleFields(body) {
            case .failure(let refusal): return refusal.response
            case .success(let fields):
                let schedule = SimulatedSchedule(id: nextScheduleID, fields: fields, createdAt: now)
                nextScheduleID += 1
                servers[context.index].schedules.append(schedule)
                return .json(200, PanelJSON.item("server_schedule", Self.scheduleAttributes(schedule)))
            }
        default:
            guard let id = context.child.flatMap({ Int($0) }), let position = server.schedules.firstIndex(where: { $0.id == id }) else {
                return PanelJSON.notFound()
            }
            switch route {
            case .getSchedule:
                return .json(200, PanelJSON.item("server_schedule", Self.scheduleAttributes(server.schedules[position])))
            case .updateSchedule:
                switch Self.scheduleFields(body) {
                case .failure(let refusal): return refusal.response
                case .success(let fields):
                    servers[context.index].schedules[position].fields = fields
                    servers[context.index].schedules[position].updatedAt = now
                    return .json(200, PanelJSON.item("server_schedule", Self.scheduleAttributes(servers[context.index].schedules[position])))
                }
            case .createScheduleTask:
                return createScheduleTask(context: context, position: position, body: body, now: now)
            default:
                servers[context.index].schedules.remove(at: position)
                return .noContent
            }
        }
    }

    /// `StoreScheduleRequest`: `name` required|string|max:191, the cron fields required|string,
    /// `is_active` and `only_when_online` boolean; then the cron must evaluate.
    private static func scheduleFields(_ body: [String: SimulatorJSON]) -> Result<SimulatedSchedule.Fields, Refusal> {
        var violations = Violations()
        let name = violations.requiredString(body, "name")
        let cron = ["minute", "hour", "day_of_month", "month", "day_of_week"].map { violations.requiredString(body, $0) }
        for flag in ["is_active", "only_when_online"] {
            if let value = body[flag], value != .null, value.boolValue == nil {
                violations.add(flag, rule: "boolean", "The \(flag.replacingOccurrences(of: "_", with: " ")) field must be true or false.")
            }
        }
        if let response = violations.response { return .failure(Refusal(response: response)) }
        let values = cron.compactMap { $0 }
        guard let name, values.count == 5 else { return .failure(Refusal(response: violations.response ?? PanelJSON.notFound())) }
        let allowed = CharacterSet(charactersIn: "0123456789*,/-")
        guard values.allSatisfy({ $0.unicodeScalars.allSatisfy(allowed.contains) }) else {
            return .failure(Refusal(response: PanelJSON.badRequest("DisplayException", "The cron data provided does not evaluate to a valid expression.")))
        }
        return .success(SimulatedSchedule.Fields(name: name, minute: values[0], hour: values[1], dayOfMonth: values[2], month: values[3],
                                                 dayOfWeek: values[4], isActive: body["is_active"]?.boolValue ?? true,
                                                 onlyWhenOnline: body["only_when_online"]?.boolValue ?? false))
    }

    /// `StoreTaskRequest`: `action` in command|power|backup, `payload` required unless a backup,
    /// `time_offset` 0–900 seconds; then the per-schedule task limit.
    private mutating func createScheduleTask(context: ClientContext, position: Int, body: [String: SimulatorJSON], now: Date) -> SimulatedResponse {
        var violations = Violations()
        let action = violations.requiredString(body, "action")
        if let action, !["command", "power", "backup"].contains(action) {
            violations.add("action", rule: "in", "The selected action is invalid.")
        }
        let payload = violations.optionalString(body, "payload", max: 65_535) ?? nil
        if action != "backup" && payload == nil { violations.add("payload", rule: "required_unless", "The payload field is required unless action is in backup.") }
        let offset = body["time_offset"]?.intValue ?? body["time_offset"]?.stringValue.flatMap { Int($0) }
        if body["time_offset"] == nil || body["time_offset"] == .null {
            violations.add("time_offset", rule: "required", "The time offset field is required.")
        } else if let offset, !(0...900).contains(offset) {
            violations.add("time_offset", rule: "between", "The time offset must be between 0 and 900.")
        } else if offset == nil {
            violations.add("time_offset", rule: "numeric", "The time offset must be a number.")
        }
        guard violations.isEmpty, let action, let offset else { return violations.response! }
        let schedule = servers[context.index].schedules[position]
        guard schedule.tasks.count < Self.scheduleTaskLimit else {
            return PanelJSON.badRequest("ServiceLimitExceededException",
                                        "Schedules may not have more than \(Self.scheduleTaskLimit) tasks associated with them. Creating this task would put this schedule over the limit.")
        }
        let task = SimulatedScheduleTask(id: nextScheduleTaskID, sequenceID: (schedule.tasks.map(\.sequenceID).max() ?? 0) + 1, action: action,
                                         payload: payload ?? "", timeOffset: offset, createdAt: now)
        nextScheduleTaskID += 1
        servers[context.index].schedules[position].tasks.append(task)
        return .json(200, PanelJSON.item("schedule_task", Self.taskAttributes(task)))
    }

    static func scheduleAttributes(_ schedule: SimulatedSchedule) -> SimulatorJSON {
        let fields = schedule.fields
        return [
            "id": .integer(Int64(schedule.id)), "name": .string(fields.name),
            "cron": ["day_of_week": .string(fields.dayOfWeek), "day_of_month": .string(fields.dayOfMonth), "month": .string(fields.month),
                     "hour": .string(fields.hour), "minute": .string(fields.minute)],
            "is_active": .bool(fields.isActive), "is_processing": false, "only_when_online": .bool(fields.onlyWhenOnline),
            "last_run_at": .null, "next_run_at": .null,
            "created_at": PanelJSON.timestamp(schedule.createdAt), "updated_at": PanelJSON.timestamp(schedule.updatedAt),
            "relationships": ["tasks": PanelJSON.list("schedule_task", schedule.tasks.map(taskAttributes))],
        ]
    }

    static func taskAttributes(_ task: SimulatedScheduleTask) -> SimulatorJSON {
        ["id": .integer(Int64(task.id)), "sequence_id": .integer(Int64(task.sequenceID)), "action": .string(task.action),
         "payload": .string(task.payload), "time_offset": .integer(Int64(task.timeOffset)), "is_queued": false,
         "continue_on_failure": false, "created_at": PanelJSON.timestamp(task.createdAt), "updated_at": PanelJSON.timestamp(task.createdAt)]
    }
}

/// A schedule as the simulated panel stores it.
public struct SimulatedSchedule: Sendable, Equatable {
    public struct Fields: Sendable, Equatable {
        public var name: String
        public var minute: String
        public var hour: String
        public var dayOfMonth: String
        public var month: String
        public var dayOfWeek: String
        public var isActive: Bool
        public var onlyWhenOnline: Bool
    }

    public var id: Int
    public var fields: Fields
    public var tasks: [SimulatedScheduleTask] = []
    public var createdAt: Date
    public var updatedAt: Date

    init(id: Int, fields: Fields, createdAt: Date) {
        self.id = id
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}

/// One step of a schedule: a console command, a power action or a backup.
public struct SimulatedScheduleTask: Sendable, Equatable {
    public var id: Int
    public var sequenceID: Int
    /// `command`, `power` or `backup`.
    public var action: String
    public var payload: String
    public var timeOffset: Int
    public var createdAt: Date
}
