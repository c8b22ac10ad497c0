import BotTesting
import TestSupport
import Foundation
import Lending
import LendingBot
import Postgres
import Synchronization
import Testing

/// The gauges `/metrics` reads at scrape time follow the data and the gateway, and keep their
/// last values when the database is slow or fails.
@Suite("Metrics gauges")
struct MetricsGaugeTests {
    @Test("loans by status, free servers and failed tasks follow the database from one scrape to the next")
    func followTheData() async throws {
        try await RunningBot.with { bot in
            try await bot.pool.query("""
                INSERT INTO "ServerBinding" ("name", "pteroId", "serverType", "updatedAt")
                VALUES ('server01', 'aa000001', 'paper', now()), ('server02', 'aa000002', 'paper', now()), ('server03', 'aa000003', 'paper', now())
                """)
            try await bot.pool.query("""
                INSERT INTO "Workflow" ("id", "applicantDiscordId", "description", "mcVersion", "periodDays", "organizerDiscordId", "status",
                                        "pteroServerId", "startDate", "endDate", "updatedAt")
                VALUES (901, '1', 'event', '1.21.4', 30, '1', 'ACTIVE', 'aa000001', now(), now() + interval '30 days', now()),
                       (902, '1', 'next event', '1.21.4', 7, '1', 'PENDING', NULL, NULL, NULL, now()),
                       (903, '1', 'old event', '1.21.4', 7, '1', 'RETURNED', 'aa000002', now() - interval '9 days', now() - interval '2 days', now())
                """)
            try await bot.pool.query("""
                INSERT INTO "LendingTask" ("kind", "workflowId", "pteroServerId", "state", "actor", "lastError", "updatedAt", "finishedAt")
                VALUES ('RETURN', 903, 'aa000002', 'FAILED', 'scheduler', 'the panel refused', now(), now())
                """)

            let loaned = try await bot.scrape()
            #expect(loaned.value("lendingbot_loans", ["status": "ACTIVE"]) == 1)
            #expect(loaned.value("lendingbot_loans", ["status": "PENDING"]) == 1)
            #expect(loaned.value("lendingbot_loans", ["status": "RETURNED"]) == 1)
            #expect(loaned.value("lendingbot_loans", ["status": "REJECTED"]) == 0)
            #expect(loaned.value("lendingbot_free_servers") == 1, "server01 is lent, server02 waits for its failed return")
            #expect(loaned.value("lendingbot_tasks_failed_awaiting_retry") == 1)
            #expect(loaned.value("lendingbot_tasks_queued") == 0)

            try await bot.pool.query(#"UPDATE "Workflow" SET "status" = 'RETURNED' WHERE "id" = 901"#)
            try await bot.pool.query(#"UPDATE "LendingTask" SET "state" = 'CANCELLED' WHERE "workflowId" = 903"#)
            let returned = try await bot.scrape()
            #expect(returned.value("lendingbot_loans", ["status": "ACTIVE"]) == 0)
            #expect(returned.value("lendingbot_loans", ["status": "RETURNED"]) == 2)
            #expect(returned.value("lendingbot_free_servers") == 3)
            #expect(returned.value("lendingbot_tasks_failed_awaiting_retry") == 0)
            #expect(returned.value("lendingbot_state_refreshes_total", ["outcome": "succeeded"]) == 2)
        }
    }

    @Test("a read that is late or fails keeps the last values and is counted as timed_out or failed")
    func slowDatabase() async throws {
        enum Behaviour { case answer(Int), hang, fail }
        struct Refused: Error {}
        let behaviour = Mutex(Behaviour.answer(2))
        let metrics = BotMetrics()
        metrics.attach(MetricsSources(statistics: {
            switch behaviour.withLock({ $0 }) {
            case .answer(let active):
                return LendingStatistics(workflows: [.active: active], freeServers: 4, queuedTasks: 1, failedTasks: 0)
            case .hang:
                try await Task.sleep(for: .seconds(3600))
                return LendingStatistics()
            case .fail:
                throw Refused()
            }
        }, statisticsTimeout: .milliseconds(200)))

        _ = await metrics.scrape()
        #expect(metrics.count("lendingbot_loans", ["status": "ACTIVE"]) == 2)
        #expect(metrics.count("lendingbot_free_servers", [:]) == 4)
        #expect(metrics.count("lendingbot_tasks_queued", [:]) == 1)

        behaviour.withLock { $0 = .hang }
        _ = await metrics.scrape()
        #expect(metrics.count("lendingbot_state_refreshes_total", ["outcome": "timed_out"]) == 1)
        #expect(metrics.count("lendingbot_loans", ["status": "ACTIVE"]) == 2, "the last values stay")
        #expect(metrics.count("lendingbot_free_servers", [:]) == 4)

        behaviour.withLock { $0 = .fail }
        _ = await metrics.scrape()
        #expect(metrics.count("lendingbot_state_refreshes_total", ["outcome": "failed"]) == 1)
        #expect(metrics.count("lendingbot_loans", ["status": "ACTIVE"]) == 2)

        behaviour.withLock { $0 = .answer(0) }
        _ = await metrics.scrape()
        #expect(metrics.count("lendingbot_state_refreshes_total", ["outcome": "succeeded"]) == 2)
        #expect(metrics.count("lendingbot_loans", ["status": "ACTIVE"]) == 0)
    }

    @Test("gateway connected and heartbeat latency come from the session's state at the scrape")
    func gatewayState() async {
        let state = Mutex(MetricsSources.GatewayState(connected: true, heartbeatLatency: .milliseconds(250)))
        let metrics = BotMetrics()
        metrics.attach(MetricsSources(gateway: { state.withLock { $0 } }))
        _ = await metrics.scrape()
        #expect(metrics.count("lendingbot_gateway_connected", [:]) == 1)
        #expect(metrics.count("lendingbot_gateway_heartbeat_latency_seconds", [:]) == 0.25)
        state.withLock { $0 = MetricsSources.GatewayState(connected: false, heartbeatLatency: nil) }
        _ = await metrics.scrape()
        #expect(metrics.count("lendingbot_gateway_connected", [:]) == 0)
        #expect(metrics.count("lendingbot_gateway_heartbeat_latency_seconds", [:]) == 0)
    }

    @Test("two bots in one process keep their series apart")
    func separateRegistries() {
        let first = BotMetrics()
        let second = BotMetrics()
        first.schedulerRan(succeeded: false)
        #expect(first.count("lendingbot_scheduler_runs_total", ["outcome": "failed"]) == 1)
        #expect(second.count("lendingbot_scheduler_runs_total", ["outcome": "failed"]) == 0)
        #expect(second.render().contains(#"lendingbot_scheduler_runs_total{outcome="failed"} 0"#), "created at 0")
    }

    @Test("families come in the README's order, each whole")
    func familyOrder() throws {
        let text = BotMetrics().render()
        let helped = text.split(separator: "\n").filter { $0.hasPrefix("# HELP ") }.map { $0.split(separator: " ")[2] }
        #expect(helped.first == "lendingbot_interactions_total")
        #expect(helped.last == "process_start_time_seconds")
        #expect(helped.count == Set(helped).count, "one block per family")
        let samples = try PrometheusText.parse(text)
        #expect(samples[#"lendingbot_tasks_total{kind="return",outcome="failed"}"#] == 0)
    }
}
