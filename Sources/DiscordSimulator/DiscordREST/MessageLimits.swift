import SimulatorSupport
/// Discord's limits on a message body (create, follow-up, edit, callback 4/7 data), checked the way
/// Discord checks them: every violation is collected and answered as one 50035 whose error tree names
/// the field. Lengths count Unicode scalars, as Discord does (docs/DISCORD.md#content-limits), not Swift characters.
/// Numbers from Discord's documentation of messages and components.
enum MessageLimits {
    static let content = 2000
    /// A string `nonce` (SPEC `MessageCreateRequest`).
    static let nonce = 25
    static let embeds = 10
    static let embedTitle = 256
    static let embedDescription = 4096
    static let embedFields = 25
    static let embedFieldName = 256
    static let embedFieldValue = 1024
    static let embedFooterText = 2048
    static let embedAuthorName = 256
    static let embedTotal = 6000
    static let actionRows = 5
    static let componentsPerRow = 5
    static let customID = 1...100
    static let buttonLabel = 80
    static let selectOptions = 25
    static let componentsV2Total = 40
    /// The text of every text display (type 10) of a components-v2 message, together.
    static let componentsV2Text = 4000
    /// `flags` bit that switches a message to components v2 (no content, no embeds, 40 components).
    static let isComponentsV2 = 1 << 15

