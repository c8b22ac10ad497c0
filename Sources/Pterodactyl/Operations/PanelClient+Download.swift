import HTTP
import Logging
import Secrets
import Foundation

extension PanelClient {
    /// Streams a completed backup to `path` and checks its size against the backup's `bytes`.
    ///
    /// Each attempt asks for a fresh signed URL, because Wings honours a token once (panel#4947):
    /// a retry with the old URL would get 404. Wings is not known to honour `Range`, and the HTTP
    /// module writes to `<path>.partial` from the start, so a retry restarts the transfer rather
    /// than resuming mid-file. Bytes reach `path` only after a complete 2xx response of the right
    /// size; a short or oversized file is removed. The URL (a credential) is never logged.
    /// - Returns: the bytes written.
    @discardableResult
    public func downloadBackup(_ uuid: String, of server: String, to path: String, maxAttempts: Int = 3) async throws(PanelError) -> Int64 {
        let operation = "download backup"
        let backup = try await backup(uuid, of: server)
        switch backup.state {
        case .succeeded: break
        case .failed: throw PanelError(.backupFailed, operation: operation)
        case .running: throw PanelError(.backupNotReady, operation: operation)
        }
        var attempt = 1
        var lastError = PanelError(.transport("no attempt"), operation: operation)
        while attempt <= max(1, maxAttempts) {
            defer { attempt += 1 }
            let url = try await backupDownloadURL(uuid, of: server)
            var request = HTTPRequest(method: .get, url: url.revealed(), headers: ["Accept": "application/octet-stream"],
                                      label: "GET wings download/backup", timeout: configuration.downloadTimeout, destination: .file(path: path))
            // Stopped as soon as it passes the backup's size, not checked only at the end.
            request.maxFileBytes = backup.bytes
            do {
                let response = try await transport.send(request)
                if response.isSuccess && response.isBodyInFile {
                    if response.bodyByteCount == backup.bytes { return response.bodyByteCount }
                    Self.removeFile(path)
                    lastError = PanelError(.sizeMismatch(expected: backup.bytes, received: response.bodyByteCount), operation: operation)
                } else {
                    lastError = PanelError(response.status == 404 ? .notFound : .server(status: response.status), operation: operation)
                }
            } catch let error as HTTPError {
                lastError = PanelError(.transport("\(error.kind)"), operation: operation)
            } catch {
                throw PanelError(.transport("cancelled"), operation: operation)
            }
            logger.info("backup download failed, retrying", metadata: ["panel.server": "\(server)", "http.attempt": "\(attempt)", "http.reason": "\(lastError.kind)"])
            if attempt < maxAttempts { try await backOff(after: attempt, name: operation, reason: "\(lastError.kind)") }
        }
        throw lastError
    }

    static func removeFile(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
