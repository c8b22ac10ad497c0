import CCrypto

/// Message digests from OpenSSL's libcrypto (`EVP_Digest`), the only file that touches `CCrypto`.
///
/// SHA-256 checks migration files the way Prisma Migrate does; SHA-1 is what RFC 6455 asks of the
/// WebSocket handshake. Neither is used to protect a secret.
public enum Digest: Sendable {
    case sha1
    case sha256

    /// The digest of `bytes`. `EVP_Digest` fails only on allocation failure, which is treated as fatal.
    public func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let algorithm = switch self {
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let input = Array(bytes)
        let status = input.withUnsafeBytes { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                EVP_Digest(inputBuffer.baseAddress, inputBuffer.count, outputBuffer.baseAddress, &length, algorithm, nil)
            }
        }
        precondition(status == 1, "EVP_Digest failed: libcrypto could not allocate a digest context")
        return Array(output.prefix(Int(length)))
    }

    /// The digest of `bytes` as lowercase hexadecimal, the form `_prisma_migrations.checksum` stores.
    public func hexString(_ bytes: some Collection<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        for byte in hash(bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
