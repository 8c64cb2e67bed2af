import ArgumentParser
import Coordination
import Foundation
import Storage
import WebApp

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web service and JSON API.",
        discussion: """
            With --demo, a fresh synthetic demo data set is built at every start in \
            \(StorageDefaults.demoSQLitePath) (or in the empty database named by --database), \
            and the demo sign-in names are printed.
            """)

    @OptionGroup var databaseOptions: DatabaseOptions

    @ArgumentParser.Flag(help: "Start with a fresh synthetic demo data set.")
    var demo = false

    @ArgumentParser.Option(help: "Seed for the demo data.")
    var seed: UInt64 = 1

    @ArgumentParser.Option(help: "Months of demo history.")
    var months: Int = 24

    @ArgumentParser.Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @ArgumentParser.Option(help: "Port to listen on.")
    var port = 8080

    func run() async throws {
        var url = try databaseOptions.url()
        if demo {
            if databaseOptions.explicitURL == nil {
                url = .sqliteFile(path: StorageDefaults.demoSQLitePath)
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: StorageDefaults.demoSQLitePath + suffix)
                }
            }
            print("Building synthetic demo data in \(url)…")
            let summary = try await buildDemo(in: url, seed: seed, months: months)
            for line in summary.report { print("  \(line)") }
            let users = try await withStandaloneDatabase(url) { try await $0.users() }
            print("\nDemo sign-in names (one for every role), all with the password \(DemoDataset.password):")
            for user in users { print("  \(user.email)  (\(user.role.name))") }
        } else {
            _ = try await withStandaloneDatabase(url) { try await loadBundledReferenceDataIfMissing(into: $0) }
        }
        let shownHost = hostname == "127.0.0.1" || hostname == "0.0.0.0" ? "localhost" : hostname
        print(
            "\nSecurePlace is running at http://\(shownHost):\(port)\(demo ? " with synthetic demo data" : "") (database \(url)). Press Ctrl-C to stop."
        )
        try await runServer(settings: AppSettings(database: url, hostname: hostname, port: port))
    }
}
