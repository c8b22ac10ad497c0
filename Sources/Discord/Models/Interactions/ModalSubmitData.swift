/// `data` of a modal submit interaction (type 5).
public struct ModalSubmitData: Sendable, Hashable, Codable {
    /// The `custom_id` the bot gave the modal.
    public var customID: String
    public var components: [SubmittedComponent]
    public var resolved: ResolvedData?

    public init(customID: String, components: [SubmittedComponent], resolved: ResolvedData? = nil) {
        self.customID = customID
        self.components = components
        self.resolved = resolved
    }

    /// The text typed into the text input with this `custom_id`, whether it sat in a Label or in a
    /// legacy Action Row; nil if there is no such text input.
    public func textInputValue(customID: String) -> String? {
        firstMatch { component in
            guard case .textInput(_, let id, let value) = component, id == customID else { return nil }
            return value
        }
    }

    /// The values chosen in the select (or file upload, checkbox group) with this `custom_id`.
    public func selectedValues(customID: String) -> [String]? {
        firstMatch { component in
            guard case .values(_, _, let id, let values) = component, id == customID else { return nil }
            return values
        }
    }

    /// The first answer `match` gives for a component at any depth, depth first, whichever shape
    /// (Action Row or Label) the modal used.
    private func firstMatch<Found>(_ match: (SubmittedComponent) -> Found?) -> Found? {
        for component in components {
            if let found = component.firstMatch(match) { return found }
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case components, resolved
        case customID = "custom_id"
    }
}
