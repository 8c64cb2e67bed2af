import ArgumentParser
import Foundation
import Storage

@main
struct SecurePlaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secureplace",
        abstract: "Secure children's home placements for England and Wales.",
        discussion: """
            The database is chosen by --database or the DATABASE_URL environment variable:
              sqlite:///secureplace.sqlite   an SQLite file (three slashes, then a relative path;
                                             four for an absolute one); the default
              postgres://user:password@host:5432/name   a PostgreSQL database
            """,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoCommand.self, ReferenceDataCommand.self,
            OrganisationsCommand.self,
            UsersCommand.self,
            AuditCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
            PlanCommand.self,
            LinkCommand.self,
            MatchingCommand.self,
            StatisticsCommand.self,
            ImportCommand.self,
        ]
    )
}

/// The database option every command that touches data shares.
struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(
        name: .long,
        help:
            "Database URL: sqlite:///file.sqlite or postgres://user:password@host:port/name (default: DATABASE_URL, else sqlite:///secureplace.sqlite)."
    )
    var database: String?

    var explicitURL: String? { database ?? ProcessInfo.processInfo.environment["DATABASE_URL"] }

    var urlText: String { explicitURL ?? "sqlite:///\(StorageDefaults.sqlitePath)" }
}

enum StorageDefaults {
    static let sqlitePath = "secureplace.sqlite"
    static let demoSQLitePath = "secureplace-demo.sqlite"
}

extension DatabaseOptions {
    /// The chosen database URL, or the one line saying what is wrong with it.
    func url() throws -> DatabaseURL {
        try DatabaseURL(parsing: urlText)
    }
}
