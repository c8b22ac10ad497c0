import Discord
import Foundation
@testable import Lending
@testable import LendingBot
import Testing

/// The compiler already checks that every catalogue has every text; these check what it cannot:
/// which locale gets which catalogue, that no text is left blank, and that the sentences whose
/// languages are built differently (plurals, word order, separators) still read as they did.
@Suite("Catalogues of texts")
struct CatalogueTests {
    static let ja = Language.japanese.strings
    static let en = Language.english.strings

    static let loan = LoanSummary(workflowId: 7, description: "Summer build contest", organizerDiscordId: "100", panelUserDiscordIds: ["200"],
                                  serverAlias: "srv1", connectionAddress: "mc.example.org:25565",
                                  startDate: Date(timeIntervalSince1970: 1_790_000_000), endDate: Date(timeIntervalSince1970: 1_800_000_000))

    /// Every English text of the registered commands that Discord shows translated: descriptions,
    /// and the names and choices that carry localizations.
    static func commandTexts() -> Set<String> {
        var texts = Set<String>()
        func walk(_ options: [CommandOption]) {
            for option in options {
                texts.insert(option.description)
                if option.nameLocalizations != nil { texts.insert(option.name) }
                for choice in option.choices ?? [] where choice.nameLocalizations != nil { texts.insert(choice.name) }
                walk(option.options ?? [])
            }
        }
        for command in CommandDefinitions.all {
            if let description = command.description { texts.insert(description) }
            walk(command.options ?? [])
        }
        return texts
    }

