import SimulatorSupport
/// Discord's JSON error codes the simulator answers with, with Discord's own messages
/// (docs/DISCORD.md#error-bodies).
enum DiscordErrorCode: Int {
    case general = 0
    case unknownApplication = 10002
    case unknownChannel = 10003
    case unknownGuild = 10004
    case unknownMember = 10007
    case unknownMessage = 10008
    case unknownRole = 10011
    case unknownWebhook = 10015
    case unknownInteraction = 10062
    case maxDailyCommandCreates = 30034
    case alreadyAcknowledged = 40060
    case missingAccess = 50001
    case cannotEditAnotherUsersMessage = 50005
    case cannotSendEmptyMessage = 50006
    case cannotSendToUser = 50007
    case missingPermissions = 50013
    case invalidWebhookToken = 50027
    case invalidRecipients = 50033
    case invalidFormBody = 50035
    case invalidJSON = 50109

    var message: String {
        switch self {
        case .general: "General error"
        case .unknownApplication: "Unknown Application"
        case .unknownChannel: "Unknown Channel"
        case .unknownGuild: "Unknown Guild"
        case .unknownMember: "Unknown Member"
        case .unknownMessage: "Unknown Message"
        case .unknownRole: "Unknown Role"
        case .unknownWebhook: "Unknown Webhook"
        case .unknownInteraction: "Unknown interaction"
        case .maxDailyCommandCreates: "Max number of daily application command creates has been reached (200)"
        case .alreadyAcknowledged: "Interaction has already been acknowledged."
        case .missingAccess: "Missing Access"
        case .cannotEditAnotherUsersMessage: "Cannot edit a message authored by another user"
        case .cannotSendEmptyMessage: "Cannot send an empty message"
        case .cannotSendToUser: "Cannot send messages to this user"
        case .missingPermissions: "Missing Permissions"
        case .invalidWebhookToken: "Invalid Webhook Token"
        case .invalidRecipients: "Invalid Recipient(s)"
        case .invalidFormBody: "Invalid Form Body"
        case .invalidJSON: "The request body contains invalid JSON."
        }
    }
}

extension SimulatedResponse {
    /// `{"message": ..., "code": ...}` with Discord's message for `code`.
    static func error(_ status: Int, _ code: DiscordErrorCode) -> SimulatedResponse {
        .json(status, ["message": .string(code.message), "code": .integer(Int64(code.rawValue))])
    }

    /// The bodies Discord's router gives with code 0: "401: Unauthorized", "404: Not Found", ...
    static func httpError(_ status: Int, _ phrase: String) -> SimulatedResponse {
        .json(status, ["message": .string("\(status): \(phrase)"), "code": 0])
    }

    /// 400 50035 with the error tree naming each bad field.
    static func invalidForm(_ errors: FormErrors) -> SimulatedResponse {
        .json(400, [
            "message": .string(DiscordErrorCode.invalidFormBody.message),
            "code": .integer(Int64(DiscordErrorCode.invalidFormBody.rawValue)),
            "errors": errors.tree,
        ])
    }
}
