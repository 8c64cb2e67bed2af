/// SQLite lets one writer in at a time, and SQLiteNIO retries a locked database by spinning on
/// a thread-pool thread; two transactions contending could hold every thread and wait on
/// each other for ever. Transactions on SQLite therefore queue here, one at a time, in
/// arrival order. SQLite is the single-process deployment, so a lock in the process is
/// enough; PostgreSQL uses its own row locks instead.
actor SQLiteWriteLock {
    static let shared = SQLiteWriteLock()

    private var isHeld = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !isHeld {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            isHeld = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    func withLock<Result: Sendable>(_ body: @Sendable () async throws -> Result) async throws -> Result {
        await acquire()
        do {
            let result = try await body()
            release()
            return result
        } catch {
            release()
            throw error
        }
    }
}
