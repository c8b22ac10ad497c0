public import Discord

/// The two slash commands, as registered in the guild at start-up.
///
/// Command, group and subcommand names are the same in every language, so that help texts and
/// notices can name them (`/mcserver reset-password`); descriptions, parameter names and choices
/// are localised in Japanese and English (`en-US`, which Discord also shows for `en-GB`). Both
/// commands exist only in the guild (`contexts: [0]`). `/mcserver-admin` is hidden from members
/// who lack Manage Guild until a server admin grants it to a moderator role; the router checks
/// moderator rights on every use anyway.
public enum CommandDefinitions {
    public static var all: [ApplicationCommand] { [member, admin] }

    /// `/mcserver`: what members do with their own requests and loans.
    public static var member: ApplicationCommand {
        let extendID: CommandOption = loanID(Text("延長する貸出（省略時は自分の貸出）", "The loan to extend (default: yours)"), required: false)
        let returnID: CommandOption = loanID(Text("返却する貸出（省略時は自分の貸出）", "The loan to return (default: yours)"), required: false)
        let subcommands: [CommandOption] = [
            subcommand("checkout", Text("サーバーの貸出を申請する", "Request a server for an event")),
            subcommand("reset-password", Text("パネルのパスワードを再発行する（本人にだけ表示）", "Get a new panel password (shown only to you)")),
            subcommand("extend", Text("自分の貸出を延長する", "Extend your loan"), [extendID]),
            subcommand("return", Text("自分の貸出を返却する", "Return your loan"), [returnID]),
        ]
        return command(CommandNames.member, Text("Minecraft サーバーの貸出", "Borrow a Minecraft server"), permissions: nil, options: subcommands)
    }

    /// `/mcserver-admin`: the moderators' workflow, loans and server pool.
    public static var admin: ApplicationCommand {
        let groups: [CommandOption] = [workflowGroup, checkoutGroup, serverBindingGroup, serverGroup]
        return command(CommandNames.admin, Text("サーバー貸出の管理（モデレーター用）", "Manage server lending (moderators)"),
                       permissions: .manageGuild, options: groups)
    }

    static var workflowGroup: CommandOption {
        let statuses: [CommandOptionChoice] = [
            choice("PENDING", Text("審査中", "Pending")), choice("ACTIVE", Text("貸出中", "Active")),
            choice("REJECTED", Text("却下", "Rejected")), choice("RETURNED", Text("返却済み", "Returned")),
        ]
        let status: CommandOption = parameter(.string, "status", Text("状態", "status"),
                                              Text("表示する申請の状態（省略時は審査中）", "Which requests to show (default: pending)"),
                                              required: false, choices: statuses)
        let reason: CommandOption = parameter(.string, "reason", Text("理由", "reason"), Text("却下の理由（申請者に伝わります）", "Why, for the applicant"),
                                              required: false, length: 1...500)
        let approveServer: CommandOption = serverAlias(Text("貸し出すサーバー（省略時は空いているサーバー）", "The server to lend (default: the first free one)"),
                                                       required: false)
        let subcommands: [CommandOption] = [
            subcommand("list", Text("申請を一覧する", "List requests"), [status]),
            subcommand("approve", Text("申請を承認してサーバーを貸し出す", "Approve a request and lend a server"),
                       [requestID(Text("承認する申請", "The request to approve")), approveServer]),
            subcommand("reject", Text("申請を却下する", "Reject a request"), [requestID(Text("却下する申請", "The request to reject")), reason]),
            subcommand("edit", Text("申請の内容を編集する", "Edit a request"), [requestID(Text("編集する申請", "The request to edit"))]),
        ]
        return group("workflow", Text("貸出申請", "Requests"), subcommands)
    }

    static var checkoutGroup: CommandOption {
        let date: CommandOption = parameter(.string, "date", Text("日付", "date"), Text("新しい期限（2026-12-24、12/24、12月24日）", "The new end date: 2026-12-24, 12/24 or 12月24日"),
                                            required: true, length: 3...12)
        let subcommands: [CommandOption] = [
            subcommand("list", Text("貸出中のサーバーを一覧する", "List active loans")),
            subcommand("extend", Text("貸出の期限を変更する", "Change a loan's end date"),
                       [loanID(Text("期限を変更する貸出", "The loan to change"), required: true), date]),
            subcommand("return", Text("貸出を返却させる", "Return a loan"), [loanID(Text("返却する貸出", "The loan to return"), required: true)]),
        ]
        return group("checkout", Text("貸出中のサーバー", "Loans"), subcommands)
    }

