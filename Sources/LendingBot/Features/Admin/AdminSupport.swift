import Discord
import Foundation

extension SlashCommand.Group {
    /// `/mcserver-admin workflow …`: the requests.
    static let workflow = SlashCommand.Group(name: "workflow", description: SlashCommand.Text("Requests"))
}

/// What the `/mcserver-admin workflow …` commands read from their options.
enum WorkflowCommands {
    /// The integer option `name` (`id`) as a positive workflow id; a refusal naming the option otherwise.
    static func workflowId(_ name: String = "id", in command: ApplicationCommandData, strings: Strings) throws -> Int {
        guard let value = command.integer(name), value > 0, value <= Int64(Int32.max) else { throw Refusal(strings.optionMissing(name)) }
        return Int(value)
    }

    /// The string option `name`, trimmed; nil when absent or blank.
    static func text(_ name: String, in command: ApplicationCommandData) -> String? {
        guard let value = command.string(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}
