/// Writes frames to bytes (RFC 6455 §5.2). A client masks every frame with a fresh key (§5.3);
/// a server (our simulators) never masks.
public enum FrameEncoder {
    /// Encodes `frame`; `maskingKey` must be 4 bytes for a client and nil for a server.
    public static func encode(_ frame: Frame, maskingKey: [UInt8]?) -> [UInt8] {
        precondition(maskingKey == nil || maskingKey?.count == 4, "a masking key is 4 bytes")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(frame.payload.count + 14)
        bytes.append((frame.isFinal ? 0x80 : 0) | frame.opcode.rawValue)
        let maskBit: UInt8 = maskingKey == nil ? 0 : 0x80
        let length = frame.payload.count
        switch length {
        case 0...125:
            bytes.append(maskBit | UInt8(length))
        case 126...0xFFFF:
            bytes.append(maskBit | 126)
            bytes.append(UInt8(length >> 8))
            bytes.append(UInt8(length & 0xFF))
        default:
            bytes.append(maskBit | 127)
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: UInt64(length) >> UInt64(shift)))
            }
        }
        guard let key = maskingKey else {
            bytes.append(contentsOf: frame.payload)
            return bytes
        }
        bytes.append(contentsOf: key)
        let start = bytes.count
        bytes.append(contentsOf: frame.payload)
        Masking.apply(key, to: &bytes, from: start)
        return bytes
    }

    /// A fresh masking key from the system's random generator.
    public static func makeMaskingKey<Generator: RandomNumberGenerator>(using generator: inout Generator) -> [UInt8] {
        let value = generator.next() as UInt32
        return [UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}

enum Masking {
    /// XORs `bytes[start...]` with the key repeated (RFC 6455 §5.3); applying it twice restores the input.
    static func apply(_ key: [UInt8], to bytes: inout [UInt8], from start: Int) {
        bytes.withUnsafeMutableBufferPointer { buffer in
            var keyIndex = 0
            for index in start..<buffer.count {
                buffer[index] ^= key[keyIndex]
                keyIndex = (keyIndex + 1) & 3
            }
        }
    }
}
