import ArgumentParser
import Foundation
import Storage

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Make a consistent copy of a SQLite database, while the service runs.",
        discussion: """
            The copy is the database as it stood at one moment, even while the service goes on \
            writing (SQLite's VACUUM INTO, in one read transaction). The copy is checked (SQLite's \
            integrity check and the audit chain) before the command ends. For PostgreSQL use \
            pg_dump; see docs/deployment.md.
            """)

    @OptionGroup var databaseOptions: DatabaseOptions

    @ArgumentParser.Option(help: "The new file to write the copy to.")
    var out: String

    func run() async throws {
        let url = try databaseOptions.url()
        let copy = try await SQLiteBackup.backUp(url, to: out)
        print(
            "Backed up \(url) to \(out): \(copy.referrals) referrals; the copy's audit trail is intact (\(copy.auditEvents) events)."
        )
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup made by `secureplace backup` back in place of a SQLite database.",
        discussion: """
            Refuses while a `secureplace serve` has the database open: stop the service, restore, \
            start it again. The backup is checked first (SQLite's integrity check and the audit \
            chain), and the database is replaced in one step, so a failed restore leaves it as it was.
            """)

    @OptionGroup var databaseOptions: DatabaseOptions

    @ArgumentParser.Option(help: "The backup file to restore from.")
    var from: String

    func run() async throws {
        let url = try databaseOptions.url()
        let copy = try await SQLiteBackup.restore(from, over: url)
        print(
            "Restored \(url) from \(from): \(copy.referrals) referrals; its audit trail is intact (\(copy.auditEvents) events)."
        )
    }
}
