import ArgumentParser
import CommandLineSupport
import Glibc
import LendingBot
import Logging
import Postgres

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Migrate the database (unless --no-migrate), then run the bot until SIGTERM or SIGINT.",
        discussion: ConfigurationHelp.text
    )

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .customLong("no-migrate"),
          help: "Apply no migration: for a database whose schema another tool applies. Refuses to start (exit 1) while one is pending.")
    var noMigrate = false

    func run() async throws {
        // glibc gives each thread that allocates its own malloc arena (up to eight per core), and
        // memory freed into one stays resident there; the bot's threads (Swift's pool, one per
        // database connection, libcurl's) then hold many half-empty arenas. Two are enough for
        // the few threads that allocate at once, and they keep resident memory from creeping up
        // under load. Set before the bot's own threads start.
        limitMallocArenas(to: 2)
        // A burst the bot falls behind on holds tens of MiB of pending work; glibc keeps that memory
        // after it is freed, so resident memory stayed at the burst's peak for good (a heap
        // profile over a benchmark run: the live heap back at 4 MiB after a 78 MiB peak, resident
        // memory not). Handing free pages back every few seconds costs little when there are none.
        let trimming = Task.detached { await returnFreedMemory(every: .seconds(5)) }
        defer { trimming.cancel() }
        try await reportingOperatorErrors {
            let configuration: BotConfiguration
            var missing: [String] = []
            do {
                configuration = try BotConfiguration.load(purpose: .run)
            } catch let problems as BotConfiguration.Problems where problems.invalid.isEmpty && !problems.missing.contains(where: { $0.hasPrefix("DATABASE_URL") }) {
                // Only settings for Discord or the panel are missing: the database can still be prepared.
                configuration = try BotConfiguration.load(purpose: .database)
                missing = problems.missing
            }
            LogSetup.bootstrap(level: configuration.logLevel, format: configuration.logFormat)
            if noMigrate {
                let (_, status) = try await DatabaseMigration.status(configuration: configuration, migrationsFolder: database.migrations)
                if let problem = DatabaseMigration.notReady(status) { throw OperatorError(problem) }
                print("Database is up to date: \(status.applied.count) migration(s) applied, none pending (--no-migrate: nothing applied).")
            } else {
                let report = try await DatabaseMigration.run(configuration: configuration, migrationsFolder: database.migrations)
                print(DatabaseMigration.summary(of: report))
            }
            // A supervisor's log gets the line now, not when the bot stops (nil: every output stream).
            fflush(nil)
            guard missing.isEmpty else {
                throw OperatorError(lines: ["the database is ready; set these to run the bot (see README.md, Configuration):"] + missing.map { "  \($0)" },
                                    configuration: true)
            }
            let logger = Logger(label: "lending-bot")
            var options = BotApplication.Options()
            options.version = BuildInfo.release
            options.commit = BuildInfo.commit ?? "unknown"
            do {
                try await ProcessLifecycle.run(BotApplication(configuration: configuration, options: options, logger: logger), logger: logger)
            } catch let failure as BotApplication.Failure {
                throw OperatorError(failure.description, configuration: failure.isConfiguration)
            }
        }
    }
}

/// `malloc_trim(0)` every `interval` until cancelled: gives the free memory of every arena back
/// to the system. Looked up by name, as `mallopt` is.
private func returnFreedMemory(every interval: Duration) async {
    typealias MallocTrim = @convention(c) (Int) -> Int32
    guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "malloc_trim") else { return }
    let trim = unsafeBitCast(symbol, to: MallocTrim.self)
    while (try? await Task.sleep(for: interval)) != nil {
        _ = trim(0)
    }
}

/// `mallopt(M_ARENA_MAX, count)`. Swift's Glibc module leaves out malloc.h, so the function is
/// looked up by name; M_ARENA_MAX is -8 in that header.
private func limitMallocArenas(to count: Int32) {
    typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
    guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
    _ = unsafeBitCast(symbol, to: MallocOption.self)(-8, count)
}
