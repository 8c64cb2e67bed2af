import ArgumentParser
import Coordination
import Storage

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply database migrations, and load the bundled reference data into a new database.")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let url = try databaseOptions.url()
        let loaded = try await withStandaloneDatabase(url) { store in
            try await loadBundledReferenceDataIfMissing(into: store)
        }
        print("Migrations applied to \(url).")
        if loaded { print("Reference data loaded (regions and local authorities).") }
    }
}

/// Loads the bundled regions and local authorities when the database has none yet.
func loadBundledReferenceDataIfMissing(into store: Store) async throws -> Bool {
    guard try await store.regionCount() == 0 else { return false }
    try await LoadReferenceData(store: store)(ReferenceData.bundled())
    return true
}
