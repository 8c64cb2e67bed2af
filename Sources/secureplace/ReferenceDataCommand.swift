import ArgumentParser
import Coordination
import Foundation
import Storage

struct ReferenceDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference-data",
        abstract: "Load regions and local authorities from CSV files.",
        discussion: """
            regions.csv has the header: \(ReferenceData.regionsHeader.joined(separator: ",")) \
            local-authorities.csv has the header: \(ReferenceData.localAuthoritiesHeader.joined(separator: ",")) \
            A malformed file is refused with its file, line and column, and nothing is written. \
            Loading again updates names and centroids; codes are never removed.
            """,
        subcommands: [Load.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check and load the files (default: the bundled ones).")

        @OptionGroup var databaseOptions: DatabaseOptions

        @ArgumentParser.Option(help: "Regions CSV file.")
        var regions: String?

        @ArgumentParser.Option(name: .customLong("local-authorities"), help: "Local authorities CSV file.")
        var localAuthorities: String?

        func run() async throws {
            let data = try ReferenceData(
                regionsFile: regions.map { URL(fileURLWithPath: $0) } ?? ReferenceData.bundledFile("regions.csv"),
                localAuthoritiesFile: localAuthorities.map { URL(fileURLWithPath: $0) }
                    ?? ReferenceData.bundledFile("local-authorities.csv"))
            let url = try databaseOptions.url()
            try await withStandaloneDatabase(url) { store in
                try await LoadReferenceData(store: store)(data)
            }
            print(
                "Loaded \(data.regionNames.count) regions and \(data.localAuthorities.count) local authorities into \(url)."
            )
        }
    }
}
