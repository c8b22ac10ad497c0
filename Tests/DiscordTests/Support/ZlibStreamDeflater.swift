import CZlib

/// The server half of zlib-stream for tests: one deflate context per connection, each payload
/// flushed with Z_SYNC_FLUSH so it ends with 00 00 FF FF, as Discord sends it.
final class ZlibStreamDeflater {
    private let stream: UnsafeMutablePointer<z_stream>

    init() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        precondition(czlib_deflate_init(stream, Z_DEFAULT_COMPRESSION) == Z_OK)
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    func compress(_ payload: [UInt8]) -> [UInt8] {
        var input = payload
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.pointee.next_in = inputBuffer.baseAddress
            stream.pointee.avail_in = UInt32(inputBuffer.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = UInt32(buffer.count)
                    deflate(stream, Z_SYNC_FLUSH)
                    return buffer.count - Int(stream.pointee.avail_out)
                }
                result.append(contentsOf: chunk[0..<produced])
            } while stream.pointee.avail_out == 0
        }
        return result
    }
}
