import Foundation
import HTTP
public import Logging
import Postgres

/// `lending-bot doctor`: checks, without changing anything, that the configuration can run the
/// bot: every variable, the database and its migrations, Discord (token, guild, notify channel,
/// role hierarchy, commands), the panel keys and the pool's servers, Mojang's version manifest,
/// the archive target and `TLS_CA_FILE`.
///
/// Each group of checks lives in its own file (`Doctor+…`). A check that depends on something
/// that failed or is unset is reported as skipped rather than repeated as a failure.
public struct Doctor: Sendable {
    public struct Options: Sendable {
        /// The Prisma migrations folder; nil skips the migration check with a warning.
        public var migrationsFolder: String?
        /// How long any one network call may take.
        public var requestTimeout: Duration = .seconds(10)
        /// How long the database may take to answer `SELECT 1`.
        public var databaseTimeout: Duration = .seconds(5)
        /// How long `rclone lsd remote:` may take.
        public var rcloneTimeout: Duration = .seconds(20)

        public init(migrationsFolder: String? = nil) {
            self.migrationsFolder = migrationsFolder
        }
    }

    let environment: [String: String]
    let options: Options
    let logger: Logger

    /// - Parameter environment: the process environment merged over `.env`, as `run` reads it.
    public init(environment: [String: String], options: Options = Options(), logger: Logger) {
        self.environment = environment
        self.options = options
        self.logger = logger
    }

    public func run() async -> DoctorReport {
        let (configuration, problems) = BotConfiguration.reading(environment: environment, purpose: .run)
        var report = DoctorReport(checks: Self.configurationChecks(problems))
        report.checks.append(Self.tlsCACheck(configuration))
        report.checks.append(await archiveCheck(configuration))
        let bindings = await databaseChecks(configuration, into: &report)
        let http: HTTPClient
        do {
            http = try HTTPClient(configuration: HTTPClientConfiguration(caFile: configuration.tlsCAFile), logger: logger)
        } catch {
            report.checks.append(DoctorCheck("http client", .failed, "cannot start the HTTP client: \(error)"))
            return report
        }
        defer { http.shutdown() }
        report.checks += await discordChecks(configuration, http: http)
        report.checks += await panelChecks(configuration, bindings: bindings, http: http)
        report.checks.append(await versionManifestCheck(configuration, http: http))
        return report
    }

    /// One failed row per configuration problem (`BotConfiguration.Problems`: every one, not
    /// only the first), or one ok row.
    static func configurationChecks(_ problems: BotConfiguration.Problems) -> [DoctorCheck] {
        guard !problems.isEmpty else {
            return [DoctorCheck("configuration", .ok, "every variable is set and readable")]
        }
        return (problems.invalid + problems.missing).map { problem in
            let variable = problem.split(separator: ":", maxSplits: 1).first.map(String.init) ?? "configuration"
            return DoctorCheck("config \(variable)", .failed, problem)
        }
    }
}
