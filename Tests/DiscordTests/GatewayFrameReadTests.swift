import Foundation
import Testing
@testable import Discord

@Suite("Reading a gateway payload's op, s and t without decoding the rest")
struct GatewayFrameReadTests {
    /// What Foundation's decoder makes of a payload: the reference the scan must agree with.
    static func decoded(_ json: String) -> GatewayFrame? {
        try? JSONDecoder().decode(GatewayFrame.self, from: Data(json.utf8))
    }

    static func read(_ json: String) -> GatewayFrame? {
        try? GatewayFrame.read(Array(json.utf8))
    }

    static let accepted = [
        #"{"op":0,"s":2,"t":"INTERACTION_CREATE","d":{"id":"5","data":{"options":[{"name":"a","value":-1.5e+3},{"v":[true,false,null,"\"x\\u00e9\n"]}]}}}"#,
        #"{"t":"GUILD_CREATE","s":12,"op":0,"d":{"nested":[[[[{}]]],[],{"a":{}}],"emoji":"🎆","zero":0,"neg":-0.0}}"#,
        #" { "op" : 11 , "d" : null , "s" : null , "t" : null } "#,
        #"{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}"#,
        #"{"op":0,"s":1,"t":"READY","d":{"v":10,"session_id":"abc","resume_gateway_url":"wss://resume.example","user":{"id":"1"}}}"#,
        #"{"op":9,"d":true,"s":null,"t":null}"#,
        #"{"op":7,"d":null}"#,
        #"{"op":0,"s":3,"t":"MESSAGE_CREATE","d":{},"extra":[1,2,3]}"#,
        // Forms left to Foundation: an escape in t, an exponent in s, an escaped key.
        #"{"op":0,"s":4,"t":"INTERACTION\u005FCREATE","d":{}}"#,
        #"{"op":0,"s":5e0,"t":"X","d":{}}"#,
        #"{"o\u0070":1,"d":null}"#,
    ]

    /// Not what Discord sends. Foundation's decoder is lenient with some (a trailing comma, `01`,
    /// an unknown escape, a control character in a string it never reads); the reader must judge
    /// each exactly as it does, which it does by leaving every form its scan refuses to it.
    static let odd = [
        #"{"op":0,}"#, #"{"op":0,"d":{"a":1,}}"#, #"{"op":0,"d":01}"#, #"{"op":0,"d":1.}"#, #"{"op":0,"d":"\q"}"#,
        #"{"op":0,"d":"\u12G4"}"#, "{\"op\":0,\"d\":\"a\u{1}b\"}", #"{"op":0,"d":tru}"#, #"{"op":0,"d":[1,2}"#,
    ]

    /// Refused by both.
    static let refused = [
        "", "[]", "null", #"{"op":0"#, #"{"op":0,"d":{}} x"#, #"{"s":1,"t":"X","d":{}}"#, #"{"op":"0","d":{}}"#, #"{"op":-1x}"#, #"{op:0}"#,
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
        #"{"op":0,"d":"#, #"{"op":0,"d":"unterminated}"#,
    ]

    @Test("a payload Discord sends reads as Foundation's decoder reads it", arguments: accepted)
    func agreesOnAccepted(_ json: String) throws {
        let reference = try #require(Self.decoded(json), "the reference decoder refused it")
        #expect(try GatewayFrame.read(Array(json.utf8)) == reference)
    }

    @Test("an odd payload is judged as Foundation's decoder judges it", arguments: odd)
    func agreesOnOdd(_ json: String) {
        #expect(Self.read(json) == Self.decoded(json))
    }

    @Test("a payload that is not JSON, or not a gateway payload, is refused", arguments: refused)
    func refusesBroken(_ json: String) {
        #expect(Self.decoded(json) == nil, "the reference decoder took it")
        #expect(Self.read(json) == nil)
    }

    @Test("deep nesting within the limit is skipped; an INTERACTION_CREATE leaves its d undecoded")
    func nestingAndContent() throws {
        let deep = #"{"op":0,"s":9,"t":"X","d":"# + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "}"
        #expect(try GatewayFrame.read(Array(deep.utf8)) == Self.decoded(deep))
        let frame = try GatewayFrame.read(Array(Self.accepted[0].utf8))
        #expect(frame.opcode == 0 && frame.sequence == 2 && frame.name == "INTERACTION_CREATE" && frame.content == .other)
    }
}
