import Testing

/// The parent of every resilience suite. Serialized: each test drives the whole bot against
/// Discord's 3-second deadline on two shared cores, so they take turns.
@Suite("Resilience", .serialized) struct Resilience {}
