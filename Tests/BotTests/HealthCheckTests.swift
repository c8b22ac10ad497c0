import Foundation
import Synchronization
import Testing
@testable import LendingBot

/// `/healthz`'s answer without a server: the cache that keeps unauthenticated requests from
/// running a database query each, and where an empty host binds.
@Suite("Health check cache and bind address")
struct HealthCheckTests {
    /// A hand-moved clock for the cache and a probe that counts its runs.
    final class Fixture: Sendable {
        let start = ContinuousClock.now
        let offset = Mutex(Duration.zero)
        let runs = Mutex(0)

        var check: HealthCheck {
            HealthCheck(probes: [{ self.runs.withLock { $0 += 1 }; return "database unreachable" }],
                        now: { self.start + self.offset.withLock { $0 } })
        }
    }

    @Test("fifty requests within a second run the probes once; a later one runs them again")
    func cachedForASecond() async {
        let fixture = Fixture()
        let check = fixture.check
        let answers = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<50 { group.addTask { await check.problems() } }
            return await group.reduce(into: [[String]]()) { $0.append($1) }
        }
        #expect(answers.allSatisfy { $0 == ["database unreachable"] })
        #expect(fixture.runs.withLock { $0 } == 1)
        fixture.offset.withLock { $0 = .milliseconds(999) }
        _ = await check.problems()
        #expect(fixture.runs.withLock { $0 } == 1)
        fixture.offset.withLock { $0 = .milliseconds(1_001) }
        _ = await check.problems()
        #expect(fixture.runs.withLock { $0 } == 2)
    }

    @Test("HEALTH_LISTEN with an empty host binds the IPv4 loopback, not every interface")
    func emptyHostIsLoopback() {
        #expect(HealthServer.bindHost("") == "127.0.0.1")
        #expect(HealthServer.bindHost("localhost") == "127.0.0.1")
        #expect(HealthServer.bindHost("0.0.0.0") == "0.0.0.0", "every interface must be asked for")
        #expect(HealthServer.bindHost("[::1]") == "::1")
        // The reader leaves the empty host for the server to bind, rather than every interface.
        let read = BotConfiguration.reading(environment: ["HEALTH_LISTEN": ":9090"], purpose: .database).configuration
        #expect(read.healthListen == .init(host: "", port: 9090))
    }

    @Test("healthcheck reaches the address the server binds, every interface through the loopback")
    func probeURL() {
        #expect(HealthServer.localURL(host: "", port: 9090, path: "/healthz") == "http://127.0.0.1:9090/healthz")
        #expect(HealthServer.localURL(host: "0.0.0.0", port: 9090, path: "/healthz") == "http://127.0.0.1:9090/healthz")
        #expect(HealthServer.localURL(host: "::", port: 9090, path: "/healthz") == "http://[::1]:9090/healthz")
        #expect(HealthServer.localURL(host: "10.0.0.5", port: 9090, path: "/livez") == "http://10.0.0.5:9090/livez")
    }
}
