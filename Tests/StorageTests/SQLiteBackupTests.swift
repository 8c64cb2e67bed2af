import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing

@Suite("SQLite backups")
struct SQLiteBackupTests {
    /// A database file with one audited change in it, in a directory of its own.
    func makeDatabase() async throws -> (url: DatabaseURL, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appending(path: "backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = DatabaseURL.sqliteFile(path: directory.appending(path: "live.sqlite").path())
        try await withStandaloneDatabase(url) { store in
            try await store.appendAudit(
                AuditEntry(by: nil, action: "test.write", objectType: "test", objectID: "1", at: Date()))
        }
        return (url, directory)
    }

    func auditCount(_ url: DatabaseURL) async throws -> Int {
        try await withStandaloneDatabase(url, migrate: false) { try await $0.auditEvents().count }
    }

    @Test("a backup is a checked copy; it refuses to overwrite a file, and PostgreSQL is pg_dump's")
    func backUp() async throws {
        let (url, directory) = try await makeDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appending(path: "copy.sqlite").path()
        let summary = try await SQLiteBackup.backUp(url, to: copy)
        #expect(summary.auditEvents == 1)
        #expect(try await auditCount(.sqliteFile(path: copy)) == 1)
        let exists = await #expect(throws: BackupProblem.self) { try await SQLiteBackup.backUp(url, to: copy) }
        #expect(exists?.description.contains("already exists") == true)
        let postgres = try DatabaseURL(parsing: "postgres://sp@127.0.0.1:9/secureplace")
        let refused = await #expect(throws: BackupProblem.self) {
            try await SQLiteBackup.backUp(postgres, to: directory.appending(path: "pg.sqlite").path())
        }
        #expect(refused?.description.contains("pg_dump") == true)
    }

    @Test("a restore refuses a database a service holds, and a damaged copy; then puts the copy in place")
    func restore() async throws {
        let (url, directory) = try await makeDatabase()
        defer { try? FileManager.default.removeItem(at: directory) }
        guard case .sqliteFile(let live) = url else { return }
        let copy = directory.appending(path: "copy.sqlite").path()
        _ = try await SQLiteBackup.backUp(url, to: copy)
        try await withStandaloneDatabase(url) { store in
            try await store.appendAudit(
                AuditEntry(by: nil, action: "test.write", objectType: "test", objectID: "2", at: Date()))
        }
        #expect(try await auditCount(url) == 2)

        let service = try DatabaseFileLock(path: live, exclusive: false)
        let inUse = await #expect(throws: BackupProblem.self) { try await SQLiteBackup.restore(copy, over: url) }
        #expect(inUse?.description.contains("stop it before restoring") == true)
        service.release()

        let damaged = directory.appending(path: "damaged.sqlite").path()
        try Data("not a database".utf8).write(to: URL(filePath: damaged))
        await #expect(throws: (any Error).self) { try await SQLiteBackup.restore(damaged, over: url) }
        #expect(try await auditCount(url) == 2, "a refused restore leaves the database as it was")

        let restored = try await SQLiteBackup.restore(copy, over: url)
        #expect(restored.auditEvents == 1)
        #expect(try await auditCount(url) == 1, "the database is the copy again")
        #expect(try await withStandaloneDatabase(url) { try await $0.verifyAuditChain() } == nil)
    }
}
