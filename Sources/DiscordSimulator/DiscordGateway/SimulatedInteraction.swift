public import SimulatorSupport
/// An INTERACTION_CREATE payload built by the simulator, with the id and token the bot will use
/// to answer it over REST.
public struct SimulatedInteraction: Sendable, Equatable {
    public let id: String
    public let token: String
    public let type: SimulatedInteractionType
    public let channelID: String
    /// The dispatch's `d`, shaped as docs/DISCORD.md#interactions describes.
    public let payload: SimulatorJSON
}
