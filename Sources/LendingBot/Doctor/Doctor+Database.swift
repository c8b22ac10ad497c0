import Lending
import Postgres
import Secrets

/// `DATABASE_URL`: reachable, answers `SELECT 1`, and where it stands against the migrations.
extension Doctor {
    /// Appends the database rows; returns the pool's servers (`ServerBinding`) for the panel
    /// checks, or nil when they could not be read.
    func databaseChecks(_ configuration: BotConfiguration, into report: inout DoctorReport) async -> [ServerBindingRecord]? {
        guard let url = configuration.databaseURL else {
            report.checks.append(DoctorCheck("database", .skipped, "DATABASE_URL is not set"))
            return nil
        }
        let connection: ConnectionConfiguration
        do {
            connection = try ConnectionConfiguration(url.revealed())
        } catch {
            report.checks.append(DoctorCheck("database", .failed, "\(error)"))
            return nil
        }
        let pool = PostgresPool(connection, maximumConnections: 1, logger: logger)
        let bindings = await databaseChecks(on: pool, connection: connection, into: &report)
        await pool.close()
        return bindings
    }

    private func databaseChecks(on pool: PostgresPool, connection: ConnectionConfiguration, into report: inout DoctorReport) async -> [ServerBindingRecord]? {
        let answer = await HealthCheck.firstOf(timeout: options.databaseTimeout) {
            do {
                _ = try await pool.query(Query(unsafeSQL: "SELECT 1"), named: "doctor")
                return nil
            } catch {
                return "DATABASE_URL: \(error)"
            }
        }
        switch answer {
        case .none:
            report.checks.append(DoctorCheck("database", .failed, "DATABASE_URL: the database did not answer within \(options.databaseTimeout)"))
            return nil
        case .some(.some(let problem)):
            report.checks.append(DoctorCheck("database", .failed, problem))
            return nil
        case .some(.none):
            report.checks.append(DoctorCheck("database", .ok, "\(connection.host):\(connection.port)/\(connection.database ?? "-") answers SELECT 1"))
        }
        report.checks.append(await migrationCheck(pool))
        do {
            return try await LendingQueries(pool: pool).serverBindings()
        } catch let error as PostgresError where error.sqlState == .undefinedTable {
            report.checks.append(DoctorCheck("server pool", .skipped, "the ServerBinding table does not exist until the migrations are applied"))
            return nil
        } catch {
            report.checks.append(DoctorCheck("server pool", .failed, "cannot read ServerBinding: \(error)"))
            return nil
        }
    }

    /// Applied against pending, never applying anything: pending ones are a warning because
    /// `run` applies them at start-up; a changed or half-applied migration stops `run`, so fails.
    private func migrationCheck(_ pool: PostgresPool) async -> DoctorCheck {
        let name = "migrations"
        guard let folder = options.migrationsFolder else {
            return DoctorCheck(name, .warning, "no Prisma/migrations folder found; pass --migrations PATH to compare the database with it")
        }
        let status: Migrator.Status
        do {
            status = try await Migrator(pool: pool, logger: logger).status(of: try Migration.load(from: folder))
        } catch {
            return DoctorCheck(name, .failed, "\(error)")
        }
        if !status.incomplete.isEmpty {
            return DoctorCheck(name, .failed, "started but never finished: \(status.incomplete.joined(separator: ", ")); resolve it in _prisma_migrations before migrating")
        }
        if !status.changed.isEmpty {
            return DoctorCheck(name, .failed, "changed since they were applied: \(status.changed.joined(separator: ", ")); restore the files of this release")
        }
        if !status.pending.isEmpty {
            return DoctorCheck(name, .warning, "\(status.pending.count) pending (\(status.pending.joined(separator: ", "))): run lending-bot migrate, or let run apply them")
        }
        if !status.unknownApplied.isEmpty {
            return DoctorCheck(name, .warning, "the database has migrations this release lacks (\(status.unknownApplied.joined(separator: ", "))): is this an older release?")
        }
        return DoctorCheck(name, .ok, "all \(status.applied.count) applied")
    }
}
