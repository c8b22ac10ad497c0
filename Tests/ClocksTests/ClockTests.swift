import Clocks
import Foundation
import Testing

@Suite("The bot's clock and the clocks tests move")
struct ClockTests {
    @Test("a manual bot clock tells the date its start plus what was advanced, and wakes a sleeper when advanced past its deadline")
    func manualClock() async throws {
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        let manual = ManualClock()
        let clock = BotClock(manual, startingAt: start)
        let sleeper = Task { try await clock.sleep(for: .seconds(60)) }
        while manual.sleeperCount == 0 { await Task.yield() }
        clock.advance(by: .seconds(59))
        #expect(manual.sleeperCount == 1)
        clock.advance(by: .seconds(1))
        try await sleeper.value
        #expect(clock.elapsed == .seconds(60))
        #expect(clock.date == start.addingTimeInterval(60))
        #expect(clock.advanced == .seconds(60))
    }

    @Test("a clock whose sleeps move time returns at once, at the sleeper's deadline")
    func sleepingMovesTime() async throws {
        let clock = BotClock.manual(sleepingMovesTime: true)
        try await clock.sleep(for: .seconds(600))
        #expect(clock.elapsed == .seconds(600))
    }

    @Test("an adjustable clock keeps real time, never goes back, and an advance past a deadline wakes its sleeper")
    func adjustableClock() async throws {
        let made = Date()
        let clock = BotClock.adjustable()
        Self.expectRealTime(clock, madeAfter: made, plus: 0)
        // The deadline is fixed before the sleep starts, so the advance wakes it whichever runs first.
        let deadline = clock.now.advanced(by: .seconds(3_600))
        let sleeper = Task { try await clock.sleep(until: deadline) }
        clock.advance(by: .seconds(-60))
        #expect(clock.advanced == .zero)
        // Only the advance can end this sleep within the hour.
        clock.advance(by: .seconds(3_601))
        try await sleeper.value
        #expect(clock.advanced == .seconds(3_601))
        Self.expectRealTime(clock, madeAfter: made, plus: 3_601)
    }

    /// The clock's date is real time plus what it was advanced: no earlier than when the clock was
    /// made plus the advance, no later than now plus the advance. Bracketed by readings of real time
    /// instead of compared within a tolerance, which a loaded machine could exceed.
    static func expectRealTime(_ clock: BotClock, madeAfter made: Date, plus seconds: TimeInterval, sourceLocation: SourceLocation = #_sourceLocation) {
        let date = clock.date
        let after = Date()
        #expect(date >= made.addingTimeInterval(seconds) && date <= after.addingTimeInterval(seconds), sourceLocation: sourceLocation)
    }

    @Test("an adjustable clock's sleep also ends by real time alone")
    func adjustableClockRealTime() async throws {
        let clock = BotClock.adjustable()
        let deadline = clock.now.advanced(by: .milliseconds(50))
        try await clock.sleep(until: deadline)
        // The clock itself judges the sleep over, and nobody advanced it: real time alone ended it.
        #expect(clock.now >= deadline)
        #expect(clock.advanced == .zero)
    }

    @Test("cancelling a sleep on an adjustable clock ends it with CancellationError")
    func adjustableClockCancellation() async throws {
        let clock = BotClock.adjustable()
        let sleeper = Task { try await clock.sleep(for: .seconds(3_600)) }
        sleeper.cancel()
        await #expect(throws: CancellationError.self) { try await sleeper.value }
    }

    @Test("the system clock counts real time and is not moved by an advance")
    func systemClock() async throws {
        let made = Date()
        let madeOnContinuous = ContinuousClock.now
        let clock = BotClock.system
        clock.advance(by: .seconds(3_600))
        #expect(clock.advanced == .zero)
        Self.expectRealTime(clock, madeAfter: made, plus: 0)
        // It counts no more than real time has passed since before it was made.
        let elapsed = clock.elapsed
        #expect(elapsed <= ContinuousClock.now - madeOnContinuous)
    }
}
