import Lending

/// The task runner's and the scheduler's observer: the metrics count, and the live board hears
/// that a task (an approval, a return, a release) or a scheduler round may have changed loans.
/// Both are told after the commit, inline and without waiting.
struct BoardObserver: LendingObserver {
    let metrics: BotMetrics
    let board: BoardRefresher

    func taskFinished(_ kind: TaskKind, outcome: TaskOutcome) {
        metrics.taskFinished(kind, outcome: outcome)
        board.changed()
    }

    func schedulerRan(succeeded: Bool) {
        metrics.schedulerRan(succeeded: succeeded)
        board.changed()
    }
}
