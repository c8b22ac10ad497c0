/// Bounds how many test databases exist at once. Swift Testing starts every test of a run
/// together; with a pool per database that would ask the cluster for more sessions than
/// `max_connections` allows and leave every test slower on two cores. A test waits here for a
/// slot before its database is created, so the wait never counts against its own deadlines.
actor DatabaseSlots {
    static let shared = DatabaseSlots(limit: 24)

    private let limit: Int
    private var inUse = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    func acquire() async {
        if inUse < limit {
            inUse += 1
            return
        }
        // The slot is handed over by `release`, so `inUse` stays counted for the waiter.
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            inUse -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
