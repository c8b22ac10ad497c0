/// Per-component limits (Discord's documentation, "Component Reference"). Where a component may appear (message
/// or modal) is left to the message and modal validators.
extension Component: Validatable {
    public func validationErrors(at path: String) -> [ValidationError] {
        var validator = Validator(path: path)
        switch self {
        case .actionRow(let row):
            validator.actionRow(row)
        case .button(let button):
            validator.button(button)
        case .stringSelect(let select):
            validator.customID(select.customID)
            validator.count(select.options.count, at: "options", minimum: .selectOptionsMinimum, maximum: .selectOptions)
            for (index, option) in select.options.enumerated() {
                validator.length(of: option.label, at: "options.\(index).label", maximum: .selectOptionLabel)
                validator.length(of: option.value, at: "options.\(index).value", maximum: .selectOptionValue)
                validator.length(of: option.description, at: "options.\(index).description", maximum: .selectOptionDescription)
            }
            validator.selectBounds(placeholder: select.placeholder, minValues: select.minValues, maxValues: select.maxValues)
        case .entitySelect(let select):
            validator.customID(select.customID)
            validator.selectBounds(placeholder: select.placeholder, minValues: select.minValues, maxValues: select.maxValues)
            validator.count(select.defaultValues?.count, at: "default_values", maximum: .selectDefaultValues)
        case .textInput(let input):
            validator.customID(input.customID)
            validator.length(of: input.label, at: "label", maximum: .textInputLabel)
            validator.length(of: input.value, at: "value", maximum: .textInputValue)
            validator.length(of: input.placeholder, at: "placeholder", maximum: .textInputPlaceholder)
            validator.range(input.minLength, at: "min_length", maximum: .textInputLength)
            validator.range(input.maxLength, at: "max_length", minimum: 1, minimumLimit: .textInputMaxLengthMinimum, maximum: .textInputLength)
        case .label(let label):
            validator.length(of: label.label, at: "label", minimum: .labelTextMinimum, maximum: .labelText)
            validator.length(of: label.description, at: "description", maximum: .labelDescription)
            validator.include(label.component, at: "component")
        case .textDisplay, .unknown:
            break
        }
        return validator.errors
    }
}

extension Validator {
    /// Up to five buttons, or exactly one select.
    mutating func actionRow(_ row: ActionRow) {
        let selects = row.components.filter {
            if case .stringSelect = $0 { true } else if case .entitySelect = $0 { true } else { false }
        }
        if selects.isEmpty {
            count(row.components.count, at: "components", minimum: Limit(name: "action row components minimum", value: 1),
                  maximum: .buttonsPerActionRow)
        } else if row.components.count > 1 {
            fail(.tooMany(.selectsPerActionRow, actual: row.components.count), at: "components")
        }
        include(row.components, at: "components")
    }

    /// A link button has a `url` and no `custom_id`; a premium button has neither; the other styles
    /// need a `custom_id` and no `url`.
    mutating func button(_ button: Button) {
        length(of: button.label, at: "label", maximum: .buttonLabel)
        switch button.style {
        case .link:
            if button.url == nil { fail(.missing, at: "url") }
            if button.customID != nil { fail(.notAllowed, at: "custom_id") }
            length(of: button.url, at: "url", maximum: .buttonURL)
        case .premium:
            break
        default:
            if button.customID == nil { fail(.missing, at: "custom_id") }
            if button.url != nil { fail(.notAllowed, at: "url") }
            customID(button.customID)
        }
    }

    mutating func selectBounds(placeholder: String?, minValues: Int?, maxValues: Int?) {
        length(of: placeholder, at: "placeholder", maximum: .selectPlaceholder)
        range(minValues, at: "min_values", maximum: .selectValues)
        range(maxValues, at: "max_values", minimum: 1, minimumLimit: .selectMaxValuesMinimum, maximum: .selectValues)
    }
}
