import ArgumentParser
import Coordination
import Foundation
import Linkage
import SecurePlaceCore

extension LinkCommand {
    struct Dedupe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the records of one file that are the same person.",
            discussion: """
                For a file that may hold someone more than once (a partner's extract, the FEBRL 1–3 \
                benchmark files). The same engine as 'secureplace link': each pair of two different \
                records is compared at most once, and there is no one-to-one constraint, as a person \
                may be in the file three times. The output has left_id,right_id,match_weight, \
                match_probability for the pairs at probability 0.95 or more; --review writes those \
                between 0.5 and 0.95. Without --config the fields and blocking are chosen from the \
                columns, as for 'secureplace link'.
                """)

        @Option(help: "The file (CSV with an 'id' column).")
        var input: String

        @Option(help: "A JSON linkage configuration; default: chosen from the columns.")
        var config: String?

        @Option(help: "Where to write the pairs found as CSV.")
        var out: String

        @Option(help: "Also write the pairs for clerical review to this CSV file.")
        var review: String?

        @Option(
            help:
                "Also write every candidate pair with its weight and probability, whatever the decision, to this CSV file (for a reliability table)."
        )
        var scores: String?

        @Option(help: "Also write the fitted model as a Splink settings file (JSON).")
        var exportSplink: String?

        func run() async throws {
            let started = Date()
            let (records, configuration) = try Dedupe.records(of: input, configuration: config)
            let printer = StageProgress()
            let result = Linker(configuration: configuration).deduplicate(records) { printer.show($0) }
            try LinkOutput(out: out, review: review).write(result)
            if let scores {
                try writeOutput(LinkageFiles.pairsCSV(result.everyCandidateScored, of: result), toFile: scores)
            }
            if let exportSplink {
                try Pairs.export(configuration, result.estimate, deduplicating: true, to: exportSplink)
            }
            print(
                "Searched \(records.count) records for duplicates in \(String(format: "%.2f", Date().timeIntervalSince(started))) s."
            )
            print("Fields: \(configuration.fields.map(\.name).joined(separator: ", ")).")
            LinkOutput(out: out, review: review).printSummary(of: result)
        }

        /// The records of one file, and the configuration at `path` or chosen from its columns.
        static func records(of input: String, configuration path: String?) throws -> (
            [LinkageRecord], Linker.Configuration
        ) {
            let text = try readText(input)
            do {
                let records = try LinkageFiles.records(file: input, text: text)
                let columns = Set(try LinkageFiles.columns(file: input, text: text))
                return (
                    records,
                    try Pairs.configuration(at: path, columns: columns, encoded: false, unusable: "\(input) has")
                )
            } catch let error as ImportError {
                throw ValidationError(error.description)
            }
        }
    }
}
