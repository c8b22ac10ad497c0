import Synchronization

/// Interaction tokens for the load: as long as the simulator's, and unique within a run (a random
/// part drawn once, then a counter), so that making one costs no random draw.
final class InteractionTokens: Sendable {
    private let prefix: String
    private let counter = Atomic<Int>(0)

    init() {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        prefix = "aW50ZXJhY3Rpb24" + String((0..<64).map { _ in alphabet.randomElement() ?? "A" })
    }

    func next() -> String {
        let number = counter.add(1, ordering: .relaxed).newValue
        let digits = String(number)
        return prefix + String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
