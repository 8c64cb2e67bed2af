import Foundation
import Storage
import TestSupport
import Testing

@Suite("Migrations still to apply")
struct PendingMigrationsTests {
    /// An instance started with --no-migrate asks this before it serves: all of them on a new
    /// database, none once `secureplace migrate` has run, and asking changes nothing.
    @Test("a new database needs every migration, a migrated one none", arguments: TestDatabase.all)
    func pending(database: TestDatabase) async throws {
        var (url, remove) = try await database.makeFresh()
        let file = FileManager.default.temporaryDirectory.appending(path: "pending-\(UUID().uuidString).sqlite")
        if database == .sqlite { url = .sqliteFile(path: file.path()) }
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            let before = try await pendingMigrations(in: url)
            #expect(before.count >= 17)
            #expect(before.first == "Storage.CreateReferenceData")
            #expect(try await pendingMigrations(in: url) == before, "asking applies nothing")
            try await withStandaloneDatabase(url) { _ in }
            #expect(try await pendingMigrations(in: url) == [])
        } catch {
            await remove()
            throw error
        }
        await remove()
    }

    @Test("an unreachable database is an error, not a database that needs migrating")
    func unreachable() async throws {
        let url = try DatabaseURL(parsing: "postgres://sp:secret@127.0.0.1:9/secureplace")
        await #expect(throws: DatabaseProblem.self) { try await pendingMigrations(in: url) }
    }
}
