import Foundation

// `interaction-floor`: the least CPU any bot built on lending-bot's transport and database layers
// (libcurl, libpq, zlib, the project's WebSocket framing) can spend per interaction of the
// benchmark's checkout flow. One thread and no Swift concurrency: it blocks in `poll` on the
// gateway, answers a command with a fixed modal, files a submission in the same two round trips as
// lending-bot (on temporary tables), answers it with a fixed message, and reads nothing of a
// payload beyond the interaction's id, token and type. It is not a bot (no validation, no
// rendering, no errors handled beyond stopping): the benchmark drives it one at a time like the
// bots, and its CPU time per interaction is the floor under theirs on this machine.

let environment = ProcessInfo.processInfo.environment
func setting(_ name: String) -> String {
    guard let value = environment[name], !value.isEmpty else {
        FileHandle.standardError.write(Data("interaction-floor: set \(name)\n".utf8))
        exit(2)
    }
    return value
}

let token = setting("DISCORD_TOKEN")
let guildID = setting("DISCORD_GUILD_ID")
do {
    let http = try FloorHTTP(baseURL: setting("DISCORD_API_URL"), token: token)
    let database = try FloorDatabase(url: setting("DATABASE_URL"))
    guard let gatewayURL = URL(string: setting("DISCORD_GATEWAY_URL") + "?v=10&encoding=json&compress=zlib-stream") else {
        throw FloorError("DISCORD_GATEWAY_URL is not a URL")
    }
    var gateway = try FloorGateway(url: gatewayURL)
    var modals = 0
    while true {
        let (scan, _) = try gateway.next()
        switch (scan.op, scan.event) {
        case (10, _):
            try gateway.send(#"{"op":2,"d":{"token":"\#(token)","intents":1,"properties":{"os":"linux","browser":"interaction-floor","device":"interaction-floor"}}}"#)
        case (0, "READY"):
            guard let application = scan.applicationID else { throw FloorError("READY has no application id") }
            try http.send("PUT", "/applications/\(application)/guilds/\(guildID)/commands", body: Answers.commands)
        case (0, "INTERACTION_CREATE"):
            guard let id = scan.data["id"], let interactionToken = scan.data["token"], let type = scan.data["type"] else {
                throw FloorError("an interaction without id, token or type")
            }
            let path = "/interactions/\(id)/\(interactionToken)/callback"
            if type == "5" {
                try database.file(member: id, description: "Summer festival build event")
                try http.send("POST", path, body: Answers.filed)
            } else {
                modals += 1
                try http.send("POST", path, body: Answers.modal(customID: "checkout:\(modals)"))
            }
        default:
            continue
        }
    }
} catch {
    FileHandle.standardError.write(Data("interaction-floor: \(error)\n".utf8))
    exit(1)
}
