import Foundation
import TestSupport
import Logging
public import Postgres

/// A PostgreSQL cluster of a test's own, for tests that stop or restart the server, which the shared
/// cluster cannot allow. Driven through `scripts/postgres-cluster`, like the suite's own cluster.
public final class TestCluster: Sendable {
    public let folder: String
    public let url: String

    /// Starts a cluster, hands it to `body`, and removes it afterwards whatever happened.
    @discardableResult
    public static func with<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (TestCluster) async throws -> sending Result
    ) async throws -> sending Result {
        let cluster = try await start()
        do {
            let result = try await body(cluster)
            await cluster.remove()
            return result
        } catch {
            await cluster.remove()
            throw error
        }
    }

    public static func start() async throws -> TestCluster {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lending-bot-cluster-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let url = try await run("start", folder).trimmingCharacters(in: .whitespacesAndNewlines)
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
    public func restart() async throws {
        _ = try await Self.run("restart", folder)
    }

    /// Gives the `postgres` role a password and makes loopback connections prove it (scram-sha-256),
    /// so tests can present wrong credentials. The socket folder stays `trust`.
    public func requirePasswords(userPassword: String) async throws {
        let pool = PostgresPool(try configuration(), maximumConnections: 1, logger: .init(label: "test.cluster"))
        try await pool.query(Query(unsafeSQL: "ALTER ROLE postgres PASSWORD '\(userPassword)'"), named: "set password")
        await pool.close()
        let hba = "\(folder)/data/pg_hba.conf"
        let rules = "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n"
        try rules.write(toFile: hba, atomically: false, encoding: .utf8)
        try await restart()
    }

    /// Starts a stopped cluster again with its data, on its port if that is still free.
    public func startAgain() async throws {
        _ = try await Self.run("start", folder)
    }

    public func stop() async throws {
        _ = try await Self.run("stop", folder)
    }

    /// Stops the server and deletes its folder.
    public func remove() async {
        _ = try? await Self.run("stop", folder)
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    private static func run(_ action: String, _ folder: String) async throws -> String {
        let outcome = try await Subprocess.run(PackageRoot.path("scripts/postgres-cluster"), [action, folder])
        guard outcome.status == 0 else {
            throw ClusterScriptFailed(action: action, output: outcome.standardError)
        }
        return outcome.standardOutput
    }
}

public struct ClusterScriptFailed: Error, CustomStringConvertible {
    let action: String
    let output: String
    public var description: String { "scripts/postgres-cluster \(action) failed: \(output)" }
}
