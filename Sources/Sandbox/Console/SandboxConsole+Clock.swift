import Clocks
import Foundation
import Postgres
import SimulatorSupport

/// The clock controls: a jump of some seconds, or to just past the next active loan's end date.
/// The scheduler looks every few seconds in the sandbox, so reminders and expiry follow shortly.
extension SandboxConsole {
    func advanceClock(_ request: SimulatorJSON) async throws -> SimulatorJSON {
        if request["to"]?.stringValue == "next-end" {
            let result = try await pool.query(#"SELECT min("endDate") AS "end" FROM "Workflow" WHERE "status" = 'ACTIVE' AND "endDate" > \#(clock.date)"#,
                                              named: "next loan end")
            guard let end = try result.first?.decode("end", as: Date?.self) else { throw ConsoleRefusal("no active loan ends in the future") }
            clock.advance(by: .seconds(end.timeIntervalSince(clock.date) + 60))
        } else {
            guard let seconds = request["seconds"]?.doubleValue, seconds > 0, seconds <= 366 * 86_400 else {
                throw ConsoleRefusal("seconds must be a number from 1 to a year")
            }
            clock.advance(by: .seconds(seconds))
        }
        return ["now": .string(Self.iso(clock.date)), "offsetSeconds": .double(clock.advanced.timeInterval)]
    }
}
