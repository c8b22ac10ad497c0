import DiscordSimulator
import Foundation
import HTTP
import PanelSimulator
import Sandbox
import SimulatorSupport
import Testing

/// The console's JSON API against a real sandbox (the bot, the simulators, PostgreSQL), without a browser.
@Suite("Sandbox console API")
struct ConsoleAPITests {
    static let alice = SandboxPeople.member.invoker.userID

    @Test("the state shows the seeded guild, the registered commands, the panel and the pool, and nothing else yet")
    func seededState() async throws {
        try await SandboxHarness.with { sandbox in
            let state = try await sandbox.state()
            #expect(state["ready"]?.boolValue == true)
            #expect(state["personas"]?.arrayValue?.compactMap { $0["key"]?.stringValue } == ["member", "other", "moderator"])
            #expect(state.persona("moderator")?["isModerator"]?.boolValue == true)
            #expect(state["commands"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.sorted() == ["mcserver", "mcserver-admin"])
            let servers = state.panelServers
            #expect(servers.compactMap { $0["identifier"]?.stringValue } == ["5a000001", "5a000002", "5a000003", "5a000004"])
            #expect(servers.allSatisfy { $0["subusers"]?.arrayValue?.isEmpty == true })
            // Each server runs the seeded release on the egg's Java 21 image, installed and stopped.
            for server in servers {
                #expect(server["versionVariable"]?.stringValue == "MINECRAFT_VERSION")
                #expect(server["version"]?.stringValue == SandboxSimulators.seededVersion)
                #expect(server["installedVersion"]?.stringValue == SandboxSimulators.seededVersion)
                #expect(server["image"]?.stringValue == "ghcr.io/pterodactyl/yolks:java_21")
                #expect(server["java"]?.intValue == 21)
                #expect(server["install"]?.stringValue == "installed")
                #expect(server["power"]?.stringValue == "offline")
            }
            #expect(state["database"]?["bindings"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["server01", "server02", "server03", "server04"])
            #expect(state["database"]?["bindings"]?.arrayValue?.compactMap { $0["serverType"]?.stringValue } == ["paper", "paper", "paper", "fabric"])
            #expect(state.workflows.isEmpty)
            #expect(state.channelMessages.isEmpty)
            #expect(state["clock"]?["offsetSeconds"]?.doubleValue == 0)
        }
    }

    @Test("the live board shows in its own channel, with its text and its buttons, and its buttons answer")
    func liveBoard() async throws {
        try await SandboxHarness.with { sandbox in
            let state = try await sandbox.eventually("the live board") { !($0["board"] ?? .null).isNull }
            let board = try #require(state["board"])
            let components = board["components"]?.arrayValue ?? []
            let text = components.compactMap { $0["type"]?.intValue == 10 ? $0["content"]?.stringValue : nil }.joined(separator: "\n")
            #expect(text.contains("server01"), "the free servers: \(text)")
            #expect(state.channelMessages.isEmpty, "the notify channel stays apart")
            let mine = try await sandbox.post("component", ["persona": "member", "messageId": board["id"] ?? .null, "customId": "board.mine"])
            #expect(mine.status == 200, "\(mine.json)")
            _ = try await sandbox.eventually("my loans, only to the member") { $0.persona("member")?["ephemeral"]?.arrayValue?.isEmpty == false }
        }
    }

    @Test("a server whose install failed shows as failed, with the version it still has")
    func failedInstall() async throws {
        try await SandboxHarness.with { sandbox in
            sandbox.panel.setStatus(of: "5a000003", to: "reinstall_failed")
            let server = try #require(try await sandbox.state().panelServer("5a000003"))
            #expect(server["install"]?.stringValue == "failed")
            #expect(server["status"]?.stringValue == "reinstall_failed")
            #expect(server["installedVersion"]?.stringValue == SandboxSimulators.seededVersion)
            #expect(try await sandbox.state().panelServer("5a000001")?["install"]?.stringValue == "installed")
        }
    }

