import FluentKit
import Foundation
import SQLKit

/// Copies of a SQLite database, and putting one back.
///
/// A backup is made by `VACUUM INTO`: one read transaction, so the copy is the database as it
/// stood at one moment even while the service goes on writing, and it comes out compacted. A
/// restore replaces the file in one rename, and only when no service holds it (see
/// `DatabaseFileLock`).
public enum SQLiteBackup {
    /// What a backup or a restore found in the copy.
    public struct Summary: Sendable {
        public var referrals: Int
        public var auditEvents: Int
    }

    /// Writes a consistent copy of the database at `url` to `destination`, which must not exist,
    /// and checks the copy's audit trail.
    public static func backUp(_ url: DatabaseURL, to destination: String) async throws -> Summary {
        guard case .sqliteFile = url else { throw BackupProblem.notSQLite(url) }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw BackupProblem.destinationExists(destination)
        }
        try await withStandaloneDatabase(url, migrate: false) { store in
            try await (store.database as! any SQLDatabase).raw("VACUUM INTO \(bind: destination)").run()
        }
        return try await check(copy: destination)
    }

    /// Replaces the database at `url` with the copy at `source`, after checking the copy; refuses
    /// while a service has the database open.
    public static func restore(_ source: String, over url: DatabaseURL) async throws -> Summary {
        guard case .sqliteFile(let path) = url else { throw BackupProblem.notSQLite(url) }
        let summary = try await check(copy: source)
        let lock = try DatabaseFileLock(path: path, exclusive: true)
        defer { lock.release() }
        let staging = path + ".restoring"
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.copyItem(atPath: source, toPath: staging)
        for leftover in ["-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + leftover) }
        guard rename(staging, path) == 0 else { throw BackupProblem.cannotReplace(path, errno: errno) }
        return summary
    }

    /// A copy is usable when SQLite finds it whole and its audit chain is unbroken.
    static func check(copy path: String) async throws -> Summary {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupProblem.missing(path) }
        return try await withStandaloneDatabase(.sqliteFile(path: path), migrate: false) { store in
            let sql = store.database as! any SQLDatabase
            let integrity = try await sql.raw("PRAGMA integrity_check").first(
                decodingColumn: "integrity_check", as: String.self)
            guard integrity == "ok" else { throw BackupProblem.damaged(path, integrity ?? "no answer") }
            if let broken = try await store.verifyAuditChain() {
                throw BackupProblem.auditChainBroken(path, broken.description)
            }
            return Summary(
                referrals: try await ReferralRecord.query(on: store.database).count(),
                auditEvents: try await store.auditEvents().count)
        }
    }
}

/// Why a backup or a restore could not be made, in words an operator can act on.
public enum BackupProblem: Error, CustomStringConvertible {
    case notSQLite(DatabaseURL)
    case destinationExists(String)
    case missing(String)
    case damaged(String, String)
    case auditChainBroken(String, String)
    case inUse(String)
    case cannotReplace(String, errno: Int32)

    public var description: String {
        switch self {
        case .notSQLite(let url):
            "\(url) is not a SQLite file: back up PostgreSQL with pg_dump and restore it with pg_restore (docs/deployment.md)."
        case .destinationExists(let path): "\(path) already exists: choose a new file for the backup."
        case .missing(let path): "\(path) does not exist."
        case .damaged(let path, let detail): "\(path) is not a whole SQLite database: \(detail)."
        case .auditChainBroken(let path, let detail): "The audit trail in \(path) is broken: \(detail)"
        case .inUse(let path):
            "\(path) is in use by a running secureplace serve: stop it before restoring over its database."
        case .cannotReplace(let path, let code): "\(path) could not be replaced: \(String(cString: strerror(code)))."
        }
    }
}
