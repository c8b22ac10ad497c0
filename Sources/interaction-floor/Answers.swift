/// The floor's fixed request bodies: the command it registers and its two answers.
enum Answers {
    static let commands = #"[{"name":"mcserver","description":"Lend a Minecraft server","type":1,"options":[{"type":1,"name":"checkout","description":"Request a server for an event"}]}]"#

    static let filed = #"{"type":4,"data":{"content":"Your request is filed; a moderator will look at it.","flags":64}}"#

    static func modal(customID: String) -> String {
        #"{"type":9,"data":{"custom_id":"\#(customID)","title":"Request a server","components":[{"type":1,"components":[{"type":4,"custom_id":"description","label":"Event","style":1}]}]}}"#
    }
}
