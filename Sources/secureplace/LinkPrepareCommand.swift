import ArgumentParser
import Coordination
import Foundation
import Linkage
import SecurePlaceCore

extension LinkCommand {
    struct Prepare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a file as linkage reads it, normalised, for a model exported to Splink.",
            discussion: """
                Each linkage field in its normalised form (names folded, dates YYYY-MM-DD, postcodes \\
                spaced, sex M or F) with the columns an exported model's comparisons and blocking \\
                rules read beside it: NAME_soundex, NAME_forms and NAME_first_word_forms (known short \\
                forms, separated by |) for names, POSTCODE_sector and POSTCODE_district. A value that \\
                cannot be read is left empty, as linkage leaves it missing. Give the same --config as \\
                the run that exported the model; without one the fields are chosen from this file's \\
                columns, as 'secureplace link' chooses them from the columns both files share. \\
                The file written holds names: keep it where the input is kept.
                """)

        @Option(help: "The file (CSV with an 'id' column).")
        var input: String

        @Option(help: "A JSON linkage configuration; default: chosen from the columns.")
        var config: String?

        @Option(help: "Where to write the prepared file as CSV.")
        var out: String

        func run() async throws {
            let (records, configuration) = try Dedupe.records(of: input, configuration: config)
            let columns = PreparedColumns(fields: configuration.fields)
            let preparer = RecordPreparer(fields: configuration.fields)
            var lines = [columns.names.map(CSVField.escape).joined(separator: ",")]
            for record in preparer.prepare(records) {
                lines.append(columns.values(of: record).map { CSVField.escape($0 ?? "") }.joined(separator: ","))
            }
            try writeOutput((lines.joined(separator: "\n") + "\n"), toFile: out)
            print("Prepared \(records.count) records (\(columns.names.count - 1) columns) in \(out).")
        }
    }
}
