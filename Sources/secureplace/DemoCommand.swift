import ArgumentParser
import Coordination
import Foundation
import Storage
import WebApp

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a synthetic national demo data set in an empty database.",
        discussion: """
            Fictional homes (13 in England, 1 in Wales, 240 registered places) and fictional \
            children referred at about 350 a year, with home responses, placements, discharges, \
            unplaced outcomes and regulator notifications. The same seed and months give the same \
            data. Every page and export made from it says "synthetic demo data".
            """)

    @OptionGroup var databaseOptions: DatabaseOptions

    @ArgumentParser.Option(help: "Seed for the random choices; the same seed gives the same data.")
    var seed: UInt64 = 1

    @ArgumentParser.Option(help: "How many months of history to generate, up to today (1 to 120).")
    var months: Int = 24

    func validate() throws {
        guard DemoDataGenerator.monthRange.contains(months) else {
            throw ValidationError("--months must be between 1 and 120.")
        }
    }

    func run() async throws {
        let url = try databaseOptions.url()
        let summary = try await buildDemo(in: url, seed: seed, months: months)
        print("Demo data (synthetic) written to \(url):")
        for line in summary.report { print("  \(line)") }
        print("Every demo user's password: \(DemoDataset.password)")
    }
}

/// Migrates, loads the reference data and writes the demo data set; returns its proportions.
func buildDemo(in url: DatabaseURL, seed: UInt64, months: Int) async throws -> DemoSummary {
    try await withStandaloneDatabase(url) { store in
        _ = try await loadBundledReferenceDataIfMissing(into: store)
        let dataset = try DemoDataGenerator(
            seed: seed, months: months, end: Date(), localAuthorities: try await store.localAuthorities()
        ).generate()
        try await LoadDemoData(store: store, passwords: BcryptPasswordHasher())(dataset)
        return DemoSummary(dataset)
    }
}
