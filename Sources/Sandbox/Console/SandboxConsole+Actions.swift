import DiscordSimulator
import Foundation
import SimulatorSupport

/// What a person can do in the console, each sent to the bot as the Discord client would send it.
extension SandboxConsole {
    /// A slash command with its option tree (`[{name, type, value?, options?}]`, types as Discord's).
    func runCommand(persona key: String, command: String, options: SimulatorJSON?) async throws -> SimulatorJSON {
        let persona = try persona(key)
        let tree = try Self.commandOptions(options, focusAllowed: false)
        guard rest.commands.contains(where: { $0["name"]?.stringValue == command }) else { throw ConsoleRefusal("no command /\(command) is registered") }
        let interaction = simulators.gateway.makeCommandInteraction(name: command, options: tree, as: persona.invoker)
        let label = "/" + ([command] + Self.path(of: tree)).joined(separator: " ")
        return try await dispatch(interaction, persona: persona, kind: .command, label: label, messageID: nil)
    }

    /// Autocomplete with exactly one focused option; answers the bot's choices.
    func autocomplete(persona key: String, command: String, options: SimulatorJSON?) async throws -> SimulatorJSON {
        let persona = try persona(key)
        let tree = try Self.commandOptions(options, focusAllowed: true)
        guard tree.reduce(0, { $0 + Self.focusedCount($1) }) == 1 else { throw ConsoleRefusal("autocomplete needs exactly one focused option") }
        let interaction = simulators.gateway.makeAutocompleteInteraction(name: command, options: tree, as: persona.invoker)
        _ = try await dispatch(interaction, persona: persona, kind: .autocomplete, label: "/\(command) (autocomplete)", messageID: nil)
        let callback = rest.interactionResponses(for: interaction.id).first
        return ["choices": callback?.body?["data"]?["choices"] ?? []]
    }

    /// A button press or a select choice on a message the persona can see.
    func pressComponent(persona key: String, messageID: String, customID: String, values: [String]?) async throws -> SimulatorJSON {
        let persona = try persona(key)
        guard let found = visibleMessage(messageID, to: persona) else { throw ConsoleRefusal("message \(messageID) is not visible to \(persona.label)") }
        guard let component = Self.component(customID, in: found.message) else { throw ConsoleRefusal("the message has no component \(customID)") }
        if component["disabled"]?.boolValue == true { throw ConsoleRefusal("that component is disabled") }
        let type = component["type"]?.intValue ?? 2
        if type != 2 { try Self.checkSelection(values ?? [], of: component) }
        let invoker = found.inDirectMessage ? persona.invoker.inDirectMessages : persona.invoker
        let interaction = simulators.gateway.makeComponentInteraction(customID: customID, componentType: type, values: type == 2 ? nil : values,
                                                                      message: found.message, as: invoker)
        let label = component["label"]?.stringValue ?? component["placeholder"]?.stringValue ?? customID
        return try await dispatch(interaction, persona: persona, kind: .component, label: label, messageID: messageID)
    }

    /// Submits the modal that `openedBy` (an interaction of this persona) got as its answer.
    /// `values` maps each input's custom_id to its text, or to the chosen values of a select.
    func submitModal(persona key: String, openedBy interactionID: String, values: [String: SimulatorJSON]) async throws -> SimulatorJSON {
        let persona = try persona(key)
        guard let opener = log.entry(interactionID), opener.persona == persona.key,
              let modal = Self.modal(from: rest.interactionResponses(for: interactionID)) else {
            throw ConsoleRefusal("no modal of \(persona.label) was opened by interaction \(interactionID)")
        }
        let fields = try (modal["components"]?.arrayValue ?? []).map { try field(for: $0, values: values) }
        guard log.closeModal(openedBy: interactionID) else { throw ConsoleRefusal("that modal was already submitted or closed") }
        let customID = modal["custom_id"]?.stringValue ?? ""
        let invoker = opener.interaction.channelID == SandboxPeople.notifyChannelID ? persona.invoker : persona.invoker.inDirectMessages
        let interaction = simulators.gateway.makeModalSubmitInteraction(customID: customID, fields: fields, as: invoker)
        do {
            return try await dispatch(interaction, persona: persona, kind: .modal, label: modal["title"]?.stringValue ?? "form", messageID: nil)
        } catch let refusal as ConsoleRefusal {
            // The bot never heard of it: the dialog stays open for another try.
            log.reopenModal(openedBy: interactionID)
            throw refusal
        }
    }

    /// Closes a modal without submitting, as the ✕ of Discord's dialog does: the bot hears nothing.
    func dismissModal(persona key: String, openedBy interactionID: String) throws {
        let persona = try persona(key)
        guard log.entry(interactionID)?.persona == persona.key, log.closeModal(openedBy: interactionID) else {
            throw ConsoleRefusal("no open modal of \(persona.label) from interaction \(interactionID)")
        }
    }

    // MARK: Helpers

    private func persona(_ key: String) throws -> SandboxPeople.Persona {
        guard let persona = SandboxPeople.persona(key) else { throw ConsoleRefusal("unknown persona \(key)") }
        return persona
    }

