import Foundation
import LendingBot

/// The configuration part of `lending-bot --help` and `lending-bot run --help`, printed from the
/// table the configuration reader itself uses (`BotConfiguration.variables`).
enum ConfigurationHelp {
    /// Lines of at most 80 columns: the help is wrapped at the terminal's width, 80 when unknown,
    /// and a wrapped table would lose its columns.
    static var text: String {
        let nameWidth = BotConfiguration.variables.map(\.name.count).max() ?? 0
        let rows = BotConfiguration.variables.map { variable in
            let requirement = switch variable.requirement {
            case .always: "required"
            case .forRun: "for run"
            case .optional: "optional"
            }
            return "  " + variable.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                + requirement.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + variable.summary
        }
        return (["CONFIGURATION:",
                 "  Read from the environment, or from .env in the working directory (the",
                 "  environment wins). Each variable, its values and its default are documented",
                 "  in README.md, section Configuration; deploy/lending-bot.env.example lists",
                 "  them. \"required\": every command needs it; \"for run\": run needs it.",
                 ""] + rows).joined(separator: "\n")
    }
}
