// Measures the gateway's receive path (release build: `scripts/benchmark-gateway`):
// 1. zlib-stream inflation + JSON decoding of INTERACTION_CREATE payloads, in memory: events/s, MB/s;
// 2. simulator send → handler receive latency through the real session over loopback: p50/p99.
import Discord
import DiscordSimulator
import Foundation
import Logging
import Secrets
import SimulatorSupport

let eventCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 50_000
var logger = Logger(label: "benchmark")
logger.logLevel = .warning

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
}

// MARK: 1. Decoding throughput

/// A command interaction as Discord sends it (a subcommand with options and a resolved user).
func interactionPayload(sequence: Int) -> [UInt8] {
    let json = """
    {"op":0,"s":\(sequence),"t":"INTERACTION_CREATE","d":{"id":"\(1_600_000_000_000_000_000 + sequence)","application_id":"1100000000000000001",\
    "type":2,"token":"aW50ZXJhY3Rpb246MTYwMDAwMDAwMDAwMDAwMDAwMDpzZWNyZXQtdG9rZW4tdmFsdWUtZm9yLWJlbmNobWFyaw","version":1,\
    "guild_id":"1200000000000000001","channel_id":"1300000000000000001","locale":"ja","guild_locale":"ja","app_permissions":"2248473465835073",\
    "member":{"user":{"id":"1400000000000000001","username":"borrower","discriminator":"0","global_name":"借りる人"},"roles":["1500000000000000001"],\
    "permissions":"2248473465835073","joined_at":"2025-01-01T00:00:00.000000+00:00","deaf":false,"mute":false},\
    "data":{"id":"1700000000000000001","name":"mcserver","type":1,"options":[{"name":"checkout","type":1,"options":[\
    {"name":"description","type":3,"value":"夏祭りのイベント用サーバー"},{"name":"version","type":3,"value":"1.21.4"},\
    {"name":"days","type":4,"value":14},{"name":"organizer","type":6,"value":"1400000000000000002"}]}],\
    "resolved":{"users":{"1400000000000000002":{"id":"1400000000000000002","username":"organizer","discriminator":"0"}}}}}}
    """
    return Array(json.utf8)
}

let deflater = ZlibStreamDeflater()
var rawBytes = 0
let compressed = (1...eventCount).map { sequence in
    let payload = interactionPayload(sequence: sequence)
    rawBytes += payload.count
    return deflater.compress(payload)
}
let compressedBytes = compressed.reduce(0) { $0 + $1.count }
let inflater = try ZlibStreamInflater()
let decodeStart = ContinuousClock.now
var decoded = 0
for message in compressed {
    guard let payload = try inflater.push(message) else { continue }
    let dispatch = GatewayDispatch(sequence: 0, name: "INTERACTION_CREATE", payload: Data(payload))
    if try dispatch.decode(Interaction.self).type == .applicationCommand { decoded += 1 }
}
let decodeTime = seconds(ContinuousClock.now - decodeStart)

// The session reads every payload's op, s and t before the application decodes it: once by
// scanning the top level (GatewayFrame.read, what the session does), once the way it did before,
// with Foundation's decoder over the whole document.
let payloads = (1...eventCount).map(interactionPayload(sequence:))
let scanStart = ContinuousClock.now
var scanned = 0
for payload in payloads where try GatewayFrame.read(payload).name == "INTERACTION_CREATE" { scanned += 1 }
let scanTime = seconds(ContinuousClock.now - scanStart)
let foundationStart = ContinuousClock.now
var foundationRead = 0
for payload in payloads where try JSONDecoder().decode(GatewayFrame.self, from: Data(payload)).name == "INTERACTION_CREATE" { foundationRead += 1 }
let foundationTime = seconds(ContinuousClock.now - foundationStart)

print("| stage | events | events/s | MB/s (inflated) | MB/s (on the wire) |")
print("|---|---|---|---|---|")
print(String(format: "| inflate + decode Interaction | %d | %.0f | %.1f | %.1f |", decoded, Double(decoded) / decodeTime,
             Double(rawBytes) / decodeTime / 1e6, Double(compressedBytes) / decodeTime / 1e6))
print(String(format: "| read op, s, t (scan, as the session does) | %d | %.0f | %.1f | – |", scanned, Double(scanned) / scanTime,
             Double(rawBytes) / scanTime / 1e6))
print(String(format: "| read op, s, t (Foundation's decoder, as before) | %d | %.0f | %.1f | – |", foundationRead, Double(foundationRead) / foundationTime,
             Double(rawBytes) / foundationTime / 1e6))
print("")

// MARK: 2. Send → receive latency through the session

let latencyEvents = min(eventCount, 5_000)
let simulator = DiscordGatewaySimulator(configuration: .init(botToken: "benchmark.token", heartbeatInterval: .seconds(30)))
try await simulator.start()
let gatewayURL = simulator.gatewayURL.absoluteString
let session = GatewaySession(configuration: .init(token: Secret("benchmark.token")) { gatewayURL }, logger: logger)
let runner = Task { try await session.run() }
struct Stamp: Decodable { let sentAt: Int64 }
let origin = ContinuousClock.now
func nanosecondsSinceOrigin() -> Int64 {
    let elapsed = ContinuousClock.now - origin
    return elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
}

/// One event in flight at a time, so each measurement is the path's latency, not a queue's.
func measureLatencies(count: Int) async throws -> [Double] {
    var iterator = session.dispatches.makeAsyncIterator()
    while let dispatch = await iterator.next(), dispatch.name != "READY" {}
    var latencies: [Double] = []
    latencies.reserveCapacity(count)
    for _ in 0..<count {
        simulator.dispatch(event: "BENCHMARK", data: .object(["sentAt": .integer(nanosecondsSinceOrigin())]))
        while let dispatch = await iterator.next() {
            guard dispatch.name == "BENCHMARK" else { continue }
            let stamp = try dispatch.decode(Stamp.self)
            latencies.append(Double(nanosecondsSinceOrigin() - stamp.sentAt) / 1e6)
            break
        }
    }
    return latencies
}

var latencies = try await measureLatencies(count: latencyEvents)
latencies.sort()
print("| path | events | p50 (ms) | p99 (ms) | max (ms) |")
print("|---|---|---|---|---|")
print(String(format: "| simulator send → session dispatch (zlib-stream, loopback) | %d | %.3f | %.3f | %.3f |", latencies.count,
             percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.last ?? 0))
runner.cancel()
_ = await runner.result
await simulator.stop()
