import Foundation

/// A reproducible source of randomness (SplitMix64). The seed comes from `RESILIENCE_SEED` when
/// set, else from the system; tests name it in every failure so a run can be repeated exactly.
struct SeededRandom: RandomNumberGenerator, Sendable {
    static let environmentVariable = "RESILIENCE_SEED"

    let seed: UInt64
    private var state: UInt64

    init(seed: UInt64) {
        self.seed = seed
        self.state = seed
    }

    /// The seed `RESILIENCE_SEED` names, or a fresh one.
    static func fromEnvironment() -> SeededRandom {
        let named = ProcessInfo.processInfo.environment[environmentVariable].flatMap { UInt64($0) }
        return SeededRandom(seed: named ?? UInt64.random(in: 1...UInt64.max))
    }

    /// How to repeat this run, for failure messages.
    var reproduction: String { "\(Self.environmentVariable)=\(seed)" }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
