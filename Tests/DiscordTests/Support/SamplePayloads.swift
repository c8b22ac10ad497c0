import Foundation
import Discord

/// Outgoing bodies the bot builds, each valid by Discord's limits; shared by the round-trip and the
/// spec-conformance tests.
enum SamplePayloads {
    static let embed = Embed(
        title: "貸し出し申請", description: "Server **Survival** requested for 7 days.", url: "https://example.com/requests/42",
        color: 0x5865F2, timestamp: Date(timeIntervalSince1970: 1_714_564_800),
        fields: [EmbedField(name: "Applicant", value: "<@300000000000000001>", isInline: true),
                 EmbedField(name: "Period", value: "7 days", isInline: true)],
        footer: EmbedFooter(text: "Request #42"), author: EmbedAuthor(name: "lending-bot", iconURL: "https://example.com/bot.png"))

    static let approvalRow = Component.actionRow(ActionRow([
        .button(Button(style: .success, label: "Approve", customID: "approve:42", emoji: .unicode("✅"))),
        .button(Button(style: .danger, label: "Reject", customID: "reject:42")),
        .button(Button(style: .link, label: "Details", url: "https://example.com/requests/42")),
    ]))

    static let serverSelectRow = Component.actionRow(ActionRow([
        .stringSelect(StringSelect(customID: "pick-server", options: [
            SelectOption(label: "Survival", value: "srv-1", description: "1.20.4", isDefault: true),
            SelectOption(label: "Creative", value: "srv-2", emoji: .unicode("🎨")),
        ], placeholder: "Server", minValues: 1, maxValues: 1)),
    ]))

    static let userSelectRow = Component.actionRow(ActionRow([
        .entitySelect(EntitySelect(.user, customID: "pick-user", placeholder: "Who?", maxValues: 3,
                                   defaultValues: [.user(300_000_000_000_000_001)])),
    ]))

    static let message = MessageCreate(
        content: "New request from <@300000000000000001>", embeds: [embed], components: [approvalRow, serverSelectRow, userSelectRow],
        allowedMentions: AllowedMentions(users: [300_000_000_000_000_001]))

    static let ephemeralReply = MessageCreate(content: "Only you can see this.", allowedMentions: .nobody, flags: .ephemeral)

    static let edit = MessageEdit(content: "Approved ✅", embeds: [embed], components: [], allowedMentions: .nobody)

    static let labelModal = Modal(customID: "request-form", title: "サーバー貸し出し申請", components: [
        .textDisplay(TextDisplay(content: "Tell us about your event.")),
        .label(Label(label: "Purpose", description: "What is the server for?", component:
            .textInput(TextInput(customID: "purpose", style: .paragraph, placeholder: "Weekend event", minLength: 10, maxLength: 1000)))),
        .label(Label(label: "Plan", component: .stringSelect(StringSelect(customID: "plan", options: [
            SelectOption(label: "Small", value: "small"), SelectOption(label: "Large", value: "large"),
        ])))),
        .label(Label(label: "Co-host", component: .entitySelect(EntitySelect(.user, customID: "co-host", isRequired: false)))),
    ])

    static let legacyModal = Modal(customID: "legacy-form", title: "Request", components: [
        .actionRow(ActionRow([.textInput(TextInput(customID: "purpose", style: .short, label: "Purpose", value: "event", isRequired: true))])),
    ])

    static let callbacks: [(name: String, callback: InteractionCallback)] = [
        ("pong", .pong),
        ("message", .channelMessage(message)),
        ("ephemeral message", .channelMessage(ephemeralReply)),
        ("deferred", .deferredChannelMessage(flags: nil)),
        ("deferred ephemeral", .deferredChannelMessage(flags: .ephemeral)),
        ("deferred update", .deferredUpdateMessage),
        ("update message", .updateMessage(edit)),
        ("autocomplete string", .autocompleteResult([CommandOptionChoice(name: "Survival", nameLocalizations: [.japanese: "サバイバル"], value: "srv-1")])),
        ("autocomplete integer", .autocompleteResult([CommandOptionChoice(name: "7 days", value: .integer(7))])),
        ("label modal", .modal(labelModal)),
        ("legacy modal", .modal(legacyModal)),
    ]

    static let commands: [ApplicationCommand] = [
        ApplicationCommand(
            name: "server", nameLocalizations: [.japanese: "サーバー", .englishUS: "server"],
            description: "Borrow a game server", descriptionLocalizations: [.japanese: "ゲームサーバーを借りる", .englishUS: "Borrow a game server"],
            options: [
                CommandOption(type: .subcommandGroup, name: "loan", description: "Loans", options: [
                    CommandOption(type: .subcommand, name: "extend", nameLocalizations: [.japanese: "延長"], description: "Extend a loan", options: [
                        CommandOption(type: .integer, name: "days", description: "Days to add", isRequired: true, minValue: .integer(1), maxValue: .integer(30)),
                        CommandOption(type: .string, name: "reason", description: "Why", minLength: 1, maxLength: 200),
                        CommandOption(type: .string, name: "plan", description: "Plan", choices: [
                            CommandOptionChoice(name: "Small", nameLocalizations: [.japanese: "小"], value: "small"),
                            CommandOptionChoice(name: "Large", value: "large"),
                        ]),
                        CommandOption(type: .user, name: "member", description: "Whose loan"),
                        CommandOption(type: .channel, name: "channel", description: "Where to announce", channelTypes: [0, 5]),
                        CommandOption(type: .role, name: "role", description: "Role"),
                        CommandOption(type: .mentionable, name: "who", description: "Mention"),
                        CommandOption(type: .number, name: "ratio", description: "Ratio", minValue: .number(0.25), maxValue: .number(1.5)),
                        CommandOption(type: .boolean, name: "notify", description: "Notify"),
                        CommandOption(type: .attachment, name: "proof", description: "Proof"),
                    ]),
                ]),
                CommandOption(type: .subcommand, name: "status", description: "Show your loans", options: [
                    CommandOption(type: .string, name: "server", description: "Server", hasAutocomplete: true),
                ]),
            ],
            defaultMemberPermissions: [], contexts: [.guild], integrationTypes: [0]),
        ApplicationCommand(name: "approve", description: "Approve a request", options: [
            CommandOption(type: .user, name: "user", description: "Applicant", isRequired: true),
        ], defaultMemberPermissions: .manageRoles, contexts: [.guild, .botDM]),
        ApplicationCommand(name: "Lend Server", type: .user, contexts: [.guild]),
    ]
}
