import DiscordSimulator
import SimulatorSupport

/// One kind of INTERACTION_CREATE `d`, serialised once and cut where the per-interaction values go,
/// so that the driver sends each interaction by splicing strings into bytes instead of building a
/// `SimulatorJSON` and encoding it through Foundation each time: building and encoding were about a
/// third of the driver's own CPU per interaction. The template is the gateway simulator's own payload,
/// built with a marker in each slot, so the bytes are the ones `makeCommandInteraction` and its
/// siblings would give for the same values.
struct InteractionTemplate: Sendable {
    /// A value that changes per interaction.
    enum Slot: String, CaseIterable, Sendable {
        case id, token, userID, username, customID

        /// What stands in the template's slots: text no payload field otherwise contains.
        var marker: String { "@@benchmark-\(rawValue)@@" }
    }

    struct Values {
        var id: String
        var token: String
        var userID: String
        var username: String
        /// Only where the template has the slot (a modal submission).
        var customID = ""

        func value(_ slot: Slot) -> String {
            switch slot {
            case .id: id
            case .token: token
            case .userID: userID
            case .username: username
            case .customID: customID
            }
        }
    }

    let type: SimulatedInteractionType
    let channelID: String
    /// The bytes between slots: `pieces.count == slots.count + 1`.
    private let pieces: [[UInt8]]
    private let slots: [Slot]

    /// `interaction` must have been built with `Slot.marker`s for the values that vary.
    init(_ interaction: SimulatedInteraction) {
        type = interaction.type
        channelID = interaction.channelID
        let bytes = Array(interaction.payload.encoded())
        var pieces: [[UInt8]] = []
        var slots: [Slot] = []
        // The builder draws the interaction's own id and token, so those slots are found by value
        // (a snowflake and a random token occur nowhere else); the others by their markers.
        let markers = [(Slot.id, Array("\"\(interaction.id)\"".utf8)), (Slot.token, Array("\"\(interaction.token)\"".utf8))]
            + Slot.allCases.filter { $0 != .id && $0 != .token }.map { ($0, Array("\"\($0.marker)\"".utf8)) }
        var start = 0
        var index = 0
        while index < bytes.count {
            if let (slot, marker) = markers.first(where: { bytes[index...].starts(with: $0.1) }) {
                pieces.append(Array(bytes[start..<index]))
                slots.append(slot)
                index += marker.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(Array(bytes[start...]))
        self.pieces = pieces
        self.slots = slots
    }

    /// The payload with `values` in the slots, escaped as the simulator's encoder escapes them.
    func render(_ values: Values) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(64) { $0 + $1.count } + 32 * slots.count)
        for (index, slot) in slots.enumerated() {
            bytes += pieces[index]
            bytes.append(UInt8(ascii: "\""))
            Self.appendEscaped(values.value(slot), to: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes += pieces[slots.count]
        return bytes
    }

    /// The inside of a JSON string: as is when nothing needs escaping (ids, tokens, names, the
    /// bot's custom ids), otherwise through the simulator's encoder without its quotes.
    private static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        let utf8 = value.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            bytes += utf8
            return
        }
        let quoted = Array(SimulatorJSON.string(value).encoded())
        bytes += quoted.dropFirst().dropLast()
    }
}