    @Test("every language but English translates every command text, and keeps no translation of a text no command has")
    func commandTranslations() {
        let texts = Self.commandTexts()
        #expect(texts.count > 50, "the walk found the commands' texts: \(texts.count)")
        for language in Language.allCases where language != .english {
            let table = language.strings.commandTexts
            #expect(texts.subtracting(table.keys).sorted() == [], "\(language) lacks these")
            #expect(Set(table.keys).subtracting(texts).sorted() == [], "\(language) translates what no command says")
            #expect(table.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        }
        #expect(Language.english.strings.commandTexts.isEmpty, "English is the texts themselves")
        let checkout = CommandDefinitions.all.first { $0.name == CommandNames.member }
        #expect(checkout?.descriptionLocalizations?[.japanese] == "Minecraft サーバーの貸出")
        #expect(checkout?.descriptionLocalizations?[.englishUS] == "Borrow a Minecraft server")
    }

    @Test("a locale picks the language whose code it is or begins; any other locale, or none, gets English")
    func locales() {
        #expect(Language(.japanese) == .japanese)
        #expect(Language(.englishUS) == .english)
        #expect(Language(.englishGB) == .english)
        #expect(Language(DiscordLocale(rawValue: "fr")) == .english)
        #expect(Language(DiscordLocale(rawValue: "jam")) == .english, "a code only begins a locale up to its dash")
        #expect(Language(nil) == .english)
    }

    @Test("every language's catalogue says it is that language", arguments: Language.allCases)
    func catalogueOfEachLanguage(_ language: Language) {
        #expect(language.strings.language == language)
    }

    /// Every text without arguments, so a new language cannot leave one blank unnoticed.
    static let plainTexts: [any KeyPath<Strings, String> & Sendable] = [
        \.statusOption, \.statusOptionRule, \.previousPage, \.nextPage, \.usernameHint, \.usernamesRetry, \.continueButton,
        \.rejectReasonLabel, \.rejectReasonHint, \.reasonRule, \.periodFixedWhileActive, \.boardTitle, \.boardNoActive,
        \.boardNoPending, \.boardFreeHeading, \.boardNoFree, \.boardRequestButton, \.boardMineButton, \.boardReviewButton,
        \.checkoutFormTitle, \.checkoutPurposeLabel, \.checkoutPanelUsersHint, \.chooseOneMember, \.botsCannotBeChosen,
        \.versionHint, \.onlyInGuild, \.moderatorsOnly, \.unknownAction, \.somethingWentWrong, \.embedStatus, \.embedVersion,
        \.embedServer, \.embedPeriod, \.embedNoPanelAccount, \.noActiveLoans, \.loansPagePrevious, \.loansPageNext,
        \.ganttToday, \.loanIDMissing, \.dateOptionName, \.dateFormatRule, \.noSuchDay, \.noBindings, \.bindingFree,
        \.aliasRule, \.panelIdentifierRule, \.statusPower, \.statusCPU, \.statusMemory, \.statusDisk, \.statusUptime,
        \.statusAddress, \.statusLoan, \.statusNoAddress, \.statusSuspended, \.statusInstalling, \.resetPasswordNoAccount,
        \.resetPasswordAdministrator, \.resetPasswordTryLater, \.resetPasswordAskModerator, \.noOwnActiveLoan,
        \.extendPickPlaceholder, \.returnPickPrompt, \.returnPickPlaceholder, \.returnConfirmLabel, \.extendButton,
        \.approveButton, \.rejectButton, \.retryButton, \.noOwnPendingRequest, \.withdrawPickPrompt, \.withdrawPickPlaceholder,
        \.withdrawConfirmLabel, \.mineNothing, \.mineTitle, \.helpTitle, \.helpIntro, \.helpMemberCommands,
        \.helpModeratorCommands, \.powerStateUnknown, \.whitelistNeedsPlayer, \.noWhitelistableLoan,
    ]

    @Test("no text of any language is blank", arguments: Language.allCases)
    func noBlankText(_ language: Language) {
        let strings = language.strings
        for text in Self.plainTexts {
            #expect(!strings[keyPath: text].trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(text)")
        }
        #expect(!strings.daysLeft(3).isEmpty && !strings.status(.pending).isEmpty && !strings.fieldName("organizer").isEmpty)
    }

    @Test("English counts in the singular and plural, Japanese has one form")
    func plurals() {
        #expect(Self.en.daysLeft(1) == "1 day left" && Self.en.daysLeft(3) == "3 days left")
        #expect(Self.en.daysLeft(-1) == "overdue by 1 day" && Self.en.daysLeft(-2) == "overdue by 2 days")
        #expect(Self.ja.daysLeft(1) == "残り1日" && Self.ja.daysLeft(-2) == "2日超過" && Self.ja.daysLeft(0) == "今日まで")
        #expect(Self.en.boardDays(1) == "1 day" && Self.en.boardDays(2) == "2 days")
        #expect(Self.ja.boardDays(1) == "1日間")
    }

    @Test("sentences whose languages differ in structure keep their own order and pieces")
    func structures() {
        #expect(Self.ja.powerSignalSent("kill", alias: "srv1", server: "abcd1234") == "サーバー srv1（`abcd1234`）に「強制停止」を送りました。")
        #expect(Self.en.powerSignalSent("kill", alias: "srv1", server: "abcd1234") == "Sent `kill` to server srv1 (`abcd1234`).")

        #expect(Self.ja.listOrganizer("1", applicant: "2") == "主催 <@1>・申請 <@2>")
        #expect(Self.en.listOrganizer("1", applicant: "2") == "Organizer <@1> · filed by <@2>")
        #expect(Self.en.listOrganizer(AuditEntry.scheduler, applicant: nil) == "Organizer the scheduler")
        #expect(Self.ja.mention(AuditEntry.scheduler) == "スケジューラー")

        let ready = ApprovalProgress(workflowId: 7, taskId: 3, serverAlias: "srv1", moderator: "1",
                                     stage: .ready(version: "1.21.4", address: "mc.example.org:25565"))
        #expect(Self.ja.approvalProgress(ready) == "申請 #7: 準備完了。**srv1** で 1.21.4 が動いています（接続先 `mc.example.org:25565`）。主催者とパネルユーザーに通知しました。")
        #expect(Self.en.approvalProgress(ready) == "Request #7 is ready: **srv1** runs 1.21.4 at `mc.example.org:25565`. The organizer and panel users have been told.")
        var noAddress = ready
        noAddress.stage = .ready(version: "1.21.4", address: nil)
        #expect(Self.en.approvalProgress(noAddress) == "Request #7 is ready: **srv1** runs 1.21.4. The organizer and panel users have been told.")

        #expect(Self.ja.loanApprovedToOrganizer(Self.loan)
            == "貸出申請 #7「Summer build contest」が承認されました。サーバー: srv1（`mc.example.org:25565`）、期限: <t:1800000000:D>。")
        #expect(Self.en.loanApprovedToOrganizer(Self.loan)
            == "Your request #7 \"Summer build contest\" was approved. Server: srv1 (`mc.example.org:25565`), Ends: <t:1800000000:D>.")
        #expect(Self.ja.requestRejected(Self.loan, reason: "too late") == "申請 #7「Summer build contest」は却下されました。\n理由: too late")
        #expect(Self.en.requestRejected(Self.loan, reason: "too late") == "Your request #7 \"Summer build contest\" was rejected.\nReason: too late")

        #expect(Self.ja.mineRoles(applicant: true, organizer: false, panelUser: true) == "申請者, パネルユーザー")
        #expect(Self.en.mineRoles(applicant: true, organizer: false, panelUser: true) == "applicant, panel user")
        #expect(Self.ja.whitelistPlayers(["alex", "steve"], loan: 4) == "貸出 #4 のホワイトリスト（このボットで追加、2 人）: `alex`, `steve`")
        #expect(Self.en.whitelistPlayers([], loan: 4) == "Whitelist of loan #4 (added through the bot): nobody yet")
    }
}
