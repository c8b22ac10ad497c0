import BotTesting
import TestSupport
import DiscordSimulator
import Foundation
import Testing

/// `/metrics` of a running bot, scraped from outside and read by prometheus-client's parser: every
/// family the README lists is there, with each of its known series from the start, at 0 where
/// nothing has happened yet.
@Suite("Scraping /metrics")
struct MetricsScrapeTests {
    /// Every combination of `dimensions`' values.
    static func product(_ dimensions: [(String, [String])]) -> [[String: String]] {
        dimensions.reduce([[:]]) { sets, dimension in
            sets.flatMap { set in dimension.1.map { set.merging([dimension.0: $0]) { $1 } } }
        }
    }

    static let interactionTypes = ["command", "autocomplete", "component", "modal", "unknown"]
    static let statuses = ["2xx", "3xx", "4xx", "429", "5xx", "error"]
    static let requestOutcomes = ["succeeded", "rate_limited", "failed"]
    static let discordResources = ["applications", "channels", "gateway", "guilds", "interactions", "users", "webhooks"]

    /// Counter families (as the parser names them, without `_total`) with the series that must
    /// read 0 on a bot that has answered nothing and run no task.
    static let idleCounters: [(family: String, series: [[String: String]])] = [
        ("lendingbot_interactions", product([("type", interactionTypes), ("outcome", ["answered", "refused", "failed"])])),
        ("lendingbot_tasks", product([("kind", ["approve", "return", "release"]), ("outcome", ["succeeded", "failed", "retried"])])),
        ("lendingbot_gateway_reconnects", product([("plan", ["resume", "identify"])])),
        ("lendingbot_gateway_sessions", [["kind": "resumed"]]),
        ("lendingbot_discord_requests", product([("resource", ["interactions", "webhooks"]), ("method", ["POST"]), ("status", statuses)])),
        ("lendingbot_discord_requests", product([("resource", ["channels"]), ("method", ["GET", "PATCH", "POST"]), ("status", statuses)])),
        ("lendingbot_panel_requests", product([("api", ["application", "client"]), ("method", ["DELETE", "GET", "PATCH", "POST", "PUT"]),
                                               ("status", ["3xx", "429", "5xx"])])),
    ]

    /// Counter families whose known series exist from the start, though the start itself may
    /// already have counted some (its Discord calls, its first session, a scheduler pass).
    static let startedCounters: [(family: String, series: [[String: String]])] = [
        ("lendingbot_scheduler_runs", product([("outcome", ["succeeded", "failed"])])),
        ("lendingbot_gateway_sessions", [["kind": "identified"]]),
        ("lendingbot_discord_requests", product([("resource", ["applications"]), ("method", ["GET", "PUT"]), ("status", statuses)])),
        ("lendingbot_discord_requests", product([("resource", ["gateway", "users"]), ("method", ["GET"]), ("status", statuses)])),
        ("lendingbot_discord_requests", product([("resource", ["guilds"]), ("method", ["GET", "PUT"]), ("status", statuses)])),
        ("lendingbot_panel_requests", product([("api", ["application", "client"]), ("method", ["DELETE", "GET", "PATCH", "POST", "PUT"]),
                                               ("status", ["2xx", "4xx", "error"])])),
        ("lendingbot_state_refreshes", product([("outcome", ["succeeded", "failed", "timed_out"])])),
    ]

    static let histograms: [(family: String, series: [[String: String]])] = [
        ("lendingbot_interaction_first_response_seconds", product([("type", interactionTypes)])),
        ("lendingbot_discord_request_duration_seconds", product([("resource", discordResources), ("outcome", requestOutcomes)])),
        ("lendingbot_panel_request_duration_seconds", product([("api", ["application", "client"]), ("outcome", requestOutcomes)])),
    ]

    static let gauges: [(family: String, series: [[String: String]])] = [
        ("lendingbot_loans", product([("status", ["PENDING", "REJECTED", "ACTIVE", "RETURNED"])])),
        ("lendingbot_free_servers", [[:]]),
        ("lendingbot_tasks_queued", [[:]]),
        ("lendingbot_tasks_failed_awaiting_retry", [[:]]),
        ("lendingbot_gateway_connected", [[:]]),
        ("lendingbot_gateway_heartbeat_latency_seconds", [[:]]),
        ("lendingbot_build_info", [["version": RunningBot.version, "commit": RunningBot.commit]]),
        ("process_resident_memory_bytes", [[:]]),
        ("process_open_fds", [[:]]),
        ("process_max_fds", [[:]]),
        ("process_start_time_seconds", [[:]]),
    ]

