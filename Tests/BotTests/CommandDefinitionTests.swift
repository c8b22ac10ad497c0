import Discord
import DiscordTesting
import Foundation
import LendingBot
import Testing

@Suite("Command definitions")
struct CommandDefinitionTests {
    @Test("every command passes the Discord module's validators")
    func validators() {
        for command in CommandDefinitions.all {
            #expect(command.validationErrors(at: command.name).isEmpty, "\(command.validationErrors(at: command.name))")
        }
    }

    @Test("the bulk overwrite body validates against Discord's OpenAPI spec")
    func spec() async throws {
        let verdict = try await SpecValidator().check(CommandDefinitions.all, method: "put",
                                                      template: "/applications/{application_id}/guilds/{guild_id}/commands")
        #expect(verdict.isValid, "\(verdict.errors)")
    }

    @Test("/mcserver has checkout, reset-password, extend, return, withdraw, mine, whitelist and help; /mcserver-admin its four groups")
    func shape() throws {
        #expect(CommandDefinitions.member.name == "mcserver")
        #expect(CommandDefinitions.member.options?.map(\.name) == ["checkout", "reset-password", "extend", "return", "withdraw", "mine", "whitelist", "help"])
        let admin = CommandDefinitions.admin
        #expect(admin.name == "mcserver-admin")
        #expect(admin.options?.map(\.name) == ["workflow", "checkout", "server-binding", "server", "archive"])
        let paths = admin.options?.flatMap { group in (group.options ?? []).map { "\(group.name) \($0.name)" } }
        #expect(paths == ["workflow list", "workflow approve", "workflow reject", "workflow edit", "checkout list", "checkout extend",
                          "checkout return", "checkout create", "server-binding list", "server-binding set", "server-binding unset", "server status",
                          "server power", "server backup", "archive list", "archive get"])
        let edit = try #require(admin.options?[0].options?[3].options)
        #expect(edit.map(\.name) == ["id", "add", "remove", "username", "type"])
        #expect(edit.map(\.isRequired) == [true, false, false, false, false])
        #expect(edit[1].type == .user && edit[2].type == .user && edit[3].maxLength == 191)
        #expect(edit[4].type == .string && edit[4].hasAutocomplete == true && edit[4].maxLength == 32)
        let giveBack = try #require(admin.options?[1].options?[2].options)
        #expect(giveBack.map(\.name) == ["id", "archive", "reset"])
        #expect(giveBack[1].type == .boolean && giveBack[2].type == .boolean && giveBack[1].isRequired == false)
        let approve = try #require(admin.options?[0].options?[1].options)
        #expect(approve.map(\.name) == ["id", "server"])
        #expect(approve.map(\.isRequired) == [true, false])
        #expect(approve.allSatisfy { $0.hasAutocomplete == true })
        let reason = try #require(admin.options?[0].options?[2].options?[1])
        #expect(reason.maxLength == 500)
        let statuses = try #require(admin.options?[0].options?[0].options?[0].choices)
        #expect(statuses.map(\.value) == ["PENDING", "ACTIVE", "REJECTED", "RETURNED"].map(CommandOptionChoice.Value.string))
        let set = try #require(admin.options?[2].options?[1].options)
        #expect(set.map(\.name) == ["name", "ptero-id", "type"])
        #expect(set[0].maxLength == 32 && set[1].minLength == 8 && set[1].maxLength == 8)
        #expect(set[2].isRequired == false && set[2].maxLength == 32 && set[2].hasAutocomplete == nil)
        let checkout = try #require(CommandDefinitions.member.options?[0].options)
        #expect(checkout.map(\.name) == ["type"])
        #expect(checkout[0].type == .string && checkout[0].isRequired == false && checkout[0].hasAutocomplete == true && checkout[0].maxLength == 32)
        let memberExtend = try #require(CommandDefinitions.member.options?[2].options?.first)
        #expect(memberExtend.type == .integer && memberExtend.isRequired == false && memberExtend.hasAutocomplete == true)
    }

    @Test("/mcserver-admin needs Manage Guild by default; both commands exist only in the guild")
    func permissions() {
        #expect(CommandDefinitions.admin.defaultMemberPermissions == .manageGuild)
        #expect(CommandDefinitions.member.defaultMemberPermissions == nil)
        for command in CommandDefinitions.all {
            #expect(command.contexts == [.guild])
            #expect(command.integrationTypes == [0])
        }
    }

    @Test("names are lowercase ASCII; every description, parameter name and choice is in Japanese and English")
    func localizations() {
        func check(_ option: CommandOption, path: String) {
            #expect(option.name.allSatisfy { $0.isASCII && !$0.isUppercase }, "\(path)")
            #expect(Set(option.descriptionLocalizations?.keys.map(\.rawValue) ?? []) == ["ja", "en-US"], "\(path)")
            #expect(option.descriptionLocalizations?[.englishUS] == option.description, "\(path)")
            if option.type != .subcommand, option.type != .subcommandGroup {
                #expect(Set(option.nameLocalizations?.keys.map(\.rawValue) ?? []) == ["ja", "en-US"], "\(path)")
                #expect(option.nameLocalizations?[.englishUS] == option.name, "\(path)")
            }
            for choice in option.choices ?? [] {
                #expect(Set(choice.nameLocalizations?.keys.map(\.rawValue) ?? []) == ["ja", "en-US"], "\(path) \(choice.name)")
            }
            for child in option.options ?? [] { check(child, path: "\(path) \(child.name)") }
        }
        for command in CommandDefinitions.all {
            #expect(command.name.allSatisfy { $0.isASCII && !$0.isUppercase })
            #expect(Set(command.descriptionLocalizations?.keys.map(\.rawValue) ?? []) == ["ja", "en-US"])
            for option in command.options ?? [] { check(option, path: "\(command.name) \(option.name)") }
        }
    }

    @Test("each command stays within Discord's 8000 characters of names, descriptions and values")
    func combinedSize() {
        func longest(_ text: String, _ localizations: [DiscordLocale: String]?) -> Int {
            ([text] + (localizations?.values.map { $0 } ?? [])).map(\.unicodeScalars.count).max() ?? 0
        }
        func size(_ option: CommandOption) -> Int {
            longest(option.name, option.nameLocalizations) + longest(option.description, option.descriptionLocalizations)
                + (option.choices ?? []).reduce(0) { total, choice in
                    let value = if case .string(let text) = choice.value { text.unicodeScalars.count } else { 0 }
                    return total + longest(choice.name, choice.nameLocalizations) + value
                }
                + (option.options ?? []).reduce(0) { $0 + size($1) }
        }
        for command in CommandDefinitions.all {
            let total = longest(command.name, command.nameLocalizations) + longest(command.description ?? "", command.descriptionLocalizations)
                + (command.options ?? []).reduce(0) { $0 + size($1) }
            #expect(total <= 8000, "\(command.name): \(total)")
        }
    }

    @Test("a definition compares equal to Discord's echo of it, and a change is noticed")
    func comparison() throws {
        let definitions = CommandDefinitions.all
        // Discord's echo: the fields it adds, defaults written out, and optional flags left out.
        let data = try JSONEncoder().encode(definitions)
        var echoed = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        for index in echoed.indices {
            echoed[index]["id"] = "13000000000000000\(index)"
            echoed[index]["version"] = "1"
            echoed[index]["application_id"] = "1100000000000000001"
            echoed[index]["nsfw"] = false
            echoed[index]["dm_permission"] = true
        }
        let registered = try JSONDecoder().decode([ApplicationCommand].self, from: JSONSerialization.data(withJSONObject: echoed))
        #expect(CommandRegistration.isUpToDate(registered, with: definitions))
        #expect(CommandRegistration.isUpToDate(registered.reversed(), with: definitions))
        var changed = definitions
        changed[0].options?[0].descriptionLocalizations?[.japanese] = "別の説明"
        #expect(!CommandRegistration.isUpToDate(registered, with: changed))
        #expect(!CommandRegistration.isUpToDate(Array(registered.prefix(1)), with: definitions))
    }
}