    /// Sends the interaction and waits (up to `responseWait`) for the bot's first response. Only an
    /// interaction the gateway took is logged as done.
    private func dispatch(_ interaction: SimulatedInteraction, persona: SandboxPeople.Persona, kind: LoggedInteraction.Kind, label: String,
                          messageID: String?) async throws -> SimulatorJSON {
        guard simulators.gateway.dispatchInteraction(interaction) != nil else {
            throw ConsoleRefusal("the bot is not connected to the simulated gateway yet; try again in a moment")
        }
        log.append(LoggedInteraction(interaction: interaction, persona: persona.key, kind: kind, label: label, messageID: messageID, at: Date()))
        let deadline = ContinuousClock.now + responseWait
        while rest.interactionResponses(for: interaction.id).isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let answered = !rest.interactionResponses(for: interaction.id).isEmpty
        return ["interactionId": .string(interaction.id), "answered": .bool(answered)]
    }

    /// One submitted field for a top-level modal component (a Label around an input, or a Text Display).
    private func field(for component: SimulatorJSON, values: [String: SimulatorJSON]) throws -> SimulatedModalField {
        if component["type"]?.intValue == 10 { return .textDisplay(component["content"]?.stringValue ?? "") }
        let input = component["component"] ?? component
        let customID = input["custom_id"]?.stringValue ?? ""
        let value = values[customID]
        switch input["type"]?.intValue {
        case 4:
            // What Discord's client enforces before a modal can be sent.
            let text = value?.stringValue ?? ""
            let length = text.unicodeScalars.count
            if input["required"]?.boolValue != false, text.isEmpty { throw ConsoleRefusal("\(customID) is required") }
            if !text.isEmpty, let minimum = input["min_length"]?.intValue, length < minimum {
                throw ConsoleRefusal("\(customID) needs at least \(minimum) characters")
            }
            if let maximum = input["max_length"]?.intValue, length > maximum { throw ConsoleRefusal("\(customID) takes at most \(maximum) characters") }
            return .textInput(customID: customID, value: text)
        case 5:
            let ids = value?.arrayValue?.compactMap(\.stringValue) ?? []
            try Self.checkSelection(ids, of: input)
            let users = try ids.map { id in
                guard let picked = SandboxPeople.persona(userID: id) else { throw ConsoleRefusal("\(id) is not a member of the sandbox guild") }
                return SimulatedResolvedUser(id: id, username: picked.invoker.username)
            }
            return .userSelect(customID: customID, users: users)
        case 3:
            let chosen = value?.arrayValue?.compactMap(\.stringValue) ?? []
            try Self.checkSelection(chosen, of: input)
            return .stringSelect(customID: customID, values: chosen)
        default:
            throw ConsoleRefusal("the modal holds a component the console cannot fill (\(input["type"]?.intValue ?? -1))")
        }
    }

    /// What Discord's client lets a person choose in a select: between `min_values` and
    /// `max_values` values (1 and 1 by default), each one of a string select's options.
    static func checkSelection(_ values: [String], of select: SimulatorJSON) throws {
        let minimum = select["min_values"]?.intValue ?? 1
        let maximum = select["max_values"]?.intValue ?? 1
        guard (minimum...max(minimum, maximum)).contains(values.count) else {
            throw ConsoleRefusal("this select takes \(minimum) to \(maximum) values, not \(values.count)")
        }
        if let options = select["options"]?.arrayValue {
            let offered = Set(options.compactMap { $0["value"]?.stringValue })
            if let unknown = values.first(where: { !offered.contains($0) }) { throw ConsoleRefusal("\(unknown) is not an option of this select") }
        }
    }

    /// The modal a callback of type 9 carried.
    static func modal(from responses: [InteractionResponseRecord]) -> SimulatorJSON? {
        guard let first = responses.first, first.kind == .callback(type: 9) else { return nil }
        return first.body?["data"]
    }

    /// The component with `customID` anywhere in a message's action rows.
    static func component(_ customID: String, in message: SimulatorJSON) -> SimulatorJSON? {
        for row in message["components"]?.arrayValue ?? [] {
            for component in row["components"]?.arrayValue ?? [] where component["custom_id"]?.stringValue == customID {
                return component
            }
        }
        return nil
    }

    /// The page's option tree as the simulator's; `focused` only where autocomplete allows it.
    static func commandOptions(_ json: SimulatorJSON?, focusAllowed: Bool) throws -> [SimulatedCommandOption] {
        guard let json, !json.isNull else { return [] }
        guard let array = json.arrayValue else { throw ConsoleRefusal("options must be a list") }
        return try array.map { option in
            guard let name = option["name"]?.stringValue, let type = option["type"]?.intValue else {
                throw ConsoleRefusal("each option needs a name and a type")
            }
            switch type {
            case 1: return .subcommand(name, try commandOptions(option["options"], focusAllowed: focusAllowed))
            case 2: return .subcommandGroup(name, try commandOptions(option["options"], focusAllowed: focusAllowed))
            default:
                guard let value = option["value"], !value.isNull else { throw ConsoleRefusal("option \(name) has no value") }
                let focused = option["focused"]?.boolValue ?? false
                if focused, !focusAllowed { throw ConsoleRefusal("only autocomplete has a focused option") }
                return .value(name, type: type, value, focused: focused)
            }
        }
    }

    static func focusedCount(_ option: SimulatedCommandOption) -> Int {
        switch option {
        case .subcommandGroup(_, let options), .subcommand(_, let options): options.reduce(0) { $0 + focusedCount($1) }
        case .value(_, _, _, let focused): focused ? 1 : 0
        }
    }

    /// The subcommand group and subcommand names of a tree.
    static func path(of options: [SimulatedCommandOption]) -> [String] {
        for option in options {
            switch option {
            case .subcommandGroup(let name, let inner), .subcommand(let name, let inner): return [name] + path(of: inner)
            case .value: continue
            }
        }
        return []
    }
}
