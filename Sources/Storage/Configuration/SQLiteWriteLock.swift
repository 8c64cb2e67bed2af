import FluentKit
import Foundation
import Synchronization

/// SQLite lets one writer in at a time, and SQLiteNIO retries a locked database by spinning on
/// a thread-pool thread; two transactions contending could hold every thread and wait on
/// each other for ever. Transactions on one SQLite file therefore queue here, one at a time,
/// in arrival order. SQLite is the single-process deployment, so a lock in the process is
/// enough; PostgreSQL uses its own row locks instead.
///
/// One lock per file: a process with several databases open (the test suite has dozens) must
/// not queue the writes of one behind another's.
actor SQLiteWriteLock {
    private static let byFile = Mutex<[String: SQLiteWriteLock]>([:])

    /// The lock of the file at `path`, shared by every configuration that names it.
    static func forFile(atPath path: String) -> SQLiteWriteLock {
        let key = URL(filePath: path).standardizedFileURL.path()
        return byFile.withLock { locks in
            if let lock = locks[key] { return lock }
            let lock = SQLiteWriteLock()
            locks[key] = lock
            return lock
        }
    }

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
