import FluentKit
import SQLKit

/// The query functions the use cases call, over one database connection or transaction.
/// Records never leave Storage: every function takes and returns SecurePlaceCore values.
public struct Store: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// Runs `body` in one transaction: everything it writes lands, or nothing does.
    @discardableResult
    public func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (Store) async throws -> Result
    ) async throws -> Result {
        let run = { @Sendable in try await database.transaction { transaction in try await body(Store(transaction)) } }
        // A transaction inside a transaction joins it; only the outermost one queues.
        guard !database.inTransaction, let writeLock = sqliteWriteLock else { return try await run() }
        return try await writeLock.withLock(run)
    }

    /// The write lock of this SQLite database; nil on PostgreSQL.
    var sqliteWriteLock: SQLiteWriteLock? {
        (database.context.configuration as? SecurePlaceDatabaseConfiguration)?.writeLock
    }

    /// Runs `body` in one transaction that only reads: a consistent picture without queueing
    /// behind writers (on SQLite it does not take the write lock, so `body` must not write).
    public func readTransaction<Result: Sendable>(
        _ body: @escaping @Sendable (Store) async throws -> Result
    ) async throws -> Result {
        guard !database.inTransaction else { return try await body(self) }
        return try await database.transaction { transaction in try await body(Store(transaction)) }
    }

    /// Inserts many rows in a few statements; chunks stay well under both databases' limits
    /// on bound parameters.
    func insert<Record: Model>(_ records: [Record]) async throws {
        var start = records.startIndex
        while start < records.endIndex {
            let end = min(start + 400, records.endIndex)
            try await Array(records[start..<end]).create(on: database)
            start = end
        }
    }
}

extension Store {
    /// On a SQLite file, switches to the write-ahead log: readers then read the last commit
    /// without waiting for a writer, and a commit is one append to the log (synced, as SQLite's
    /// default FULL setting does in this mode) instead of a rollback journal written and deleted.
    /// The mode is kept in the file, so once is enough; nothing happens on PostgreSQL.
    public func useWriteAheadLog() async throws {
        guard sqliteWriteLock != nil, !database.inTransaction else { return }
        _ = try await sql.raw("PRAGMA journal_mode=WAL").all()
    }
}
