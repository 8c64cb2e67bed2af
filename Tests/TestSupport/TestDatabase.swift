import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit
import Storage

/// The databases the storage suite runs against. PostgreSQL joins when `scripts/test` has
/// started one and exported `SECUREPLACE_TEST_POSTGRES_URL` (a maintenance database URL on
/// this machine); with `SECUREPLACE_REQUIRE_POSTGRES=1` its absence is a failure, not a skip.
public enum TestDatabase: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { rawValue }

    static var postgresAdminURL: String? { ProcessInfo.processInfo.environment["SECUREPLACE_TEST_POSTGRES_URL"] }
    static var postgresRequired: Bool { ProcessInfo.processInfo.environment["SECUREPLACE_REQUIRE_POSTGRES"] == "1" }

    /// Every database this run must test against.
    public static var all: [TestDatabase] {
        postgresAdminURL != nil || postgresRequired ? [.sqlite, .postgres] : [.sqlite]
    }

    /// A new, empty database of this kind for one test, and a function that removes it.
    public func makeFresh() async throws -> (url: DatabaseURL, remove: @Sendable () async -> Void) {
        switch self {
        case .sqlite:
            return (.sqliteInMemory, {})
        case .postgres:
            guard let adminText = Self.postgresAdminURL else {
                throw TestDatabaseError(
                    "SECUREPLACE_REQUIRE_POSTGRES=1 but SECUREPLACE_TEST_POSTGRES_URL is not set; run scripts/test")
            }
            let admin = try DatabaseURL(parsing: adminText)
            guard case .postgres(let adminURL) = admin, ["127.0.0.1", "localhost", "::1"].contains(adminURL.host ?? "")
            else {
                // Tests create and drop databases: never let them near anything but a local server.
                throw TestDatabaseError("the test PostgreSQL must be on this machine, not \(admin)")
            }
            let name = "sp_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await Self.runAdmin(admin, "CREATE DATABASE \(name)")
            var components = URLComponents(url: adminURL, resolvingAgainstBaseURL: false)!
            components.path = "/\(name)"
            let url = DatabaseURL.postgres(components.url!)
            return (url, { try? await Self.runAdmin(admin, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
        }
    }

    private static func runAdmin(_ admin: DatabaseURL, _ statement: String) async throws {
        let standalone = try StandaloneDatabase(url: admin)
        do {
            try await (standalone.database as! any SQLDatabase).raw("\(unsafeRaw: statement)").run()
            await standalone.shutdown()
        } catch {
            await standalone.shutdown()
            throw error
        }
    }
}

public struct TestDatabaseError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Runs `body` against a fresh, migrated database of the given kind, and removes it after.
public func withTestStore<Result: Sendable>(
    _ kind: TestDatabase, _ body: (Store) async throws -> Result
) async throws -> Result {
    let (url, remove) = try await kind.makeFresh()
    do {
        let result = try await withStandaloneDatabase(url, body)
        await remove()
        return result
    } catch {
        await remove()
        throw error
    }
}
