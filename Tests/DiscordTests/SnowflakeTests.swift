import Foundation
import Testing
import Discord

@Suite("Snowflakes and permissions on the wire")
struct SnowflakeTests {
    @Test("a snowflake decodes from a digit string and encodes back to one")
    func roundTrip() throws {
        let id = try JSON.decode(UserID.self, from: #""175928847299117063""#)
        #expect(id.rawValue == 175_928_847_299_117_063)
        #expect(try JSON.string(id) == #""175928847299117063""#)
        #expect(abs(id.createdAt.timeIntervalSince1970 - 1_462_015_105.796) < 0.001)
    }

    @Test("decoding rejects what is not a string of digits", arguments: [
        #""12a4""#, #""""#, #""-5""#, #"" 12""#, #""18446744073709551616""#, "12345", "null", #""１２""#,
    ])
    func rejects(json: String) {
        #expect(throws: DecodingError.self) { try JSON.decode(UserID.self, from: json) }
    }

    @Test("the decoding error says what a snowflake must be")
    func errorIsClear() {
        do {
            _ = try JSON.decode(GuildID.self, from: #""abc""#)
            Issue.record("expected a failure")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("decimal digits"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("maps keyed by snowflake decode from JSON objects")
    func maps() throws {
        let map = try JSON.decode([RoleID: String].self, from: #"{"1": "a", "22": "b"}"#)
        #expect(map == [1: "a", 22: "b"])
        #expect(try JSON.string(map).contains(#""22":"b""#))
    }

    @Test("permissions decode from the decimal string and keep unknown bits")
    func permissions() throws {
        let permissions = try JSON.decode(Permissions.self, from: #""9007199254741007""#)
        #expect(permissions.contains(.administrator))
        #expect(permissions.rawValue == 9_007_199_254_741_007)
        #expect(try JSON.string(Permissions([.manageRoles, .sendMessages])) == #""268437504""#)
        #expect(throws: DecodingError.self) { try JSON.decode(Permissions.self, from: #""8x""#) }
    }
}
