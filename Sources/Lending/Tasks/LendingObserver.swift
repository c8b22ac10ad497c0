/// How a task's attempt ended, as the runner recorded it.
public enum TaskOutcome: String, Sendable, CaseIterable {
    case succeeded
    case failed
    /// Failed this attempt and was postponed for another.
    case retried
}

/// What the runner and the scheduler report as they work, for metrics. Calls are made inline,
/// so an implementation only counts; it never waits.
public protocol LendingObserver: Sendable {
    func taskFinished(_ kind: TaskKind, outcome: TaskOutcome)
    func schedulerRan(succeeded: Bool)
}