    static var serverBindingGroup: CommandOption {
        let name: CommandOption = parameter(.string, "name", Text("名前", "name"), Text("サーバーの名前（例: server01）", "The server's name, e.g. server01"),
                                            required: true, length: 1...32)
        let pteroID: CommandOption = parameter(.string, "ptero-id", Text("パネルid", "ptero-id"),
                                               Text("パネルのサーバーID（8文字）", "The panel's 8-character server id"), required: true, length: 8...8)
        let unsetName: CommandOption = serverAlias(Text("登録を外すサーバー", "The server to remove"), required: true, name: "name", nameInJapanese: "名前")
        let subcommands: [CommandOption] = [
            subcommand("list", Text("登録済みのサーバーを一覧する", "List the servers in the pool")),
            subcommand("set", Text("サーバーを登録・変更する", "Add or change a server"), [name, pteroID]),
            subcommand("unset", Text("サーバーの登録を外す", "Remove a server from the pool"), [unsetName]),
        ]
        return group("server-binding", Text("貸出用サーバーの登録", "The server pool"), subcommands)
    }

    static var serverGroup: CommandOption {
        let server: CommandOption = serverAlias(Text("状態を見るサーバー", "The server to look at"), required: true)
        let subcommands: [CommandOption] = [subcommand("status", Text("サーバーの状態を見る", "Show a server's state"), [server])]
        return group("server", Text("パネル上のサーバー", "Servers on the panel"), subcommands)
    }

    // MARK: Building blocks

    /// A text in both languages; the English one is also the default Discord shows elsewhere.
    struct Text {
        let japanese: String
        let english: String

        init(_ japanese: String, _ english: String) {
            self.japanese = japanese
            self.english = english
        }
    }

    static func localized(_ text: Text) -> [DiscordLocale: String] {
        [.japanese: text.japanese, .englishUS: text.english]
    }

    static func command(_ name: String, _ description: Text, permissions: Permissions?, options: [CommandOption]) -> ApplicationCommand {
        ApplicationCommand(name: name, description: description.english, descriptionLocalizations: localized(description), type: .chatInput,
                           options: options, defaultMemberPermissions: permissions, contexts: [.guild], integrationTypes: [0])
    }

    static func group(_ name: String, _ description: Text, _ subcommands: [CommandOption]) -> CommandOption {
        CommandOption(type: .subcommandGroup, name: name, description: description.english, descriptionLocalizations: localized(description),
                      options: subcommands)
    }

    static func subcommand(_ name: String, _ description: Text, _ options: [CommandOption]? = nil) -> CommandOption {
        CommandOption(type: .subcommand, name: name, description: description.english, descriptionLocalizations: localized(description),
                      options: options)
    }

    /// A plain parameter (not autocompleted); `length` bounds a string's length.
    static func parameter(_ type: CommandOptionType, _ name: String, _ localizedName: Text, _ description: Text, required: Bool,
                          choices: [CommandOptionChoice]? = nil, length: ClosedRange<Int>? = nil) -> CommandOption {
        CommandOption(type: type, name: name, nameLocalizations: localized(localizedName), description: description.english,
                      descriptionLocalizations: localized(description), isRequired: required, choices: choices,
                      minLength: length?.lowerBound, maxLength: length?.upperBound)
    }

    static func choice(_ value: String, _ name: Text) -> CommandOptionChoice {
        CommandOptionChoice(name: name.english, nameLocalizations: localized(name), value: value)
    }

    /// `id` of a request (any status); suggestions come from autocomplete.
    static func requestID(_ description: Text) -> CommandOption {
        CommandOption(type: .integer, name: "id", nameLocalizations: localized(Text("番号", "id")), description: description.english,
                      descriptionLocalizations: localized(description), isRequired: true, minValue: .integer(1), hasAutocomplete: true)
    }

    /// `id` of a loan; suggestions come from autocomplete.
    static func loanID(_ description: Text, required: Bool) -> CommandOption {
        CommandOption(type: .integer, name: "id", nameLocalizations: localized(Text("番号", "id")), description: description.english,
                      descriptionLocalizations: localized(description), isRequired: required, minValue: .integer(1), hasAutocomplete: true)
    }

    /// A server alias (`ServerBinding.name`); suggestions come from autocomplete.
    static func serverAlias(_ description: Text, required: Bool, name: String = "server", nameInJapanese: String = "サーバー") -> CommandOption {
        CommandOption(type: .string, name: name, nameLocalizations: localized(Text(nameInJapanese, name)), description: description.english,
                      descriptionLocalizations: localized(description), isRequired: required, maxLength: 32, hasAutocomplete: true)
    }
}
