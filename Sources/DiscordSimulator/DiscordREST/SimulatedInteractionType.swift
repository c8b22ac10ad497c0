/// Interaction types as they arrive in INTERACTION_CREATE (`type`, received only). The wire value is
/// the raw value; which callback types each one accepts is `acceptsCallback(_:)`.
public enum SimulatedInteractionType: Int, Sendable, Hashable {
    /// 1: only for HTTP-endpoint bots; answered with PONG.
    case ping = 1
    /// 2: a slash, user or message command.
    case applicationCommand = 2
    /// 3: a button or select on a message.
    case messageComponent = 3
    /// 4: the user is typing an option with `autocomplete`; only callback 8 is valid.
    case autocomplete = 4
    /// 5: a modal was submitted; it cannot be answered with another modal.
    case modalSubmit = 5

    /// Discord's rules (docs/DISCORD.md#interactions): 1 only to PING, 4/5 to anything
    /// a user triggered, 6/7 only to components, 8 only to autocomplete, 9 not to a modal submit.
    func acceptsCallback(_ callbackType: Int) -> Bool {
        switch (self, callbackType) {
        case (.ping, 1): true
        case (.ping, _): false
        case (.autocomplete, 8): true
        case (.autocomplete, _), (_, 8): false
        case (_, 1): false
        case (_, 4), (_, 5): true
        case (.messageComponent, 6), (.messageComponent, 7): true
        case (_, 6), (_, 7): false
        case (.modalSubmit, 9): false
        case (_, 9): true
        default: false
        }
    }
}
