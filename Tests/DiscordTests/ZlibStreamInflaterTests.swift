import Discord
import DiscordSimulator
import Testing

@Suite("Inflating zlib-stream payloads")
struct ZlibStreamInflaterTests {
    func payload(_ sequence: Int, size: Int = 200) -> [UInt8] {
        Array("{\"op\":0,\"s\":\(sequence),\"t\":\"INTERACTION_CREATE\",\"d\":{\"x\":\"\(String(repeating: "あ", count: size))\"}}".utf8)
    }

    @Test("payloads deflated into one stream come back one by one, however the messages are split", arguments: [1, 3, 4, 5, 64, 100_000])
    func splitMessages(pieceSize: Int) throws {
        let deflater = ZlibStreamDeflater()
        let inflater = try ZlibStreamInflater()
        for sequence in 1...20 {
            let compressed = deflater.compress(payload(sequence, size: sequence * 100))
            var results: [[UInt8]] = []
            for start in stride(from: 0, to: compressed.count, by: pieceSize) {
                if let result = try inflater.push(Array(compressed[start..<min(start + pieceSize, compressed.count)])) {
                    results.append(result)
                }
            }
            #expect(results == [payload(sequence, size: sequence * 100)])
        }
    }

    @Test("compressed input that never reaches a flush marker is refused at the input cap")
    func unboundedInput() throws {
        let inflater = try ZlibStreamInflater(maximumInputSize: 4_096)
        #expect(try inflater.push([UInt8](repeating: 0x41, count: 4_000)) == nil)
        #expect(throws: ZlibError.self) { _ = try inflater.push([UInt8](repeating: 0x41, count: 200)) }
    }

    @Test("a multi-megabyte payload inflates whole")
    func large() throws {
        let big = payload(1, size: 2_000_000)
        let inflater = try ZlibStreamInflater()
        #expect(try inflater.push(ZlibStreamDeflater().compress(big)) == big)
    }

    @Test("a reused inflater fails on a new connection's stream, and garbage is an error, not a crash")
    func freshPerConnection() throws {
        let inflater = try ZlibStreamInflater()
        _ = try inflater.push(ZlibStreamDeflater().compress(payload(1)))
        #expect(throws: ZlibError.self) { _ = try inflater.push(ZlibStreamDeflater().compress(payload(2))) }
        #expect(throws: ZlibError.self) { _ = try ZlibStreamInflater().push([1, 2, 3, 4, 5, 0, 0, 0xFF, 0xFF]) }
    }

    @Test("a payload inflating past the limit is refused")
    func bomb() throws {
        let inflater = try ZlibStreamInflater(maximumPayloadSize: 100_000)
        let zeros = [UInt8](repeating: 0x30, count: 1_000_000)
        #expect(throws: ZlibError.self) { _ = try inflater.push(ZlibStreamDeflater().compress(zeros)) }
    }
}
