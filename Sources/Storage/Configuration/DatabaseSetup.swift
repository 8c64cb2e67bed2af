import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit

extension DatabaseConfigurationFactory {
    /// The Fluent configuration for a database URL.
    public static func secureplace(_ url: DatabaseURL) throws -> DatabaseConfigurationFactory {
        // A request waits this long for a connection before it fails. Writes queue on row locks
        // (a bed, the audit chain's head, the year's referral numbers), so a burst of them on a
        // busy machine can hold every connection for seconds: better answered late than not.
        let waitForConnection = TimeAmount.seconds(30)
        switch url {
        case .sqliteFile(let path):
            return .secureplace(
                .sqlite(.file(path), connectionPoolTimeout: waitForConnection),
                writeLock: .forFile(atPath: path))
        case .sqliteInMemory:
            // Each in-memory database is its own.
            return .secureplace(
                .sqlite(.memory, connectionPoolTimeout: waitForConnection), writeLock: SQLiteWriteLock())
        case .postgres(let address):
            let configuration = try SQLPostgresConfiguration(url: address)
            return .secureplace(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: 4,
                    connectionPoolTimeout: waitForConnection),
                writeLock: nil)
        }
    }
}

extension DatabaseConfigurationFactory {
    fileprivate static func secureplace(_ factory: DatabaseConfigurationFactory, writeLock: SQLiteWriteLock?) -> Self {
        .init {
            SecurePlaceDatabaseConfiguration(base: factory.make(), writeLock: writeLock, readAudits: AuditReadQueue())
        }
    }
}

extension Databases {
    /// Registers SecurePlace's one database, chosen by URL, as the default.
    public func useSecurePlace(_ url: DatabaseURL) throws {
        use(try .secureplace(url), as: .secureplace, isDefault: true)
    }
}

extension DatabaseID {
    public static let secureplace = DatabaseID(string: "secureplace")
}

/// The database without a web server: used by the command-line tool and by tests.
/// Always call `shutdown()` (or use `withStandaloneDatabase`).
public final class StandaloneDatabase: Sendable {
    public let databases: Databases
    public let logger: Logger
    private let threadPool: NIOThreadPool

    public init(url: DatabaseURL, logger: Logger = Logger(label: "secureplace.storage")) throws {
        self.logger = logger
        // More threads than cores: SQLite's blocking calls must not starve each other.
        threadPool = NIOThreadPool(numberOfThreads: 16)
        threadPool.start()
        databases = Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton)
        try databases.useSecurePlace(url)
    }

    public var database: any Database {
        databases.database(
            .secureplace, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// Applies every migration not yet applied.
    public func migrate() async throws {
        let migrator = makeMigrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        try await Store(database).useWriteAheadLog()
    }

    /// The names of the migrations not yet applied; all of them when the database has never
    /// been migrated. Reads only, so an instance that must not migrate can check before it
    /// starts.
    public func pendingMigrations() async throws -> [String] {
        do {
            return try await makeMigrator().previewPrepareBatch().get().map { $0.0.name }
        } catch {
            // Either the database cannot be reached, or it has no migrations table yet and
            // nothing has been applied.
            guard let sql = database as? any SQLDatabase else { throw error }
            _ = try await sql.raw("SELECT 1").all()
            return secureplaceMigrations.map(\.name)
        }
    }

    private func makeMigrator() -> Migrator {
        let migrations = Migrations()
        migrations.addSecurePlaceMigrations()
        return Migrator(
            databases: databases, migrations: migrations, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any())
    }

    public func shutdown() async {
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
    }
}

/// Opens a database, applies migrations (unless told not to), runs `body` and shuts the
/// connections down whatever happens. A driver failure comes out as a `DatabaseProblem`:
/// one line naming the database and what is wrong.
@discardableResult
public func withStandaloneDatabase<Result: Sendable>(
    _ url: DatabaseURL, migrate: Bool = true, _ body: (Store) async throws -> Result
) async throws -> Result {
    try await withStandalone(url) { standalone in
        if migrate { try await standalone.migrate() }
        return try await body(Store(standalone.database))
    }
}

/// The migrations a database still needs, without applying any.
public func pendingMigrations(in url: DatabaseURL) async throws -> [String] {
    try await withStandalone(url) { try await $0.pendingMigrations() }
}

private func withStandalone<Result: Sendable>(
    _ url: DatabaseURL, _ body: (StandaloneDatabase) async throws -> Result
) async throws -> Result {
    // Failures are reported once, by the caller, as one line; the drivers' own logging would
    // repeat them with internals.
    var logger = Logger(label: "secureplace.storage")
    logger.logLevel = .critical
    let standalone = try StandaloneDatabase(url: url, logger: logger)
    do {
        let result = try await body(standalone)
        await standalone.shutdown()
        return result
    } catch {
        await standalone.shutdown()
        throw DatabaseProblem.wrappingDriverError(error, database: url)
    }
}
