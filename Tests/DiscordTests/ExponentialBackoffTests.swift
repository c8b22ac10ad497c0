import Backoff
import Testing

@Suite("The one retry policy")
struct ExponentialBackoffTests {
    static let tasks = ExponentialBackoff(base: .seconds(5), cap: .seconds(600), jitter: 0.5...1.0)

    @Test("the wait doubles from the base at each failed attempt, before jitter")
    func doubles() {
        #expect((1...5).map { Self.tasks.delay(afterAttempt: $0, random: 1) } == [.seconds(5), .seconds(10), .seconds(20), .seconds(40), .seconds(80)])
    }

    @Test("the cap bounds the wait, however many attempts, and a nonsense attempt counts as the first")
    func capped() {
        #expect(Self.tasks.delay(afterAttempt: 8, random: 1) == .seconds(600))
        #expect(Self.tasks.delay(afterAttempt: 1_000, random: 1) == .seconds(600))
        #expect(Self.tasks.delay(afterAttempt: 0, random: 1) == .seconds(5))
        #expect(Self.tasks.delay(afterAttempt: -3, random: 1) == .seconds(5))
    }

    @Test("jitter scales the capped wait across its range; a random value outside 0...1 is held to it")
    func jitter() {
        let rest = ExponentialBackoff(base: .milliseconds(250), cap: .milliseconds(250 * 64), jitter: 1.0...1.5)
        #expect(rest.delay(afterAttempt: 3, random: 0) == .seconds(1))
        #expect(rest.delay(afterAttempt: 3, random: 1) == .milliseconds(1500))
        #expect(rest.delay(afterAttempt: 3, random: 0.5) == .milliseconds(1250))
        #expect(rest.delay(afterAttempt: 3, random: 7) == .milliseconds(1500))
        #expect(rest.delay(afterAttempt: 3, random: -1) == .seconds(1))
        #expect(rest.delay(afterAttempt: 9, random: 0) == .milliseconds(16_000))
        for _ in 0..<100 {
            let drawn = rest.delay(afterAttempt: 2)
            #expect(drawn >= .milliseconds(500) && drawn <= .milliseconds(750))
        }
    }
}
