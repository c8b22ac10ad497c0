import CZlib

/// The server half of `compress=zlib-stream`: one deflate context per connection, each payload
/// flushed with `Z_SYNC_FLUSH` so that it ends with `00 00 FF FF`, as Discord sends it
/// (docs/DISCORD.md#compression). A client that reuses its inflater across connections fails on the second connection's
/// first message, which is the point of keeping one deflater per simulated connection.
///
/// Not thread-safe: owned by one connection's thread. The `z_stream` lives on the heap because
/// zlib checks that it never moves. Calls `deflateInit` (through the shim), `deflate`, `deflateEnd`;
/// none can fail on valid input with a live stream, so a failure is a precondition.
public final class ZlibStreamDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    /// Where deflate writes, kept between payloads: allocating and zeroing 64 KiB for each one
    /// was a visible part of a busy gateway's cost.
    private var chunk = [UInt8](repeating: 0, count: 64 * 1024)

    public init() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        precondition(czlib_deflate_init(stream, Z_DEFAULT_COMPRESSION) == Z_OK, "deflateInit failed")
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Compresses one payload into the connection's stream; the result ends with the sync-flush marker.
    public func compress(_ payload: [UInt8]) -> [UInt8] {
        var input = payload
        var result: [UInt8] = []
        result.reserveCapacity(payload.count / 2 + 64)
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.pointee.next_in = inputBuffer.baseAddress
            stream.pointee.avail_in = UInt32(inputBuffer.count)
            repeat {
                let produced = chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = UInt32(buffer.count)
                    let status = deflate(stream, Z_SYNC_FLUSH)
                    precondition(status == Z_OK || status == Z_BUF_ERROR, "deflate failed with \(status)")
                    return buffer.count - Int(stream.pointee.avail_out)
                }
                result.append(contentsOf: chunk[0..<produced])
            } while stream.pointee.avail_out == 0
            stream.pointee.next_in = nil
        }
        return result
    }
}
