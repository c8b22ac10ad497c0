/// An interaction's `data`, decoded by the interaction's type.
public enum InteractionData: Sendable, Hashable {
    case applicationCommand(ApplicationCommandData)
    case messageComponent(MessageComponentData)
    case autocomplete(ApplicationCommandData)
    case modalSubmit(ModalSubmitData)
}
