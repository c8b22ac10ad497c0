import Lending
import Testing

@Suite("Discord user ids in a request")
struct DiscordIDTests {
    @Test("17 to 20 ASCII digits are an id", arguments: ["12345678901234567", "1400000000000000001", "18446744073709551615", "00000000000000000"])
    func accepted(text: String) {
        #expect(DiscordID.isValid(text))
    }

    @Test("anything else is not", arguments: [
        "", "1234567890123456", "123456789012345678901", "1400000000000000001 ", " 1400000000000000001", "140000000000000000x",
        "１４００００００００００００００００１", "١٤٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠٠١", "1400000000000000001\u{301}", "-140000000000000001", "<@1400000000000000001>",
    ])
    func refused(text: String) {
        #expect(!DiscordID.isValid(text))
    }
}
