import ArgumentParser
import Coordination
import Foundation
import Linkage
import SecurePlaceCore

struct LinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract:
            "Record linkage: link two files of people, find duplicates in one, add records to a linked set, encode for privacy-preserving linkage, export the cohort, apply clerical review decisions, tabulate linked outcomes.",
        subcommands: [
            Pairs.self, Dedupe.self, Add.self, Prepare.self, Encode.self, Cohort.self, Outcomes.self, Reviewed.self,
        ],
        defaultSubcommand: Pairs.self)
}

extension LinkCommand {
    struct Pairs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pairs",
            abstract: "Link two files of people (the default: 'secureplace link --left … --right … --out …').",
            discussion: """
                Fellegi–Sunter: u from random pairs, m by EM rule by rule, no labels needed (see \
                docs/linkage.md). Both files are CSV with an 'id' column. \
                Without --config the fields used are those of given_name, surname, date_of_birth, sex, \
                postcode and address found in both files, with blocking on surname prefix + birth \
                year, postcode sector, Soundex of the given name + birth year, and date of birth. \
                The output has left_id,right_id,match_weight,match_probability for the pairs linked \
                one-to-one (posterior probability at least 0.95); --review writes the pairs between \
                0.5 and 0.95 for clerical review, and --review-study queues them on the analysts' \
                review page (/linkage/reviews) in the database; 'secureplace link reviewed' applies the \
                analysts' decisions to the links. --config names a JSON file (see docs/linkage.md).

                With --encoded both files are encodings made by 'secureplace link encode' with the \
                same key: fields are compared by Dice similarity and no name is ever seen.

                --linked-set saves the linked set (records, estimate, scored pairs) as JSON so that \
                'secureplace link add' can link new records against it later without starting again.

                --explain LEFT_ID RIGHT_ID prints, after the run, what each field added to that \
                pair's match weight (the review page's waterfall, values masked as reviewers see \
                them), and whether the pair was compared, linked, reviewed or kept out; --out may \
                then be left off.

                --export-splink writes the fitted model (levels, m, u, prior, term-frequency \
                adjustments, blocking rules) as a Splink settings file, so that the same model runs on \
                Splink's DuckDB or Spark backends; Splink reads files made by 'secureplace link \
                prepare' (see docs/linkage.md). --out may then be left off.
                """)

        @Option(help: "The first file (for example the cohort).")
        var left: String

        @Option(help: "The second file (for example a partner's extract).")
        var right: String

        @Option(help: "A JSON linkage configuration; default: chosen from the columns.")
        var config: String?

        @Option(help: "Where to write the links as CSV.")
        var out: String?

        @Option(help: "Also write the pairs for clerical review to this CSV file.")
        var review: String?

        @Option(
            help:
                "Also write every candidate pair with its weight and probability, whatever the decision, to this CSV file (for a reliability table)."
        )
        var scores: String?

        @Flag(help: "Both files hold Bloom-filter encodings made by 'secureplace link encode'.")
        var encoded = false

        @Option(help: "Also save the linked set to this JSON file, for 'secureplace link add'.")
        var linkedSet: String?

        @Option(help: "Queue the pairs for clerical review on the analysts' web page under this study name.")
        var reviewStudy: String?

        @Option(
            parsing: .upToNextOption,
            help: ArgumentHelp(
                "Explain the match weight of one pair: the left file's id, then the right's.",
                valueName: "id"))
        var explain: [String] = []

        @Option(help: "Also write the fitted model as a Splink settings file (JSON).")
        var exportSplink: String?

        @OptionGroup var databaseOptions: DatabaseOptions

        func validate() throws {
            if !explain.isEmpty && explain.count != 2 {
                throw ValidationError("--explain takes two ids: the left file's record, then the right's.")
            }
            if out == nil && explain.isEmpty && exportSplink == nil {
                throw ValidationError(
                    "Give --out for the links (or --explain LEFT_ID RIGHT_ID for one pair, or --export-splink FILE).")
            }
            if encoded && exportSplink != nil {
                throw ValidationError(
                    "--export-splink cannot export an encoded linkage: Splink has no Dice comparison for Bloom filters."
                )
            }
            if out == nil && (review != nil || linkedSet != nil || reviewStudy != nil) {
                throw ValidationError("--review, --linked-set and --review-study need --out for the links too.")
            }
        }

        func run() async throws {
            let started = Date()
            let leftText = try readText(left)
            let rightText = try readText(right)
            let leftRecords: [LinkageRecord]
            let rightRecords: [LinkageRecord]
            let configuration: Linker.Configuration
            do {
                leftRecords = try LinkageFiles.records(file: left, text: leftText)
                rightRecords = try LinkageFiles.records(file: right, text: rightText)
                let shared = Set(try LinkageFiles.columns(file: left, text: leftText))
                    .intersection(try LinkageFiles.columns(file: right, text: rightText))
                configuration = try Self.configuration(
                    at: config, columns: shared, encoded: encoded, unusable: "The files share")
            } catch let error as ImportError {
                throw ValidationError(error.description)
            }
            // An id that is not in its file is told at once, not after the whole run.
            let sides = [(leftRecords, left), (rightRecords, right)]
            for (id, side) in zip(explain, sides) where !side.0.contains(where: { $0.id == id }) {
                throw ValidationError("No record \(id) in \(side.1).")
            }
            let printer = StageProgress()
            let result = Linker(configuration: configuration).link(leftRecords, rightRecords) { printer.show($0) }
            if explain.count == 2 {
                if let explanation = result.explanation(leftID: explain[0], rightID: explain[1]) {
                    print(LinkExplanationReport(explanation).text)
                }
            }
            if let scores {
                try writeOutput(LinkageFiles.pairsCSV(result.everyCandidateScored, of: result), toFile: scores)
            }
            if let exportSplink {
                try Self.export(configuration, result.estimate, deduplicating: false, to: exportSplink)
            }
            guard let out else { return }
            try LinkOutput(out: out, review: review).write(result)
            if let linkedSet {
                let set = LinkedSet(configuration: configuration, records: (leftRecords, rightRecords), result: result)
                try writeOutput(JSONEncoder().encode(set), toFile: linkedSet)
            }
            print(
                "Linked \(leftRecords.count) × \(rightRecords.count) records in \(String(format: "%.2f", Date().timeIntervalSince(started))) s."
            )
            print("Fields: \(configuration.fields.map(\.name).joined(separator: ", ")).")
            LinkOutput(out: out, review: review).printSummary(of: result)
            if let reviewStudy { try await queueForReview(result, study: reviewStudy, in: databaseOptions) }
        }

        /// Writes the Splink settings for a run, or says why the run cannot be exported.
        static func export(
            _ configuration: Linker.Configuration, _ estimate: Linker.Estimate, deduplicating: Bool, to path: String
        ) throws {
            let settings: SplinkSettings
            do {
                settings = try SplinkSettings(
                    configuration: configuration, estimate: estimate, deduplicating: deduplicating)
            } catch let error as SplinkSettings.ExportError {
                throw ValidationError("--export-splink: \(error.description).")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try writeOutput(encoder.encode(settings), toFile: path)
            print("Splink settings written to \(path); prepare its input with 'secureplace link prepare'.")
        }

        /// The configuration at `path`, or without one the encoded or standard configuration
        /// for the columns; refused when that leaves nothing to compare ("`unusable` none of …").
        static func configuration(at path: String?, columns: Set<String>, encoded: Bool, unusable: String) throws
            -> Linker.Configuration
        {
            let configuration: Linker.Configuration =
                if let path {
                    try configuration(at: path, columns: columns)
                } else {
                    encoded ? .encoded(columns: columns) : .standard(columns: columns)
                }
            guard !configuration.fields.isEmpty, !configuration.blockingRules.isEmpty else {
                throw ValidationError(
                    "\(unusable) none of given_name, surname, date_of_birth, sex, postcode, address: give --config.")
            }
            return configuration
        }

        static func configuration(at path: String, columns: Set<String>) throws -> Linker.Configuration {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("Cannot read the configuration \(path).")
            }
            let configuration: Linker.Configuration
            do {
                configuration = try JSONDecoder().decode(Linker.Configuration.self, from: data)
            } catch let error as DecodingError {
                throw ValidationError("\(path): \(describe(error))")
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

    struct Encode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Encode a file into keyed Bloom filters, one per field, for linkage without names.",
            discussion: """
                Each partner runs this on its own file with the key the partners share, and sends only \
                the encoded file. Fields: those of given_name, surname, date_of_birth, sex, postcode and \
                address present, normalised first; each becomes a Bloom filter of its bigrams (HMAC-SHA256 \
                under the key, double hashing). Read docs/linkage.md for what the key and the parameters \
                protect and which attacks these encodings do not resist.
                """)

        @Option(help: "The file to encode (CSV with an 'id' column).")
        var input: String

        @Option(help: "A file holding the partners' shared secret key (at least 16 bytes).")
        var keyFile: String

        @Option(help: "Where to write the encoded CSV.")
        var out: String

        @Option(
            help:
                "A JSON linkage configuration whose fields to encode (normalised by their kind); default: the usual person fields present."
        )
        var config: String?

        @Option(help: "Bits per field filter.")
        var bits: Int = 1_024

        @Option(help: "Bits set per bigram.")
        var hashes: Int = 20

        func validate() throws {
            if !(64...16_384).contains(bits) { throw ValidationError("--bits must be between 64 and 16,384.") }
            if !(1...100).contains(hashes) { throw ValidationError("--hashes must be between 1 and 100.") }
        }

        func run() throws {
            guard let key = FileManager.default.contents(atPath: keyFile) else {
                throw ValidationError("Cannot read the key file \(keyFile).")
            }
            guard key.count >= 16 else {
                throw ValidationError("The key in \(keyFile) is \(key.count) bytes; use at least 16 random bytes.")
            }
            let text = try readText(input)
            let records: [LinkageRecord]
            let columns: [String]
            do {
                records = try LinkageFiles.records(file: input, text: text)
                columns = try LinkageFiles.columns(file: input, text: text)
            } catch {
                throw ValidationError(error.description)
            }
            let fields =
                try config.map { try Pairs.configuration(at: $0, columns: Set(columns)).fields }
                ?? Linker.Configuration.standard(columns: Set(columns)).fields
            guard !fields.isEmpty else {
                throw ValidationError(
                    "\(input) has none of given_name, surname, date_of_birth, sex, postcode, address to encode.")
            }
            let encoder = BloomFilterEncoder(
                key: key, parameters: .init(bitCount: bits, hashCount: hashes))
            try writeOutput(LinkageFiles.encodedCSV(records, fields: fields, encoder: encoder), toFile: out)
            print("Encoded \(records.count) records (\(fields.map(\.name).joined(separator: ", "))) into \(out).")
        }
    }
}

func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ValidationError("Cannot read \(path): no such file, or not readable.")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw ValidationError("\(path) is not UTF-8 text.")
    }
    return text
}

/// The stages of a linkage run on standard error.
struct StageProgress: Sendable {
    func show(_ stage: Linker.Stage) {
        FileHandle.standardError.write(Data("\(progressBar(stage.fractionDone)) \(stage.rawValue)\n".utf8))
    }
}
