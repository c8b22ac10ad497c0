import Foundation
public import Postgres

/// A PostgreSQL cluster of a test's own, for tests that stop or restart the server, which the shared
/// cluster cannot allow. Driven through `scripts/postgres-cluster`, like the suite's own cluster.
public final class TestCluster: Sendable {
    public let folder: String
    public let url: String

    public static func start() throws -> TestCluster {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lending-bot-cluster-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let url = try run("start", folder).trimmingCharacters(in: .whitespacesAndNewlines)
        return TestCluster(folder: folder, url: url)
    }

    private init(folder: String, url: String) {
        self.folder = folder
        self.url = url
    }

    public func configuration() throws -> ConnectionConfiguration {
        try ConnectionConfiguration(url)
    }

    /// `pg_ctl restart -m fast`: every session is terminated, then the server comes back on the same port.
    public func restart() throws {
        _ = try Self.run("restart", folder)
    }

    public func stop() throws {
        _ = try Self.run("stop", folder)
    }

    /// Stops the server and deletes its folder.
    public func remove() {
        _ = try? Self.run("stop", folder)
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    private static func run(_ action: String, _ folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PackageRoot.path("scripts/postgres-cluster"))
        process.arguments = [action, folder]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ClusterScriptFailed(action: action, output: errorText)
        }
        return text
    }
}

public struct ClusterScriptFailed: Error, CustomStringConvertible {
    let action: String
    let output: String
    public var description: String { "scripts/postgres-cluster \(action) failed: \(output)" }
}