    @Test("bad requests get a 400 naming the problem, and change nothing")
    func refusals() async throws {
        try await SandboxHarness.with { sandbox in
            let unknown = try await sandbox.post("command", ["persona": "mallory", "command": "mcserver", "options": [["name": "checkout", "type": 1]]])
            #expect(unknown.status == 400)
            #expect(unknown.json["error"]?.stringValue == "unknown persona mallory")
            let focused = try await sandbox.post("command", ["persona": "member", "command": "mcserver",
                                                             "options": [["name": "extend", "type": 1, "options": [["name": "id", "type": 4, "value": "1", "focused": true]]]]])
            #expect(focused.status == 400)
            let noCommand = try await sandbox.post("command", ["persona": "member", "command": "nope"])
            #expect(noCommand.json["error"]?.stringValue == "no command /nope is registered")
            let badClock = try await sandbox.post("clock/advance", ["persona": "member", "seconds": -5])
            #expect(badClock.status == 400)
            let noEnd = try await sandbox.post("clock/advance", ["persona": "member", "to": "next-end"])
            #expect(noEnd.json["error"]?.stringValue == "no active loan ends in the future")
            let noModal = try await sandbox.post("modal", ["persona": "member", "interactionId": "123", "values": [:]])
            #expect(noModal.status == 400)
            let noMessage = try await sandbox.post("component", ["persona": "member", "messageId": "123", "customId": "x"])
            #expect(noMessage.status == 400)
            let notJSON = try await sandbox.post("command", "just text")
            #expect(notJSON.json["error"]?.stringValue == "the body must be a JSON object")

            // Another site's page can send neither a plain-text POST nor one through another host name.
            let plain = try await sandbox.http.send(HTTPRequest(method: .post, url: sandbox.consoleURL + "api/clock/advance",
                                                                headers: ["Content-Type": "text/plain"], body: Data(#"{"seconds": 60}"#.utf8)))
            #expect(plain.status == 415)
            let rebound = try await sandbox.http.send(HTTPRequest(method: .get, url: sandbox.consoleURL + "api/state", headers: ["Host": "attacker.example"]))
            #expect(rebound.status == 403)

            let state = try await sandbox.state()
            #expect(state["clock"]?["offsetSeconds"]?.doubleValue == 0)
            #expect(state.channelMessages.isEmpty)
            #expect(state.persona("member")?["ephemeral"]?.arrayValue?.isEmpty == true)
            #expect(state.persona("member")?["modal"]?.isNull == true)
        }
    }

    @Test("a loan's whole life through the API: checkout, a member's refused approve, autocomplete, approve (install on Java 25), clock forward, returned")
    func loanLife() async throws {
        try await SandboxHarness.with { sandbox in
            // The member asks for a server: the pool has Paper and Fabric servers, so the bot first
            // asks which kind, then answers the choice with its form.
            let opened = try await sandbox.post("command", ["persona": "member", "command": "mcserver", "options": [["name": "checkout", "type": 1]]])
            #expect(opened.status == 200 && opened.json["answered"]?.boolValue == true, "\(opened.json)")
            let asked = try #require(try await sandbox.state().persona("member")?["ephemeral"]?.arrayValue?.last)
            let typeSelect = asked["components"]?[0]?["components"]?[0]
            #expect(typeSelect?["custom_id"]?.stringValue == "checkout.type", "\(asked)")
            #expect(typeSelect?["options"]?.arrayValue?.compactMap { $0["value"]?.stringValue } == ["fabric", "paper"])
            let picked = try await sandbox.post("component", ["persona": "member", "messageId": asked["id"] ?? .null, "customId": "checkout.type",
                                                              "values": ["paper"]])
            #expect(picked.status == 200, "\(picked.json)")
            let form = try #require(try await sandbox.state().persona("member")?["modal"])
            #expect(form["data"]?["title"]?.stringValue == "Request a paper server")
            let ids = (form["data"]?["components"]?.arrayValue ?? []).compactMap { $0["component"]?["custom_id"]?.stringValue }
            try #require(ids.count == 5)
            // What Discord's client would not send: an empty required field, a second organizer.
            let empty = try await sandbox.post("modal", ["persona": "member", "interactionId": form["interactionId"] ?? .null, "values": [
                ids[0]: "", ids[1]: "1.21.4", ids[2]: "7", ids[3]: [.string(Self.alice)], ids[4]: [.string(Self.alice)],
            ]])
            #expect(empty.status == 400 && empty.json["error"]?.stringValue == "\(ids[0]) is required", "\(empty.json)")
            let twoOrganizers = try await sandbox.post("modal", ["persona": "member", "interactionId": form["interactionId"] ?? .null, "values": [
                ids[0]: "Summer build contest", ids[1]: "1.21.4", ids[2]: "7", ids[3]: [.string(Self.alice), .string(Self.alice)], ids[4]: [.string(Self.alice)],
            ]])
            #expect(twoOrganizers.status == 400, "\(twoOrganizers.json)")
            #expect(try await sandbox.state().workflows.isEmpty)
            let submitted = try await sandbox.post("modal", ["persona": "member", "interactionId": form["interactionId"] ?? .null, "values": [
                ids[0]: "Summer build contest", ids[1]: "26.1", ids[2]: "7", ids[3]: [.string(Self.alice)], ids[4]: [.string(Self.alice)],
            ]])
            #expect(submitted.status == 200, "\(submitted.json)")
            var state = try await sandbox.eventually("the request and the moderators' notice") { state in
                state.workflows.first?["status"]?.stringValue == "PENDING" && !state.channelMessages.isEmpty
            }
            #expect(state.persona("member")?["ephemeral"]?.arrayValue?.first?["ephemeral"]?.boolValue == true)
            #expect(state.persona("member")?["modal"]?.isNull == true)
            let notice = try #require(state.channelMessages.last)
            let approve = try #require(Self.button("Approve", in: notice))

            // A member may not approve: the bot says so, only to them, and nothing moves.
            let refused = try await sandbox.post("component", ["persona": "other", "messageId": notice["id"] ?? .null, "customId": .string(approve)])
            #expect(refused.status == 200)
            state = try await sandbox.eventually("the refusal") { $0.persona("other")?["ephemeral"]?.arrayValue?.isEmpty == false }
            #expect(state.workflows.first?["status"]?.stringValue == "PENDING")

            // Autocomplete offers the pending request to the moderator.
            let suggested = try await sandbox.post("autocomplete", ["persona": "moderator", "command": "mcserver-admin", "options": [
                ["name": "workflow", "type": 2, "options": [["name": "approve", "type": 1, "options": [["name": "id", "type": 4, "value": "", "focused": true]]]]],
            ]])
            let workflowId = try #require(state.workflows.first?["id"]?.intValue)
            #expect(suggested.json["choices"]?.arrayValue?.contains { $0["value"]?.intValue == workflowId } == true, "\(suggested.json)")

            // The moderator approves, choosing alice's panel username.
            _ = try await sandbox.post("component", ["persona": "moderator", "messageId": notice["id"] ?? .null, "customId": .string(approve)])
            let usernames = try #require(try await sandbox.eventually("the usernames form") { !($0.persona("moderator")?["modal"]?.isNull ?? true) }
                .persona("moderator")?["modal"])
            let usernameID = try #require(usernames["data"]?["components"]?.arrayValue?.compactMap { $0["component"]?["custom_id"]?.stringValue }.first)
            _ = try await sandbox.post("modal", ["persona": "moderator", "interactionId": usernames["interactionId"] ?? .null, "values": [usernameID: "alice-mc"]])

            // The server is prepared before anyone enters: 26.1 needs Java 25, so it moves from the
            // Java 21 image to the Java 25 one and reinstalls, and stays installing until Wings is done.
            state = try await sandbox.eventually("the server to be installing") { state in
                state.panelServers.contains { $0["install"]?.stringValue == "installing" }
            }
            let installing = try #require(state.panelServers.first { $0["install"]?.stringValue == "installing" })
            let server = try #require(installing["identifier"]?.stringValue)
            #expect(state.workflows.first?["pteroServerId"]?.stringValue == server)
            #expect(installing["version"]?.stringValue == "26.1")
            #expect(installing["image"]?.stringValue == "ghcr.io/pterodactyl/yolks:java_25")
            #expect(installing["java"]?.intValue == 25)
            #expect(installing["installedVersion"]?.stringValue == SandboxSimulators.seededVersion)
            #expect(installing["power"]?.stringValue == "offline")
            #expect(installing["subusers"]?.arrayValue?.isEmpty == true)
            #expect(state.workflows.first?["status"]?.stringValue == "PENDING")
            sandbox.panel.finishInstall(of: server)

            // The organizer's DM follows the ACTIVE row: the task tells people once the loan is stored.
            state = try await sandbox.eventually("the loan to be ACTIVE and alice told", timeout: .seconds(60)) {
                $0.workflows.first?["status"]?.stringValue == "ACTIVE" && $0.persona("member")?["directMessages"]?.arrayValue?.isEmpty == false
            }
            let held = state.panelServer(server)
            #expect(held?["subusers"]?.arrayValue?.compactMap { $0["email"]?.stringValue } == ["alice-mc@kpw.local"])
            #expect(held?["install"]?.stringValue == "installed")
            #expect(held?["installedVersion"]?.stringValue == "26.1")
            #expect(held?["version"]?.stringValue == "26.1")
            #expect(held?["java"]?.intValue == 25)
            #expect(held?["power"]?.stringValue == "running")
            #expect(state.workflows.first?["mcVersion"]?.stringValue == "26.1")
            #expect(state.persona("member")?["directMessages"]?.arrayValue?.isEmpty == false)

            // Past the end date, the scheduler returns the loan.
            let jumped = try await sandbox.post("clock/advance", ["persona": "moderator", "to": "next-end"])
            #expect((jumped.json["offsetSeconds"]?.doubleValue ?? 0) > 6 * 86_400)
            state = try await sandbox.eventually("the loan to be RETURNED", timeout: .seconds(60)) { $0.workflows.first?["status"]?.stringValue == "RETURNED" }
            let returned = state.panelServer(server)
            #expect(returned?["subusers"]?.arrayValue?.isEmpty == true)
            let actions = state["database"]?["audit"]?.arrayValue?.compactMap { $0["toStatus"]?.stringValue } ?? []
            #expect(actions.contains("ACTIVE") && actions.contains("RETURNED"))
            let archived = FileManager.default.enumerator(atPath: sandbox.archive)?.allObjects.compactMap { $0 as? String } ?? []
            #expect(archived.contains { $0.hasSuffix(".tar.gz") }, "archive holds \(archived)")
        }
    }

    /// The custom_id of the button labelled `label` on a rendered message.
    static func button(_ label: String, in message: SimulatorJSON) -> String? {
        for row in message["components"]?.arrayValue ?? [] {
            for component in row["components"]?.arrayValue ?? [] where component["label"]?.stringValue == label {
                return component["custom_id"]?.stringValue
            }
        }
        return nil
    }
}