    /// Checks `message`, reporting paths under `prefix` (`["data"]` inside an interaction callback).
    static func validate(_ message: SimulatorJSON, at prefix: [String] = [], into errors: inout FormErrors) {
        guard case .object = message else {
            errors.add(prefix, code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType")
            return
        }
        if let content = message["content"], !content.isNull {
            if let text = content.stringValue {
                if text.unicodeScalars.count > Self.content { errors.tooLong(prefix + ["content"], limit: Self.content) }
            } else {
                errors.wrongType(prefix + ["content"], expected: "string")
            }
        }
        if let nonce = message["nonce"], !nonce.isNull {
            if let text = nonce.stringValue {
                if text.unicodeScalars.count > Self.nonce { errors.tooLong(prefix + ["nonce"], limit: Self.nonce) }
            } else if nonce.intValue == nil {
                errors.wrongType(prefix + ["nonce"], expected: "string or integer")
            }
        }
        if let embeds = message["embeds"], !embeds.isNull {
            validateEmbeds(embeds, at: prefix + ["embeds"], into: &errors)
        }
        let isV2 = ((message["flags"]?.intValue ?? 0) & isComponentsV2) != 0
        if let components = message["components"], !components.isNull {
            validateComponents(components, isV2: isV2, at: prefix + ["components"], into: &errors)
        }
        if isV2, let content = message["content"]?.stringValue, !content.isEmpty {
            errors.add(prefix + ["content"], code: "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                       message: "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2")
        }
        if isV2, message["embeds"]?.arrayValue?.isEmpty == false {
            errors.add(prefix + ["embeds"], code: "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
                       message: "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2")
        }
    }

    /// Discord's 50006: a new message needs at least one of these.
    static func isEmpty(_ message: SimulatorJSON) -> Bool {
        let content = message["content"]?.stringValue ?? ""
        let nonEmptyLists = ["embeds", "components", "sticker_ids", "attachments"].contains { (message[$0]?.arrayValue?.isEmpty == false) }
        return content.isEmpty && !nonEmptyLists && (message["poll"] ?? .null).isNull
    }

    private static func validateEmbeds(_ embeds: SimulatorJSON, at path: [String], into errors: inout FormErrors) {
        guard let list = embeds.arrayValue else { return errors.wrongType(path, expected: "list") }
        if list.count > Self.embeds { errors.tooLong(path, limit: Self.embeds) }
        var total = 0
        for (index, embed) in list.enumerated() {
            let here = path + [String(index)]
            total += checkText(embed["title"], limit: embedTitle, at: here + ["title"], into: &errors)
            total += checkText(embed["description"], limit: embedDescription, at: here + ["description"], into: &errors)
            total += checkText(embed["footer"]?["text"], limit: embedFooterText, at: here + ["footer", "text"], into: &errors)
            total += checkText(embed["author"]?["name"], limit: embedAuthorName, at: here + ["author", "name"], into: &errors)
            guard let fields = embed["fields"]?.arrayValue else { continue }
            if fields.count > embedFields { errors.tooLong(here + ["fields"], limit: embedFields) }
            for (fieldIndex, field) in fields.enumerated() {
                let fieldPath = here + ["fields", String(fieldIndex)]
                if field["name"] == nil { errors.required(fieldPath + ["name"]) }
                if field["value"] == nil { errors.required(fieldPath + ["value"]) }
                total += checkText(field["name"], limit: embedFieldName, at: fieldPath + ["name"], into: &errors)
                total += checkText(field["value"], limit: embedFieldValue, at: fieldPath + ["value"], into: &errors)
            }
        }
        if total > embedTotal {
            errors.add(path, code: "MAX_EMBED_SIZE_EXCEEDED", message: "Embed size exceeds maximum size of \(embedTotal)")
        }
    }

    /// Reports a too-long string and returns its length for the 6000-character embed total.
    private static func checkText(_ value: SimulatorJSON?, limit: Int, at path: [String], into errors: inout FormErrors) -> Int {
        guard let value, !value.isNull else { return 0 }
        guard let text = value.stringValue else {
            errors.wrongType(path, expected: "string")
            return 0
        }
        let length = text.unicodeScalars.count
        if length > limit { errors.tooLong(path, limit: limit) }
        return length
    }

    private static func validateComponents(_ components: SimulatorJSON, isV2: Bool, at path: [String], into errors: inout FormErrors) {
        guard let rows = components.arrayValue else { return errors.wrongType(path, expected: "list") }
        var customIDs = Set<String>()
        if isV2 {
            if countComponents(rows) > componentsV2Total { errors.tooLong(path, limit: componentsV2Total) }
            if displayedText(rows) > componentsV2Text { errors.tooLong(path, limit: componentsV2Text) }
        } else if rows.count > actionRows {
            errors.tooLong(path, limit: actionRows)
        }
        for (index, row) in rows.enumerated() {
            let rowPath = path + [String(index)]
            guard let children = row["components"]?.arrayValue else {
                checkInteractive(row, at: rowPath, customIDs: &customIDs, into: &errors)
                continue
            }
            if children.count > componentsPerRow { errors.tooLong(rowPath + ["components"], limit: componentsPerRow) }
            for (childIndex, child) in children.enumerated() {
                checkInteractive(child, at: rowPath + ["components", String(childIndex)], customIDs: &customIDs, into: &errors)
            }
        }
    }

    /// The characters of every text display in the tree, counted as Discord counts (Unicode scalars).
    private static func displayedText(_ components: [SimulatorJSON]) -> Int {
        components.reduce(0) { total, component in
            let own = component["type"]?.intValue == 10 ? (component["content"]?.stringValue?.unicodeScalars.count ?? 0) : 0
            return total + own + displayedText(component["components"]?.arrayValue ?? [])
                + (component["component"].map { displayedText([$0]) } ?? 0)
                + (component["accessory"].map { displayedText([$0]) } ?? 0)
        }
    }

    private static func countComponents(_ components: [SimulatorJSON]) -> Int {
        components.reduce(0) { count, component in
            count + 1 + countComponents(component["components"]?.arrayValue ?? [])
                + (component["component"].map { countComponents([$0]) } ?? 0)
                + (component["accessory"].map { countComponents([$0]) } ?? 0)
        }
    }

    /// Buttons (type 2) and selects (types 3, 5–8): `custom_id` 1–100 and unique in the message;
    /// link buttons (style 5) and premium buttons (style 6) have none.
    private static func checkInteractive(_ component: SimulatorJSON, at path: [String], customIDs: inout Set<String>, into errors: inout FormErrors) {
        let type = component["type"]?.intValue ?? 0
        let style = component["style"]?.intValue ?? 0
        let needsCustomID = (type == 2 && style != 5 && style != 6) || [3, 5, 6, 7, 8].contains(type)
        if type == 2, let label = component["label"]?.stringValue, label.unicodeScalars.count > buttonLabel {
            errors.tooLong(path + ["label"], limit: buttonLabel)
        }
        if type == 3, let options = component["options"]?.arrayValue, options.count > selectOptions {
            errors.tooLong(path + ["options"], limit: selectOptions)
        }
        guard needsCustomID else { return }
        guard let customID = component["custom_id"]?.stringValue else { return errors.required(path + ["custom_id"]) }
        if !Self.customID.contains(customID.unicodeScalars.count) { errors.badLength(path + ["custom_id"], range: Self.customID) }
        if !customIDs.insert(customID).inserted {
            errors.add(path + ["custom_id"], code: "COMPONENT_CUSTOM_ID_DUPLICATED", message: "Component custom id cannot be duplicated")
        }
    }
}
