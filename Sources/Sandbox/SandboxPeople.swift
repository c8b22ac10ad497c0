public import DiscordSimulator

/// The simulated guild the sandbox seeds: three people, a moderator role, the panel-user role, a
/// notify channel, and four servers in the pool (three Paper, one Fabric: `SandboxSimulators`). Fixed ids so that a restart looks the same.
public enum SandboxPeople {
    public static let guildID = "1200000000000000001"
    public static let notifyChannelID = "1300000000000000001"
    /// BOARD_CHANNEL_ID: the live board, shown in the console's channel beside the notices.
    public static let boardChannelID = "1300000000000000002"
    public static let moderatorRoleID = "1400000000000000001"
    public static let panelUserRoleID = "1400000000000000002"
    public static let serverCount = 4

    /// A persona of the console: its key in the API, a label for people, and who Discord says it is.
    public struct Persona: Sendable {
        public let key: String
        public let label: String
        public let invoker: SimulatedInvoker
    }

    public static let member = Persona(key: "member", label: "Alice (member)",
                                       invoker: SimulatedInvoker(userID: "1500000000000000002", username: "alice",
                                                                 permissions: SimulatedInvoker.memberPermissions))
    public static let otherMember = Persona(key: "other", label: "Bob (another member)",
                                            invoker: SimulatedInvoker(userID: "1500000000000000003", username: "bob",
                                                                      permissions: SimulatedInvoker.memberPermissions))
    public static let moderator = Persona(key: "moderator", label: "Mod (moderator)",
                                          invoker: SimulatedInvoker(userID: "1500000000000000001", username: "mod", roleIDs: [moderatorRoleID],
                                                                    permissions: SimulatedInvoker.memberPermissions))
    public static let all = [member, otherMember, moderator]

    public static func persona(_ key: String) -> Persona? {
        all.first { $0.key == key }
    }

    /// The persona with this Discord user id.
    public static func persona(userID: String) -> Persona? {
        all.first { $0.invoker.userID == userID }
    }

    public static func serverIdentifier(_ number: Int) -> String { "5a00000\(number)" }
    public static func serverName(_ number: Int) -> String { "server0\(number)" }
}
