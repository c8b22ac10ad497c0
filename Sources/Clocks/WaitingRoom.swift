import Synchronization

/// A clock's state and the tasks waiting on it, behind one lock: whether a task must wait and its
/// place on the list are decided in one step, so no advance can slip between them and be missed.
/// Cancelling a waiting task ends its wait with `CancellationError`, as `ContinuousClock` does.
final class WaitingRoom<State: Sendable, Tag: Comparable & Sendable>: Sendable {
    private struct Waiter {
        let id: UInt64
        let tag: Tag
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct Contents {
        var state: State
        var waiters: [Waiter] = []
        var nextID: UInt64 = 0
    }

    private let contents: Mutex<Contents>

    init(_ state: State) {
        contents = Mutex(Contents(state: state))
    }

    var state: State { contents.withLock { $0.state } }

    /// The tags of the tasks waiting now.
    var tags: [Tag] { contents.withLock { $0.waiters.map(\.tag) } }

    /// Returns at once if `isReady` holds for the state; otherwise waits, under `tag`, until an
    /// `update` wakes it.
    func wait(tag: Tag, unless isReady: @Sendable (State) -> Bool) async throws {
        let id = contents.withLock { contents in
            defer { contents.nextID += 1 }
            return contents.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = contents.withLock { contents -> Result<Void, any Error>? in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if isReady(contents.state) { return .success(()) }
                    contents.waiters.append(Waiter(id: id, tag: tag, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = contents.withLock { contents -> Waiter? in
                guard let index = contents.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return contents.waiters.remove(at: index)
            }
            waiter?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Changes the state, then wakes the waiters `isDue` picks under the new state, in the order of
    /// their tags (ties in the order they began to wait).
    func update(_ change: (inout State) -> Void, waking isDue: (State, Tag) -> Bool) {
        let due = contents.withLock { contents -> [Waiter] in
            change(&contents.state)
            let state = contents.state
            let due = contents.waiters.filter { isDue(state, $0.tag) }
            contents.waiters.removeAll { isDue(state, $0.tag) }
            return due.sorted { ($0.tag, $0.id) < ($1.tag, $1.id) }
        }
        for waiter in due { waiter.continuation.resume() }
    }
}
