public import Foundation

/// A response of any status. Non-2xx statuses are not errors at this layer: the Discord and panel
/// clients decide what a 404 or a 429 means.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Headers of the final response (those of any 1xx interim response are dropped).
    public var headers: HTTPHeaders
    /// The body, or empty when it was streamed to a file (`isBodyInFile`).
    public var body: Data
    /// Body bytes received, wherever they went. For a file download this is the file's size.
    public var bodyByteCount: Int64
    /// Whether the body went to the request's `.file` destination (a 2xx response to a download).
    public var isBodyInFile: Bool
    /// Connections opened for this request (`CURLINFO_NUM_CONNECTS`): 0 when a kept-alive
    /// connection was reused.
    public var newConnections: Int
    /// From sending the request to the last byte (`CURLINFO_TOTAL_TIME_T`).
    public var totalTime: Duration

    public init(
        status: Int,
        headers: HTTPHeaders = [:],
        body: Data = Data(),
        bodyByteCount: Int64? = nil,
        isBodyInFile: Bool = false,
        newConnections: Int = 0,
        totalTime: Duration = .zero
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.bodyByteCount = bodyByteCount ?? Int64(body.count)
        self.isBodyInFile = isBodyInFile
        self.newConnections = newConnections
        self.totalTime = totalTime
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}
