import SimulatorSupport

/// `POST /api/client/servers/{s}/command` (`control.console`): the panel validates the body, then
/// Wings refuses a server that is not running with 502, which the panel passes on in words of its
/// own; an accepted command answers 204 and runs on the server. The simulated server understands
/// the whitelist commands the bot sends; the rest are only recorded.
extension PanelWorld {
    mutating func sendCommand(context: ClientContext, body: [String: SimulatorJSON]) -> SimulatedResponse {
        guard let command = body["command"]?.stringValue, !command.isEmpty else {
            var violations = Violations()
            if body["command"] == nil || body["command"] == .null {
                violations.add("command", rule: "required", "The command field is required.")
            } else if body["command"]?.stringValue == nil {
                violations.add("command", rule: "string", "The command must be a string.")
            } else {
                violations.add("command", rule: "min", "The command must be at least 1 characters.")
            }
            return violations.response ?? PanelJSON.notFound()
        }
        guard servers[context.index].powerState == "running" else {
            return PanelJSON.error(502, code: "HttpException", detail: "Server must be online in order to send commands.")
        }
        servers[context.index].consoleCommands.append(command)
        let words = command.split(separator: " ").map(String.init)
        if words.count == 3, words[0] == "whitelist" {
            switch words[1] {
            case "add": servers[context.index].whitelist.insert(words[2].lowercased())
            case "remove": servers[context.index].whitelist.remove(words[2].lowercased())
            default: break
            }
        }
        return .noContent
    }
}
