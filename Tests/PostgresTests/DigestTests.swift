import Hashing
import Testing

@Suite("Digests from libcrypto")
struct DigestTests {
    @Test("SHA-256 and SHA-1 match the FIPS 180 test vectors")
    func vectors() {
        #expect(Digest.sha256.hexString(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.sha256.hexString([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha1.hexString(Array("abc".utf8)) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }
}
