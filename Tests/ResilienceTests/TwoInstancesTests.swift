import BotTesting
import Clocks
import DiscordSimulator
import Foundation
import Lending
import LendingAdapters
import LendingBot
import PanelSimulator
import PanelTesting
import Postgres
import SimulatorSupport
import Testing

extension Resilience {
    @Suite("two bot instances on one database")
    struct TwoInstancesTests {
        static let ticks = 100

        @Test("100 scheduler ticks of two instances with loans expiring at different times: each reminder and each return exactly once")
        func twoInstances() async throws {
            let count = ResilienceScale.current.expiringLoans
            try await ResilienceWorld.with(servers: count, members: count, instances: 2) { world in
                let policy = world.configuration.lendingPolicy(subuserPermissions: LoanPermissions.default)
                var loans: [WorkflowRecord] = []
                for number in 1...count {
                    let member = Persona.numbered(number)
                    let service = world.bot.services.workflow
                    let filed = try await service.file(NewWorkflow(applicantDiscordId: member.userID, description: "Event \(number)", mcVersion: "1.21.4",
                                                                   periodDays: 1 + (number * 3) % 7, organizerDiscordId: member.userID),
                                                       panelUsers: [member.userID])
                    _ = try await service.approve(filed.id, by: Persona.moderator.userID, usernames: [member.userID: "player\(number)"])
                    try await world.drainTasks()
                    loans.append(try #require(try await WorkflowTable.find(id: filed.id, on: world.pool)))
                    // The next loan starts a few hours later, so the ends spread over the day too.
                    world.panelWorld.panel.advance(by: .seconds(5 * 3_600))
                }
                try #require(loans.allSatisfy { $0.status == .active && $0.endDate != nil })
                let lastEnd = loans.compactMap(\.endDate).max() ?? Date()
                let step = Int64((lastEnd.timeIntervalSince(world.panelWorld.clock.date) + 86_400) / Double(Self.ticks))

                var tickTimes: [Date] = []
                for _ in 0..<Self.ticks {
                    world.panelWorld.panel.advance(by: .seconds(step))
                    tickTimes.append(world.panelWorld.clock.date)
                    async let first = world.instances[0].scheduler.tick()
                    async let second = world.instances[1].scheduler.tick()
                    _ = try await (first, second)
                    try await world.drainTasks()
                }

                let messages = world.rest.requests(to: .createMessage).filter { $0.status < 400 }
                let nonces = messages.compactMap { $0.body?["nonce"]?.stringValue }
                #expect(Set(nonces).count == nonces.count, "a notice was sent twice")
                for loan in loans {
                    let end = try #require(loan.endDate)
                    let returned = try #require(try await WorkflowTable.find(id: loan.id, on: world.pool))
                    #expect(returned.status == .returned, "#\(loan.id) is \(returned.status)")
                    let returns = try await TaskTable.list(workflowId: loan.id, on: world.pool).filter { $0.kind == .returnLoan }
                    #expect(returns.count == 1 && returns.first?.state == .succeeded, "#\(loan.id): \(returns.count) return tasks")
                    let audits = try await AuditTable.list(workflowId: loan.id, on: world.pool).filter { $0.action == .return }
                    #expect(audits.count == 1)
                    let reminders = messages.filter { Self.isReminder($0.body?["content"]?.stringValue ?? "", of: loan.id) }
                    let expected = Self.expectedReminders(end: end, ticks: tickTimes, reminderDays: policy.reminderDays)
                    #expect(reminders.count == expected, "#\(loan.id): \(reminders.count) reminders, expected \(expected)")
                }
                print("two instances: \(count) loans, \(Self.ticks) ticks of two schedulers, \(nonces.count) messages, each once")
            }
        }

        static func isReminder(_ content: String, of id: Int) -> Bool {
            (content.contains("#\(id) ") || content.contains("#\(id)「")) && (content.contains("day(s)") || content.contains("残り"))
        }

        /// What one scheduler would send over these ticks: at a tick before the end, the most urgent
        /// reminder due, unless it was sent already; sending claims every reminder then due.
        static func expectedReminders(end: Date, ticks: [Date], reminderDays: [Int]) -> Int {
            var claimed: Set<Int> = []
            var sent = 0
            for now in ticks where now < end {
                let due = reminderDays.filter { now >= end.addingTimeInterval(-Double($0) * 86_400) }
                guard let urgent = due.min(), !claimed.contains(urgent) else { continue }
                sent += 1
                claimed.formUnion(due)
            }
            return sent
        }
    }
}
