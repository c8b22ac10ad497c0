import HTTP
import Logging
import Testing

/// The parent of every suite here. Serialized: the timing and memory assertions must not share two
/// cores with the 200-request burst.
@Suite("HTTP", .serialized) struct HTTPTests {}

/// A client whose logs go nowhere, unless a test passes its own logger.
func makeClient(
    _ configuration: HTTPClientConfiguration = HTTPClientConfiguration(),
    logger: Logger = Logger(label: "http-test") { _ in SwiftLogNoOpLogHandler() }
) throws -> HTTPClient {
    try HTTPClient(configuration: configuration, logger: logger)
}

/// Runs `body`, returning its error's kind if it threw an `HTTPError`.
func httpErrorKind(_ body: () async throws -> Void) async -> HTTPError.Kind? {
    do {
        try await body()
        return nil
    } catch let error as HTTPError {
        return error.kind
    } catch {
        Issue.record("expected an HTTPError, got \(error)")
        return nil
    }
}
