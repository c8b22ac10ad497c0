import Foundation

/// TLS in front of a plain-TCP simulator on loopback, with a throwaway CA, so tests can check what
/// TLS verification and ALPN do (`scripts/support/tls-front.py`, `scripts/support/make-test-ca`).
///
/// The front offers the ALPN protocols it is given, by preference; Discord's edge prefers `h2` over
/// `http/1.1`. `negotiatedProtocols()` says what each connection agreed on.
public final class TLSFront: Sendable {
    public let port: UInt16
    /// The CA that signed the front's certificate (for `TLS_CA_FILE` / `CURLOPT_CAINFO`).
    public let caFile: String
    private let folder: String
    private let process: BackgroundProcess

    /// Starts a front that forwards to `127.0.0.1:targetPort`, offering `protocols` in ALPN.
    public static func start(forwardingTo targetPort: UInt16, offering protocols: [String] = ["h2", "http/1.1"]) async throws -> TLSFront {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tls-front-\(UUID().uuidString.prefix(8))").path
        let made = try await Subprocess.run(PackageRoot.path("scripts/support/make-test-ca"), [folder])
        guard made.status == 0 else { throw BackgroundProcess.StartFailed(description: "make-test-ca failed: \(made.standardError)") }
        let (process, line) = try await BackgroundProcess.start("python3", [
            PackageRoot.path("scripts/support/tls-front.py"), "\(folder)/server.pem", "\(folder)/server.key", "\(targetPort)", "\(folder)/alpn.log",
            protocols.joined(separator: ","),
        ])
        guard line.hasPrefix("listening "), let port = UInt16(line.dropFirst("listening ".count)) else {
            process.stop()
            throw BackgroundProcess.StartFailed(description: "tls-front said \(line)")
        }
        return TLSFront(port: port, caFile: "\(folder)/ca.pem", folder: folder, process: process)
    }

    private init(port: UInt16, caFile: String, folder: String, process: BackgroundProcess) {
        self.port = port
        self.caFile = caFile
        self.folder = folder
        self.process = process
    }

    /// The ALPN protocol each connection negotiated so far ("None" when the client offered none).
    public func negotiatedProtocols() -> [String] {
        let text = (try? String(contentsOfFile: "\(folder)/alpn.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    public func stop() {
        process.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
