import ArgumentParser
import Coordination
import Foundation
import Linkage

struct LinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link two files of people probabilistically (Fellegi–Sunter, m and u estimated by EM).",
        discussion: """
            Both files are CSV with an 'id' column. Without --config the fields used are those of
            given_name, surname, date_of_birth, sex, postcode and address found in both files, with
            blocking on surname prefix + birth year, postcode sector, Soundex of the given name +
            birth year, and date of birth. The output has left_id,right_id,match_weight,
            match_probability for the pairs linked one-to-one (posterior probability at least 0.95);
            --review writes the pairs between 0.5 and 0.95 for clerical review.
            --config names a JSON file with fields, blockingRules, linkProbability,
            reviewProbability and oneToOne (see docs/linkage.md).

            Still to come (issue 6): privacy-preserving encodings, term-frequency adjustment,
            incremental linkage, the review page and linked outcome tables.
            """)

    @Option(help: "The first file (for example the cohort).")
    var left: String

    @Option(help: "The second file (for example a partner's extract).")
    var right: String

    @Option(help: "A JSON linkage configuration; default: chosen from the columns.")
    var config: String?

    @Option(help: "Where to write the links as CSV.")
    var out: String

    @Option(help: "Also write the pairs for clerical review to this CSV file.")
    var review: String?

    func run() throws {
        let started = Date()
        let leftText = try read(left)
        let rightText = try read(right)
        let leftRecords: [LinkageRecord]
        let rightRecords: [LinkageRecord]
        let configuration: Linker.Configuration
        do {
            leftRecords = try LinkageFiles.records(file: left, text: leftText)
            rightRecords = try LinkageFiles.records(file: right, text: rightText)
            let shared = Set(try LinkageFiles.columns(file: left, text: leftText))
                .intersection(try LinkageFiles.columns(file: right, text: rightText))
            configuration =
                try config.map { try Self.configuration(at: $0, columns: shared) }
                ?? Linker.Configuration.standard(columns: shared)
        } catch let error as ImportError {
            throw ValidationError(error.description)
        }
        guard !configuration.fields.isEmpty else {
            throw ValidationError(
                "The files share none of given_name, surname, date_of_birth, sex, postcode, address: give --config.")
        }
        let printer = StageProgress()
        let result = Linker(configuration: configuration).link(leftRecords, rightRecords) { printer.show($0) }
        try LinkageFiles.pairsCSV(result.links, of: result).write(toFile: out, atomically: true, encoding: .utf8)
        if let review {
            try LinkageFiles.pairsCSV(result.reviews, of: result).write(
                toFile: review, atomically: true, encoding: .utf8)
        }
        let seconds = Date().timeIntervalSince(started)
        print("Linked \(leftRecords.count) × \(rightRecords.count) records in \(String(format: "%.2f", seconds)) s.")
        print("Fields: \(configuration.fields.map(\.name).joined(separator: ", ")).")
        for count in result.candidates.counts { print("  blocking on \(count.rule): \(count.pairs) pairs") }
        print(
            "Candidate pairs: \(result.candidates.pairs.count) (reduction ratio \(String(format: "%.6f", result.candidates.reductionRatio)))."
        )
        print(
            "EM: \(result.iterations) iterations; share of candidate pairs that match \(String(format: "%.4f", result.model.matchProportion))."
        )
        print(
            "Thresholds: link at weight \(String(format: "%.2f", result.thresholds.link)), review from \(String(format: "%.2f", result.thresholds.review))."
        )
        print("Links: \(result.links.count) written to \(out). For review: \(result.reviews.count).")
    }

    private func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read \(path): no such file, or not readable.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(path) is not UTF-8 text.")
        }
        return text
    }

    static func configuration(at path: String, columns: Set<String>) throws -> Linker.Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("Cannot read the configuration \(path).")
        }
        let configuration: Linker.Configuration
        do {
            configuration = try JSONDecoder().decode(Linker.Configuration.self, from: data)
        } catch let error as DecodingError {
            throw ValidationError("\(path): \(Self.describe(error))")
        }
        for field in configuration.fields where !columns.contains(field.name) {
            throw ValidationError("\(path): the field '\(field.name)' is not a column of both files.")
        }
        return configuration
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default: return "\(error)"
        }
    }
}

/// The stages of a linkage run on standard error.
struct StageProgress: Sendable {
    func show(_ stage: Linker.Stage) {
        FileHandle.standardError.write(Data("\(progressBar(stage.fractionDone)) \(stage.rawValue)\n".utf8))
    }
}
