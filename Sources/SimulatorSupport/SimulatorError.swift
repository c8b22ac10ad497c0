/// Why the simulator could not start.
public struct SimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind { case notListening }
    private let kind: Kind

    public static let notListening = SimulatorError(kind: .notListening)

    public var description: String { "simulator: the server did not report an IPv4 listening address" }
}
