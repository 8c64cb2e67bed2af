import FluentKit

/// A database's Fluent configuration with what every `Store` made on it must share: SQLite's
/// write lock (nil on PostgreSQL, which locks rows instead) and the queue that audits reads.
struct SecurePlaceDatabaseConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let writeLock: SQLiteWriteLock?
    let readAudits: AuditReadQueue

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        base.makeDriver(for: databases)
    }
}
