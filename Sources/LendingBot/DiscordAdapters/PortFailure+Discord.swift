import Discord
import Lending

extension PortFailure {
    /// Turns a Discord client error into what the task runner acts on.
    ///
    /// Transient, worth retrying: 429 and paused requests, 5xx, transport failures, an unreadable
    /// answer. Permanent, waiting for a person: a member who accepts no direct messages (50007,
    /// 50278), a missing permission (50013), an unknown channel, member or role, a refused token,
    /// and a message Discord would refuse. `subject` names who or what the call was about in the
    /// moderators' words ("<@123>", "the notify channel").
    init(discord error: DiscordError, sending subject: String) {
        switch error.kind {
        case .rateLimited, .paused, .server, .transport, .invalidResponse:
            self = .transient("Discord could not be reached for \(subject) (\(Self.reason(error)))")
        case .unauthorized:
            self = .permanent("Discord refused the bot's token (DISCORD_TOKEN)")
        case .invalidPayload(let problem):
            self = .permanent("the bot built a message for \(subject) that Discord would refuse (\(problem.field))")
        case .rejected(let status):
            switch error.code {
            case .cannotSendMessagesToUser?, .noMutualGuilds?:
                self = .permanent("\(subject) does not accept direct messages from the bot")
            case .missingPermissions?:
                self = .permanent("the bot lacks a Discord permission for \(subject) (Send Messages, Embed Links or Manage Roles, and its role must be above the panel-user role)")
            default:
                self = .permanent("Discord refused the request for \(subject) with \(status)\(error.code.map { " (code \($0))" } ?? "")")
            }
        }
    }

    private static func reason(_ error: DiscordError) -> String {
        switch error.kind {
        case .rateLimited: "rate limited"
        case .paused: "requests paused"
        case .server(let status): "status \(status)"
        case .transport(let reason): reason
        default: "unreadable answer"
        }
    }
}
