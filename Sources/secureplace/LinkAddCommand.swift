import ArgumentParser
import Coordination
import Foundation
import Linkage
import Storage

extension LinkCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link new records against a linked set saved by 'secureplace link --linked-set'.",
            discussion: """
                Give this month's referrals as --left, a partner's new extract as --right, or both. Only \
                the pairs that involve a new record are compared; they are scored by the estimate the set \
                was linked with, and one-to-one is resolved over old and new pairs together, so the links \
                written are those a full run of the whole files would give with that estimate. The set \
                file is updated in place. To estimate m and u afresh, run 'secureplace link' on the whole \
                files instead.
                """)

        @Option(help: "The linked set (JSON) to add to; updated in place.")
        var linkedSet: String

        @Option(help: "New records for the left side (CSV with an 'id' column).")
        var left: String?

        @Option(help: "New records for the right side (CSV with an 'id' column).")
        var right: String?

        @Option(help: "Where to write all the links of the updated set as CSV.")
        var out: String

        @Option(help: "Also write the pairs for clerical review to this CSV file.")
        var review: String?

        @Option(help: "Queue the pairs for clerical review on the analysts' web page under this study name.")
        var reviewStudy: String?

        @OptionGroup var databaseOptions: DatabaseOptions

        func validate() throws {
            if left == nil && right == nil { throw ValidationError("Give new records with --left, --right or both.") }
        }

        func run() async throws {
            let started = Date()
            guard let data = FileManager.default.contents(atPath: linkedSet) else {
                throw ValidationError("Cannot read the linked set \(linkedSet).")
            }
            var set: LinkedSet
            do {
                set = try JSONDecoder().decode(LinkedSet.self, from: data)
            } catch let error as DecodingError {
                throw ValidationError(
                    "\(linkedSet) is not a linked set saved by 'secureplace link --linked-set': \(Pairs.describe(error))"
                )
            }
            let newLeft = try left.map { try Self.records($0) } ?? []
            let newRight = try right.map { try Self.records($0) } ?? []
            let printer = StageProgress()
            let result: Linker.Result
            do {
                result = try set.add(left: newLeft, right: newRight) { printer.show($0) }
            } catch {
                throw ValidationError(error.description)
            }
            try LinkOutput(out: out, review: review).write(result)
            try writeOutput(JSONEncoder().encode(set), toFile: linkedSet)
            print(
                "Added \(newLeft.count) left and \(newRight.count) right records to a set of \(set.left.count) × \(set.right.count) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s."
            )
            LinkOutput(out: out, review: review).printSummary(of: result)
            if let reviewStudy { try await queueForReview(result, study: reviewStudy, in: databaseOptions) }
        }

        static func records(_ path: String) throws -> [LinkageRecord] {
            let text = try readText(path)
            do {
                return try LinkageFiles.records(file: path, text: text)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }
}

/// Puts a run's uncertain pairs on the analysts' clerical review page.
func queueForReview(_ result: Linker.Result, study: String, in databaseOptions: DatabaseOptions) async throws {
    let added = try await withStandaloneDatabase(try databaseOptions.url()) { store in
        try await LinkageReviews(store: store, now: { Date() }).queue(result, study: study)
    }
    print("Queued \(added) new pairs for clerical review in the study '\(study)' (of \(result.reviews.count)).")
}

/// Where a linkage writes its pairs, and the summary it prints.
struct LinkOutput {
    var out: String
    var review: String?

    func write(_ result: Linker.Result) throws {
        try writeOutput(LinkageFiles.pairsCSV(result.links, of: result), toFile: out)
        if let review {
            try writeOutput(LinkageFiles.pairsCSV(result.reviews, of: result), toFile: review)
        }
    }

    func printSummary(of result: Linker.Result) {
        for count in result.candidates.counts { print("  blocking on \(count.rule): \(count.pairs) pairs") }
        print(
            "Candidate pairs compared: \(result.candidates.pairs.count) (reduction ratio \(String(format: "%.6f", result.candidates.reductionRatio)))."
        )
        print(
            "Estimate: u from random pairs, m by EM rule by rule (\(result.iterations) iterations at most); about \(Int((result.model.matchProportion * result.candidates.allPairs).rounded())) matches expected."
        )
        print(
            "Thresholds: link at weight \(String(format: "%.2f", result.thresholds.link)), review from \(String(format: "%.2f", result.thresholds.review))."
        )
        print("Links: \(result.links.count) written to \(out). For review: \(result.reviews.count).")
    }
}
