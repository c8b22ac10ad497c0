import Logging
import ServiceLifecycle
import Synchronization
import Testing
@testable import LendingBot

/// The bot's services in their group: health server, task runner, scheduler and gateway start in
/// that order and stop in reverse; a failing service ends the group with its error; the gateway
/// ending by itself stops the rest gracefully.
@Suite("Service order")
struct ServiceOrderTests {
    /// What the fake services did, in order.
    final class Journal: Sendable {
        private let entries = Mutex<[String]>([])
        func record(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
        var started: [String] { all.filter { $0.hasPrefix("start ") }.map { String($0.dropFirst(6)) } }
        var stopped: [String] { all.filter { $0.hasPrefix("stop ") }.map { String($0.dropFirst(5)) } }
    }

    struct Boom: Error, Equatable {}

    /// Runs until graceful shutdown (or cancellation), or fails or ends on its own when told to.
    struct FakeService: Service, CustomStringConvertible {
        enum Behaviour: Sendable {
            case runUntilShutdown
            case failOnceAllStarted(Int)
            case endOnceAllStarted(Int)
        }

        let name: String
        let journal: Journal
        var behaviour = Behaviour.runUntilShutdown

        var description: String { name }

        func run() async throws {
            journal.record("start \(name)")
            defer { journal.record("stop \(name)") }
            switch behaviour {
            case .runUntilShutdown:
                try? await gracefulShutdown()
            case .failOnceAllStarted(let count):
                await waitUntil(started: count)
                throw Boom()
            case .endOnceAllStarted(let count):
                await waitUntil(started: count)
            }
        }

        private func waitUntil(started count: Int) async {
            while journal.started.count < count, !Task.isCancelled {
                await Task.yield()
            }
        }
    }

    static func services(_ journal: Journal, scheduler: FakeService.Behaviour = .runUntilShutdown,
                         gateway: FakeService.Behaviour = .runUntilShutdown) -> [ServiceGroupConfiguration.ServiceConfiguration] {
        ServiceOrder.ordered(health: FakeService(name: "health", journal: journal),
                            taskRunner: FakeService(name: "task runner", journal: journal),
                            scheduler: FakeService(name: "scheduler", journal: journal, behaviour: scheduler),
                            gateway: FakeService(name: "gateway", journal: journal, behaviour: gateway))
    }

    static func waitUntilAllStarted(_ journal: Journal, _ count: Int) async {
        while journal.started.count < count { await Task.yield() }
    }

    @Test("the group lists health server, task runner, scheduler, gateway; without HEALTH_LISTEN no health server")
    func order() {
        let journal = Journal()
        #expect(Self.services(journal).map(\.serviceName) == ["health", "task runner", "scheduler", "gateway"])
        let withoutHealth = ServiceOrder.ordered(health: nil, taskRunner: FakeService(name: "task runner", journal: journal),
                                                scheduler: FakeService(name: "scheduler", journal: journal),
                                                gateway: FakeService(name: "gateway", journal: journal))
        #expect(withoutHealth.map(\.serviceName) == ["task runner", "scheduler", "gateway"])
    }

    @Test("graceful shutdown stops the gateway first and the health server last")
    func reverseShutdown() async throws {
        let journal = Journal()
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: Self.services(journal), logger: Logger(label: "test")))
        async let running: Void = group.run()
        await Self.waitUntilAllStarted(journal, 4)
        #expect(journal.stopped.isEmpty)
        await group.triggerGracefulShutdown()
        try await running
        #expect(Set(journal.started) == ["health", "task runner", "scheduler", "gateway"])
        #expect(journal.stopped == ["gateway", "scheduler", "task runner", "health"])
    }

    @Test("a service that fails ends the group with its error, and the others stop")
    func failureEndsGroup() async throws {
        let journal = Journal()
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: Self.services(journal, scheduler: .failOnceAllStarted(4)),
                                                                          logger: Logger(label: "test")))
        await #expect(throws: Boom.self) { try await group.run() }
        #expect(Set(journal.stopped) == ["health", "task runner", "scheduler", "gateway"])
    }

    @Test("the gateway ending by itself shuts the rest down gracefully, in reverse, without an error")
    func gatewayEndStopsRest() async throws {
        let journal = Journal()
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: Self.services(journal, gateway: .endOnceAllStarted(4)),
                                                                          logger: Logger(label: "test")))
        try await group.run()
        #expect(journal.stopped == ["gateway", "scheduler", "task runner", "health"])
    }

    @Test("a BotApplication failure thrown by a service is the group's error, so the exit code stays the application's")
    func failureKeepsItsKind() async throws {
        struct Failing: Service {
            func run() async throws { throw BotApplication.Failure("Discord closed the gateway for good: 4004", configuration: true) }
        }
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [.init(service: Failing())], logger: Logger(label: "test")))
        let error = await #expect(throws: BotApplication.Failure.self) { try await group.run() }
        #expect(error?.isConfiguration == true)
        #expect(error?.description == "Discord closed the gateway for good: 4004")
    }
}
