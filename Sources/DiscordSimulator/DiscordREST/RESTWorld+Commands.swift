import Foundation
import SimulatorSupport

/// Guild command registration (docs/DISCORD.md#commands).
extension RESTWorld {
    /// Discord's per-guild caps: 100 chat-input, 15 user and 15 message commands.
    static let commandCaps: [Int: Int] = [1: 100, 2: 15, 3: 15]

    func getGuildCommands(_ match: RouteMatch) -> SimulatedResponse {
        if let refusal = checkCommandScope(match) { return refusal }
        return .json(200, .array(commands))
    }

    /// `PUT .../commands` replaces the whole set. A command keeps its id while its (type, name) stays,
    /// and only a new (type, name) counts as a create toward the 200 per day, so a client that
    /// re-sends an unchanged set costs no creates; its `version` changes only when its content does.
    mutating func overwriteGuildCommands(_ match: RouteMatch, body: SimulatorJSON?, now: Date) -> SimulatedResponse {
        if let refusal = checkCommandScope(match) { return refusal }
        var errors = FormErrors()
        guard let list = body?.arrayValue else {
            errors.wrongType([], expected: "list")
            return .invalidForm(errors)
        }
        var seen = Set<String>()
        var counts: [Int: Int] = [:]
        for (index, command) in list.enumerated() {
            Self.validateCommand(command, at: [String(index)], into: &errors)
            let type = command["type"]?.intValue ?? 1
            counts[type, default: 0] += 1
            if !seen.insert(Self.commandKey(command)).inserted {
                errors.add([String(index), "name"], code: "APPLICATION_COMMANDS_DUPLICATE_NAME", message: "Application command names must be unique")
            }
        }
        for (type, count) in counts where count > (Self.commandCaps[type] ?? 0) {
            errors.add([], code: "APPLICATION_COMMAND_TOO_MANY", message: "Too many application commands of type \(type)")
        }
        if !errors.isEmpty { return .invalidForm(errors) }

        let existing = Dictionary(commands.map { (Self.commandKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newCount = list.filter { existing[Self.commandKey($0)] == nil }.count
        commandCreates.removeAll { now.timeIntervalSince($0) >= 86_400 }
        if newCount > 0, commandCreates.count + newCount > configuration.dailyCommandCreates {
            let retryAfter = commandCreates.first.map { 86_400 - now.timeIntervalSince($0) } ?? 86_400
            return .json(429, [
                "message": .string(DiscordErrorCode.maxDailyCommandCreates.message),
                "code": .integer(Int64(DiscordErrorCode.maxDailyCommandCreates.rawValue)),
                "retry_after": .double(Self.rounded(retryAfter)), "global": false,
            ], headers: ["Retry-After": Self.wholeSeconds(retryAfter), "X-RateLimit-Scope": "user"])
        }
        commandCreates.append(contentsOf: Array(repeating: now, count: newCount))
        commands = list.map { registered($0, replacing: existing[Self.commandKey($0)], now: now) }
        return .json(200, .array(commands))
    }

    /// Commands are created only for the configured application in the configured guild.
    private func checkCommandScope(_ match: RouteMatch) -> SimulatedResponse? {
        guard match["application_id"] == configuration.applicationID else { return .error(404, .unknownApplication) }
        guard match["guild_id"] == configuration.guildID else { return .error(403, .missingAccess) }
        return nil
    }

    private mutating func registered(_ command: SimulatorJSON, replacing previous: SimulatorJSON?, now: Date) -> SimulatorJSON {
        var fields = command.objectValue ?? [:]
        fields["type"] = command["type"] ?? 1
        fields["description"] = command["description"] ?? ""
        fields["default_member_permissions"] = command["default_member_permissions"] ?? .null
        fields["nsfw"] = command["nsfw"] ?? false
        fields["application_id"] = .string(configuration.applicationID)
        fields["guild_id"] = .string(configuration.guildID)
        fields["id"] = previous?["id"] ?? .string(snowflakes.next(at: now))
        let unchanged = previous.map { Self.content(of: $0) == Self.content(of: .object(fields)) } ?? false
        fields["version"] = unchanged ? (previous?["version"] ?? .null) : .string(snowflakes.next(at: now))
        return .object(fields)
    }

    /// What the client sent, without the fields Discord adds, for "did this command change".
    private static func content(of command: SimulatorJSON) -> SimulatorJSON {
        var fields = command.objectValue ?? [:]
        for key in ["id", "version", "application_id", "guild_id"] { fields[key] = nil }
        return .object(fields)
    }

    private static func commandKey(_ command: SimulatorJSON) -> String {
        "\(command["type"]?.intValue ?? 1):\(command["name"]?.stringValue ?? "")"
    }

    /// Name 1–32 of letters, digits, `-`, `_`, `'`, lowercase where a lowercase exists; chat-input
    /// description 1–100 (user and message commands have none); ≤25 options and ≤25 choices.
    static func validateCommand(_ command: SimulatorJSON, at path: [String], into errors: inout FormErrors) {
        let type = command["type"]?.intValue ?? 1
        if ![1, 2, 3].contains(type) {
            errors.add(path + ["type"], code: "BASE_TYPE_CHOICES", message: "Value must be one of {1, 2, 3}.")
        }
        validateName(command["name"], isChatInput: type == 1, at: path + ["name"], into: &errors)
        if type == 1 {
            validateDescription(command["description"], at: path + ["description"], into: &errors)
        } else if let description = command["description"]?.stringValue, !description.isEmpty {
            errors.add(path + ["description"], code: "APPLICATION_COMMAND_INVALID_DESCRIPTION", message: "Only chat input commands can have a description")
        }
        validateOptions(command["options"], at: path + ["options"], into: &errors)
    }

    private static func validateOptions(_ options: SimulatorJSON?, at path: [String], into errors: inout FormErrors) {
        guard let options = options?.arrayValue else { return }
        if options.count > 25 { errors.tooLong(path, limit: 25) }
        for (index, option) in options.enumerated() {
            let here = path + [String(index)]
            validateName(option["name"], isChatInput: true, at: here + ["name"], into: &errors)
            validateDescription(option["description"], at: here + ["description"], into: &errors)
            if let choices = option["choices"]?.arrayValue, choices.count > 25 { errors.tooLong(here + ["choices"], limit: 25) }
            validateOptions(option["options"], at: here + ["options"], into: &errors)
        }
    }

    private static func validateName(_ value: SimulatorJSON?, isChatInput: Bool, at path: [String], into errors: inout FormErrors) {
        guard let name = value?.stringValue else { return errors.required(path) }
        let length = name.unicodeScalars.count
        guard (1...32).contains(length) else { return errors.badLength(path, range: 1...32) }
        guard isChatInput else { return }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "-_'".unicodeScalars.contains(scalar)
        }
        if !allowed || name.lowercased() != name {
            errors.add(path, code: "APPLICATION_COMMAND_INVALID_NAME", message: "Command name is invalid")
        }
    }

    private static func validateDescription(_ value: SimulatorJSON?, at path: [String], into errors: inout FormErrors) {
        guard let description = value?.stringValue else { return errors.required(path) }
        if !(1...100).contains(description.unicodeScalars.count) { errors.badLength(path, range: 1...100) }
    }
}
