/// The checks shared by every message body: create, edit, follow-up and callback data.
extension Validator {
    mutating func message(content: String?, embeds: [Embed]?, components: [Component]?,
                          allowedMentions: AllowedMentions?, flags: MessageFlags?) {
        length(of: content, at: "content", maximum: .messageContent)
        count(embeds?.count, at: "embeds", maximum: .embedsPerMessage)
        include(embeds, at: "embeds")
        let total = (embeds ?? []).reduce(0) { $0 + $1.countedCharacters }
        if total > Limit.embedTotalCharacters.value {
            fail(.tooLong(.embedTotalCharacters, actual: total), at: "embeds")
        }
        if flags?.contains(.isComponentsV2) == true {
            count(components?.count, at: "components", maximum: .componentsPerMessageV2)
            if content != nil { fail(.notAllowed, at: "content") }
            if embeds != nil { fail(.notAllowed, at: "embeds") }
        } else {
            count(components?.count, at: "components", maximum: .actionRowsPerMessage)
        }
        include(components, at: "components")
        uniqueCustomIDs(in: components, at: "components")
        if let allowedMentions { include(allowedMentions, at: "allowed_mentions") }
    }

    /// Discord requires `custom_id`s to be unique within one message or modal.
    mutating func uniqueCustomIDs(in components: [Component]?, at name: String) {
        var seen: Set<String> = []
        for (index, component) in (components ?? []).enumerated() {
            for (subpath, id) in component.customIDs(at: "\(name).\(index)") where !seen.insert(id).inserted {
                fail(.duplicateCustomID, at: subpath)
            }
        }
    }
}

extension Component {
    /// Every `custom_id` in this component tree with the path of its field.
    func customIDs(at path: String) -> [(String, String)] {
        switch self {
        case .actionRow(let row):
            row.components.enumerated().flatMap { $1.customIDs(at: "\(path).components.\($0)") }
        case .label(let label):
            label.component.customIDs(at: "\(path).component")
        case .button(let button):
            button.customID.map { [("\(path).custom_id", $0)] } ?? []
        case .stringSelect(let select):
            [("\(path).custom_id", select.customID)]
        case .entitySelect(let select):
            [("\(path).custom_id", select.customID)]
        case .textInput(let input):
            [("\(path).custom_id", input.customID)]
        case .textDisplay, .unknown:
            []
        }
    }
}