    @Test("every family with its known series, read by prometheus-client's parser")
    func everyFamily() async throws {
        try await RunningBot.with { bot in
            let metrics = try await bot.scrape()

            for (family, series) in Self.idleCounters {
                #expect(metrics.families[family]?.type == "counter", "\(family)")
                #expect(metrics.families[family]?.help.isEmpty == false, "\(family) has no help")
                for labels in series {
                    #expect(metrics.value(family + "_total", labels) == 0, "\(family)_total\(labels)")
                }
            }
            for (family, series) in Self.startedCounters {
                #expect(metrics.families[family]?.type == "counter", "\(family)")
                for labels in series {
                    #expect(metrics.value(family + "_total", labels).map { $0 >= 0 } == true, "\(family)_total\(labels) missing")
                }
            }
            #expect(metrics.families["process_cpu_seconds"]?.type == "counter")
            #expect(metrics.value("process_cpu_seconds_total").map { $0 > 0 } == true, "a running bot has spent CPU time")

            for (family, series) in Self.histograms {
                #expect(metrics.families[family]?.type == "histogram", "\(family)")
                #expect(metrics.families[family]?.help.isEmpty == false, "\(family) has no help")
                for labels in series {
                    let infinite = labels.merging(["le": "+Inf"]) { $1 }
                    #expect(metrics.value(family + "_bucket", infinite) != nil, "\(family)_bucket\(infinite) missing")
                    #expect(metrics.value(family + "_count", labels) != nil, "\(family)_count\(labels) missing")
                    #expect(metrics.value(family + "_sum", labels) != nil, "\(family)_sum\(labels) missing")
                }
            }
            for type in Self.interactionTypes {
                #expect(metrics.value("lendingbot_interaction_first_response_seconds_count", ["type": type]) == 0, "nothing answered yet: \(type)")
            }
            #expect(metrics.value("lendingbot_panel_request_duration_seconds_count", ["api": "client", "outcome": "rate_limited"]) == 0)
            #expect(metrics.value("lendingbot_discord_request_duration_seconds_count", ["resource": "users", "outcome": "succeeded"]).map { $0 >= 1 } == true,
                    "the start read the bot's own user")

            for (family, series) in Self.gauges {
                #expect(metrics.families[family]?.type == "gauge", "\(family)")
                #expect(metrics.families[family]?.help.isEmpty == false, "\(family) has no help")
                for labels in series {
                    #expect(metrics.value(family, labels) != nil, "\(family)\(labels) missing")
                }
            }
            #expect(metrics.samples(named: "lendingbot_build_info").count == 1)
            #expect(metrics.value("lendingbot_build_info", ["version": RunningBot.version, "commit": RunningBot.commit]) == 1)
            for status in ["PENDING", "REJECTED", "ACTIVE", "RETURNED"] {
                #expect(metrics.value("lendingbot_loans", ["status": status]) == 0, "an empty database: \(status)")
            }
            #expect(metrics.value("lendingbot_free_servers") == 0, "no server bound yet")
            #expect(metrics.value("lendingbot_tasks_queued") == 0)
            #expect(metrics.value("lendingbot_tasks_failed_awaiting_retry") == 0)
            #expect(metrics.value("lendingbot_gateway_connected") == 1)
            #expect(metrics.value("lendingbot_state_refreshes_total", ["outcome": "succeeded"]) == 1, "this scrape read the database once")
            #expect(metrics.value("lendingbot_gateway_sessions_total", ["kind": "identified"]) == 1)
            #expect(metrics.value("process_resident_memory_bytes").map { $0 > 1_000_000 } == true)
            #expect(metrics.value("process_open_fds").map { $0 > 0 } == true)
            let openFDs = try #require(metrics.value("process_open_fds"))
            #expect(metrics.value("process_max_fds").map { $0 >= openFDs } == true)
            // 2020-01-01: any start time before it is a misread of /proc.
            #expect(metrics.value("process_start_time_seconds").map { $0 > 1_577_836_800 } == true)

            let known = Set(metrics.families.keys)
            let every = Set((Self.idleCounters + Self.startedCounters + Self.histograms + Self.gauges).map(\.family) + ["process_cpu_seconds"])
            #expect(known == every, "families served but not listed here, or listed but not served: \(known.symmetricDifference(every))")
        }
    }

    @Test("an answered command counts once, with its first response timed under its type and its callback under interactions")
    func answeredCommand() async throws {
        try await RunningBot.with { bot in
            let command = bot.gateway.makeCommandInteraction(name: "mcserver", options: [.subcommand("checkout", [])])
            bot.gateway.dispatchInteraction(command)
            try await eventually("an answer") { !bot.rest.interactionResponses(for: command.id).isEmpty }
            // The router counts the interaction just after its handler returns, which may be after the answer arrived.
            var metrics = try await bot.scrape()
            for _ in 0..<100 where metrics.value("lendingbot_interactions_total", ["type": "command", "outcome": "answered"]) != 1 {
                try await Task.sleep(for: .milliseconds(50))
                metrics = try await bot.scrape()
            }
            #expect(metrics.value("lendingbot_interactions_total", ["type": "command", "outcome": "answered"]) == 1)
            #expect(metrics.value("lendingbot_interactions_total", ["type": "component", "outcome": "answered"]) == 0)
            #expect(metrics.value("lendingbot_interaction_first_response_seconds_count", ["type": "command"]) == 1)
            #expect(metrics.value("lendingbot_interaction_first_response_seconds_bucket", ["type": "command", "le": "+Inf"]) == 1)
            #expect(metrics.value("lendingbot_interaction_first_response_seconds_count", ["type": "modal"]) == 0)
            #expect(metrics.value("lendingbot_discord_request_duration_seconds_count", ["resource": "interactions", "outcome": "succeeded"]) == 1)
            #expect(metrics.value("lendingbot_discord_requests_total", ["resource": "interactions", "method": "POST", "status": "2xx"]) == 1)
        }
    }
}
