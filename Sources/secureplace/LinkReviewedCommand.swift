import ArgumentParser
import Coordination
import Foundation
import Storage

extension LinkCommand {
    struct Reviewed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply a study's clerical review decisions to the links of its run.",
            discussion: """
                Reads the links 'secureplace link' wrote and the decisions analysts made on the review \
                page for the study (queued with --review-study), and writes the final links: pairs \
                judged the same person added, pairs judged different people taken out, in the same \
                layout with a clerical_review column. A same-person pair whose record is already \
                linked to someone else is left out and listed. Pairs not yet decided stay out and are \
                counted. The step is recorded in the audit trail.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions

        @Option(help: "The study name the pairs were queued under.")
        var study: String

        @Option(help: "The links file of the study's run.")
        var links: String

        @Option(help: "Where to write the final links CSV.")
        var out: String

        func run() async throws {
            let text = try readText(links)
            let run: [ReviewedLinks.Link]
            do {
                run = try LinkageFiles.linkedPairs(file: links, text: text)
            } catch {
                throw ValidationError(error.description)
            }
            let study = study
            let reviewed = try await withStandaloneDatabase(try databaseOptions.url()) { store in
                try await LinkageReviews(store: store, now: { Date() }).reviewedLinks(study: study, run: run)
            }
            guard let reviewed else {
                throw ValidationError("No pairs were ever queued for review under the study '\(study)'.")
            }
            try writeOutput(reviewed.csv, toFile: out)
            print(
                "Wrote \(reviewed.links.count) links to \(out): \(run.count) from the run, \(reviewed.added) judged the same person added, \(reviewed.removed) judged different people taken out."
            )
            for conflict in reviewed.conflicts {
                print(
                    "Left out: \(conflict.pair.leftID)–\(conflict.pair.rightID) was judged the same person, but \(conflict.linkedElsewhere.leftID)–\(conflict.linkedElsewhere.rightID) is already linked."
                )
            }
            if reviewed.undecided > 0 {
                print("\(reviewed.undecided) pairs of the study are still to be decided on the review page.")
            }
        }
    }
}
