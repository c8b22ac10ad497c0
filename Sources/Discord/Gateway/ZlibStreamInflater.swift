import CZlib

/// Inflates Discord's `compress=zlib-stream` transport: one zlib context for the whole connection,
/// fed every binary message; a payload is complete when the data so far ends with `00 00 FF FF`
/// (the marker of a `Z_SYNC_FLUSH`).
///
/// A new connection needs a new inflater: the server starts a new stream on each connection, and a
/// reused context would fail on the first message. Not thread-safe; owned by the connection's task.
/// The `z_stream` lives on the heap because zlib checks that it never moves.
public final class ZlibStreamInflater {
    static let flushMarker: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]

    private let stream: UnsafeMutablePointer<z_stream>
    private var pending: [UInt8] = []
    private var output = [UInt8](repeating: 0, count: 64 * 1024)
    public let maximumPayloadSize: Int
    /// Bounds the compressed bytes kept while a payload's flush marker has not arrived, so a
    /// stream that never flushes cannot grow the buffer without end.
    public let maximumInputSize: Int

    /// `maximumPayloadSize` bounds one decompressed payload, so a hostile stream cannot inflate into
    /// all of memory.
    public init(maximumPayloadSize: Int = 64 * 1024 * 1024, maximumInputSize: Int = 16 * 1024 * 1024) throws(ZlibError) {
        self.maximumPayloadSize = maximumPayloadSize
        self.maximumInputSize = maximumInputSize
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_inflate_init(stream)
        guard status == Z_OK else {
            stream.deallocate()
            throw ZlibError(status: status, message: "inflateInit failed")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Feeds one WebSocket message; returns the decompressed payload once the marker arrived, nil
    /// while the payload continues in later messages.
    public func push(_ bytes: [UInt8]) throws(ZlibError) -> [UInt8]? {
        guard pending.count + bytes.count <= maximumInputSize else {
            pending.removeAll()
            throw ZlibError(status: Z_DATA_ERROR, message: "a payload's compressed input passes \(maximumInputSize) bytes")
        }
        pending.append(contentsOf: bytes)
        guard pending.count >= 4, Array(pending.suffix(4)) == Self.flushMarker else { return nil }
        defer { pending.removeAll(keepingCapacity: true) }
        return try inflate(pending)
    }

    private func inflate(_ input: [UInt8]) throws(ZlibError) -> [UInt8] {
        var result: [UInt8] = []
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { (inputBuffer) throws(ZlibError) in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.pointee.avail_in = UInt32(inputBuffer.count)
            repeat {
                let produced = output.withUnsafeMutableBufferPointer { outputBuffer in
                    stream.pointee.next_out = outputBuffer.baseAddress
                    stream.pointee.avail_out = UInt32(outputBuffer.count)
                    status = CZlib.inflate(stream, Z_SYNC_FLUSH)
                    return outputBuffer.count - Int(stream.pointee.avail_out)
                }
                guard status == Z_OK || status == Z_BUF_ERROR || status == Z_STREAM_END else {
                    throw ZlibError(status: status, message: stream.pointee.msg.map { String(cString: $0) } ?? "inflate failed")
                }
                result.append(contentsOf: output[0..<produced])
                guard result.count <= maximumPayloadSize else {
                    throw ZlibError(status: Z_DATA_ERROR, message: "a payload inflates past \(maximumPayloadSize) bytes")
                }
                // Z_BUF_ERROR with no output means everything available has been inflated.
                if status == Z_BUF_ERROR && produced == 0 { break }
            } while stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0
            stream.pointee.next_in = nil
        }
        return result
    }
}

/// A zlib failure: the stream is corrupt (the connection must be dropped and the session resumed).
public struct ZlibError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: Int32
    public let message: String

    public var description: String { "zlib error \(status): \(message)" }
}
