import Foundation
import Postgres
import PostgresTesting
import Testing
import TestSupport

@Suite("Transactions")
struct TransactionTests {
    struct Refused: Error {}

    @Test("a body that throws leaves nothing behind; one that returns is committed")
    func rollbackAndCommit() async throws {
        try await TestDatabase.with { pool in
            try await pool.executeScript("CREATE TABLE t (x INT)", name: "create table")
            await #expect(throws: Refused.self) {
                try await pool.withTransaction { tx in
                    try await tx.query("INSERT INTO t VALUES (\(1))")
                    throw Refused()
                }
            }
            try await pool.withTransaction { tx in try await tx.query("INSERT INTO t VALUES (\(2))") }
            let values = try await pool.query("SELECT x FROM t").rows.map { try $0.decode("x", as: Int.self) }
            #expect(values == [2])
        }
    }

    @Test("a failed statement rolls back the statements before it")
    func failedStatement() async throws {
        try await TestDatabase.with { pool in
            try await pool.executeScript("CREATE TABLE t (x INT PRIMARY KEY)", name: "create table")
            await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { tx in
                    try await tx.query("INSERT INTO t VALUES (\(1))")
                    try await tx.query("INSERT INTO t VALUES (\(1))")
                }
            }
            #expect(try await pool.query("SELECT count(*)::int AS n FROM t").first?.decode("n", as: Int.self) == 0)
        }
    }

    @Test("BEGIN travels with the first statement: that statement runs inside the transaction, at its isolation level, and its failure is its own")
    func beginWithFirstStatement() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            try await pool.executeScript("CREATE TABLE t (x INT PRIMARY KEY)", name: "create table")
            let level = try await pool.withTransaction(.serializable) { tx in
                try await tx.query("SELECT current_setting('transaction_isolation') AS level").first?.decode("level", as: String.self)
            }
            #expect(level == "serializable")
            // (That a first statement is rolled back with its transaction, the first test shows.)

            // A first statement that fails: the error names it, nothing stays behind, and the one
            // session of the pool works on.
            try await pool.query("INSERT INTO t VALUES (\(1))")
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { tx in try await tx.query("INSERT INTO t VALUES (\(1))", named: "insert the same row") }
            }
            #expect(error?.sqlState == .uniqueViolation)
            #expect(error?.operation == "insert the same row")
            await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { tx in try await tx.query("SELEC 1", named: "broken statement") }
            }
            // A transaction that sends nothing commits nothing, and the session is not left in one.
            try await pool.withTransaction { _ in }
            try await pool.withTransaction { tx in try await tx.query("INSERT INTO t VALUES (\(2))") }
            let values = try await pool.query("SELECT x FROM t ORDER BY x").rows.map { try $0.decode("x", as: Int.self) }
            #expect(values == [1, 2])
            try await expectNoTransactionLeftOpen(pool)
        }
    }

    @Test("a queued statement runs, in order, before the transaction's next statement or its COMMIT; its failure is that statement's or the commit's, under the queued statement's name, and nothing of the transaction stays")
    func queuedStatements() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            try await pool.executeScript("CREATE TABLE t (x INT PRIMARY KEY)", name: "create table")
            func values() async throws -> [Int] {
                try await pool.query("SELECT x FROM t ORDER BY x").rows.map { try $0.decode("x", as: Int.self) }
            }
            // Queued before a statement: that statement sees the rows, in the order queued.
            let seen = try await pool.withTransaction { tx in
                tx.queue("INSERT INTO t VALUES (\(1))", named: "insert one")
                tx.queue("INSERT INTO t SELECT max(x) + 1 FROM t", named: "insert the next")
                return try await tx.query("SELECT count(*)::int AS n FROM t").first?.decode("n", as: Int.self)
            }
            #expect(seen == 2)
            // A transaction of queued statements only: they go with its COMMIT, and are committed.
            try await pool.withTransaction { tx in tx.queue("INSERT INTO t VALUES (\(3))", named: "insert three") }
            #expect(try await values() == [1, 2, 3])

            // A queued statement that fails fails the statement it travelled with, under its own name.
            let beforeStatement = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { tx in
                    try await tx.query("INSERT INTO t VALUES (\(10))")
                    tx.queue("INSERT INTO t VALUES (\(1))", named: "insert a row that exists")
                    try await tx.query("INSERT INTO t VALUES (\(11))", named: "insert eleven")
                }
            }
            #expect(beforeStatement?.sqlState == .uniqueViolation)
            #expect(beforeStatement?.operation == "insert a row that exists")
            // ... or the commit, and what ran before it is rolled back too.
            let atCommit = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { tx in
                    try await tx.query("INSERT INTO t VALUES (\(20))")
                    tx.queue("INSERT INTO t VALUES (\(21))", named: "insert twenty-one")
                    tx.queue("INSERT INTO t VALUES (\(2))", named: "insert two again")
                }
            }
            #expect(atCommit?.sqlState == .uniqueViolation)
            #expect(atCommit?.operation == "insert two again")
            // A body that throws after queueing: the queued statement is never sent.
            await #expect(throws: Refused.self) {
                try await pool.withTransaction { tx in
                    tx.queue("INSERT INTO t VALUES (\(30))", named: "insert thirty")
                    throw Refused()
                }
            }
            #expect(try await values() == [1, 2, 3])
            try await expectNoTransactionLeftOpen(pool)
        }
    }

    @Test("two statements sent together return both results, in order, after what was queued; either one's failure is thrown under its name and nothing stays")
    func statementPair() async throws {
        try await TestDatabase.with(maximumConnections: 1) { pool in
            try await pool.executeScript("CREATE TABLE t (x INT PRIMARY KEY)", name: "create table")
            let (count, level) = try await pool.withTransaction(.repeatableRead) { tx in
                tx.queue("INSERT INTO t VALUES (\(1)), (\(2))", named: "insert two")
                let (count, level) = try await tx.query("SELECT count(*)::int AS n FROM t", named: "count",
                                                        "SELECT current_setting('transaction_isolation') AS level", named: "isolation")
                return (try count.first?.decode("n", as: Int.self), try level.first?.decode("level", as: String.self))
            }
            #expect(count == 2)
            #expect(level == "repeatable read")
            for (first, second, failing) in [("INSERT INTO t VALUES (1)", "SELECT 1", "first"), ("SELECT 1", "INSERT INTO t VALUES (2)", "second")] {
                let error = await #expect(throws: PostgresError.self) {
                    try await pool.withTransaction { tx in
                        try await tx.query("INSERT INTO t VALUES (\(3))")
                        _ = try await tx.query(Query(unsafeSQL: first), named: "first", Query(unsafeSQL: second), named: "second")
                    }
                }
                #expect(error?.sqlState == .uniqueViolation)
                #expect(error?.operation == failing)
            }
            let values = try await pool.query("SELECT x FROM t ORDER BY x").rows.map { try $0.decode("x", as: Int.self) }
            #expect(values == [1, 2])
            try await expectNoTransactionLeftOpen(pool)
        }
    }

    @Test("a statement queued for reading has its result once sent, with the next statement or the COMMIT; rows queued after it refer to its row in the same round trip; a failure after it leaves nothing")
    func queuedForReading() async throws {
        try await TestDatabase.with(maximumConnections: 2) { pool in
            try await pool.executeScript("""
                CREATE TABLE parent (id SERIAL PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE child (parent INT NOT NULL REFERENCES parent, note TEXT NOT NULL UNIQUE)
                """, name: "create tables")
            // The row this session inserted last, as the server knows it: the rows queued after
            // it name it without its id having come back.
            let lastParent = "currval(pg_get_serial_sequence('parent', 'id'))::int"
            func children(of id: Int) async throws -> [String] {
                try await pool.query("SELECT note FROM child WHERE parent = \(id) ORDER BY note").rows.map { try $0.decode("note", as: String.self) }
            }
            // Read with the COMMIT: the body's last act queues the row and its children.
            let committed = try await pool.withTransaction { tx in
                try await tx.query("SELECT 1", named: "open")
                let parent = tx.queueReading("INSERT INTO parent (name) VALUES (\("first")) RETURNING id", named: "insert parent")
                tx.queue("INSERT INTO child SELECT \(unsafeSQL: lastParent), \("a")", named: "insert child a")
                tx.queue("INSERT INTO child SELECT \(unsafeSQL: lastParent), \("b")", named: "insert child b")
                return parent
            }
            let first = try committed.get().first?.decode("id", as: Int.self)
            #expect(first != nil)
            #expect(try await children(of: first ?? -1) == ["a", "b"])

            // Read with the next statement, inside the body, in the same round trip as the BEGIN.
            let (second, seen) = try await pool.withTransaction { tx in
                let parent = tx.queueReading("INSERT INTO parent (name) VALUES (\("second")) RETURNING id", named: "insert parent")
                tx.queue("INSERT INTO child SELECT \(unsafeSQL: lastParent), \("c")", named: "insert child c")
                let count = try await tx.query("SELECT count(*)::int AS n FROM child", named: "count children").first?.decode("n", as: Int.self)
                return (try parent.get().first?.decode("id", as: Int.self), count)
            }
            #expect(seen == 3)
            #expect(second != nil && second != first)
            #expect(try await children(of: second ?? -1) == ["c"])

            // Two sessions at once: each one's children name its own row.
            let pairs = try await withThrowingTaskGroup(of: (String, Int?).self) { group in
                for name in (0..<8).map({ "parallel \($0)" }) {
                    group.addTask {
                        let parent = try await pool.withTransaction { tx in
                            let parent = tx.queueReading("INSERT INTO parent (name) VALUES (\(name)) RETURNING id", named: "insert parent")
                            tx.queue("INSERT INTO child SELECT \(unsafeSQL: lastParent), \(name)", named: "insert child")
                            return parent
                        }
                        return (name, try parent.get().first?.decode("id", as: Int.self))
                    }
                }
                return try await group.reduce(into: [(String, Int?)]()) { $0.append($1) }
            }
            for (name, id) in pairs {
                #expect(try await children(of: id ?? -1) == [name])
            }

            // A statement after it that fails at the COMMIT: the error is that statement's, and
            // neither the row nor anything else of the transaction stays.
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction { tx in
                    let parent = tx.queueReading("INSERT INTO parent (name) VALUES (\("doomed")) RETURNING id", named: "insert parent")
                    tx.queue("INSERT INTO child SELECT \(unsafeSQL: lastParent), \("a")", named: "insert a note that exists")
                    return parent
                }
            }
            #expect(error?.sqlState == .uniqueViolation)
            #expect(error?.operation == "insert a note that exists")
            #expect(try await pool.query("SELECT count(*)::int AS n FROM parent WHERE name = \("doomed")").first?.decode("n", as: Int.self) == 0)
        }
    }

    /// Outside a transaction block every statement is a transaction of its own: with a pool of one
    /// session, two statements with different transaction ids show that no transaction was left open.
    private func expectNoTransactionLeftOpen(_ pool: PostgresPool) async throws {
        let first = try await pool.query("SELECT pg_current_xact_id()::text AS id").first?.decode("id", as: String.self)
        let second = try await pool.query("SELECT pg_current_xact_id()::text AS id").first?.decode("id", as: String.self)
        #expect(first != nil && first != second, "the session was left inside a transaction")
    }

    @Test("a deadlock is retried and both transactions end up committed")
    func deadlockRetried() async throws {
        try await TestDatabase.with { pool in
            try await pool.executeScript("CREATE TABLE t (id INT PRIMARY KEY, n INT); INSERT INTO t VALUES (1, 0), (2, 0)", name: "create table")
            let attempts = Recorder<String>()
            let firstRowsLocked = Recorder<String>()
            // Each transaction locks one row, waits until the other has locked the other row (on its
            // first attempt: a retry must not wait for a transaction that already ended), then asks
            // for it, so the two certainly deadlock however the machine schedules them.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (first, second) in [(1, 2), (2, 1)] {
                    group.addTask {
                        try await pool.withTransaction { tx in
                            let isFirstAttempt = await !attempts.values.contains("\(first)")
                            await attempts.append("\(first)")
                            try await tx.query("UPDATE t SET n = n + 1 WHERE id = \(first)")
                            if isFirstAttempt {
                                await firstRowsLocked.append("\(first)")
                                // Bounded, so that a partner which failed before locking fails the test, not hangs it.
                                var waits = 0
                                while await firstRowsLocked.values.count < 2, waits < 4_000 {
                                    waits += 1
                                    try await Task.sleep(for: .milliseconds(5))
                                }
                            }
                            try await tx.query("UPDATE t SET n = n + 1 WHERE id = \(second)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(await attempts.values.count >= 3, "one of the two must have been run again")
            let counts = try await pool.query("SELECT n FROM t ORDER BY id").rows.map { try $0.decode("n", as: Int.self) }
            #expect(counts == [2, 2])
        }
    }

    @Test("a serialization failure is retried until the work is done once per caller")
    func serializationRetried() async throws {
        try await TestDatabase.with(maximumConnections: 2) { pool in
            try await pool.executeScript("CREATE TABLE counter (n INT); INSERT INTO counter VALUES (0)", name: "create table")
            let attempts = Recorder<Int>()
            let bothRead = Rendezvous(parties: 2)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for caller in 0..<2 {
                    group.addTask {
                        try await pool.withTransaction(.serializable, maxAttempts: 5) { tx in
                            await attempts.append(caller)
                            let n = try #require(try await tx.query("SELECT n FROM counter").first?.decode("n", as: Int.self))
                            // On their first attempts both read the same n before either writes:
                            // the second UPDATE must fail to serialize, whichever it is.
                            if await attempts.values.filter({ $0 == caller }).count == 1 { await bothRead.arrive() }
                            try await tx.query("UPDATE counter SET n = \(n + 1)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await pool.query("SELECT n FROM counter").first?.decode("n", as: Int.self) == 2)
            #expect(await attempts.values.count == 3, "one caller ran twice: its first attempt failed to serialize")
        }
    }

    /// Lets `parties` tasks go on together once all of them have arrived.
    private actor Rendezvous {
        private let parties: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(parties: Int) {
            self.parties = parties
        }

        func arrive() async {
            await withCheckedContinuation { continuation in
                waiting.append(continuation)
                guard waiting.count == parties else { return }
                waiting.forEach { $0.resume() }
                waiting = []
            }
        }
    }

    @Test("retries stop after maxAttempts and the serialization failure surfaces")
    func boundedRetries() async throws {
        try await TestDatabase.with { pool in
            let attempts = Recorder<Int>()
            let error = await #expect(throws: PostgresError.self) {
                try await pool.withTransaction(maxAttempts: 3) { tx in
                    await attempts.append(1)
                    try await tx.query("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$")
                }
            }
            #expect(error?.sqlState == .serializationFailure)
            #expect(await attempts.values.count == 3)
        }
    }
}
