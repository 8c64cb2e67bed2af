import ArgumentParser
import Coordination
import Foundation
import SecurePlaceCore
import Statistics
import Storage

extension LinkCommand {
    struct Outcomes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Tabulate custody, hospital admissions and school exclusions after referral, placed and unplaced.",
            discussion: """
                The cohort is that of 'secureplace link cohort' for the same period. Each partner extract \
                is given as a pair: --links (the output of 'secureplace link' with the cohort as the left \
                file) and --events (CSV: id,outcome,date with outcome one of custody, hospital-admission, \
                school-exclusion; id is the partner's person id). A child counts once per outcome if any \
                linked event falls from the referral day up to its anniversary. The table written is \
                pseudonymised and passes the disclosure rule (counts 1 to 4 shown as c with the \
                percentages built on them, and further cells so none can be worked out from totals); \
                --public also rounds the other counts to the nearest 5.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions

        @OptionGroup var period: StudyPeriodOptions

        @Option(help: "A links file for one partner extract (repeat, in the order of --events).")
        var links: [String] = []

        @Option(help: "That extract's events file (repeat, one per --links).")
        var events: [String] = []

        @Option(help: "Where to write the table as CSV.")
        var out: String

        @Flag(help: "Round shown counts to the nearest 5, as for public tables.")
        var `public` = false

        func validate() throws {
            if links.isEmpty || links.count != events.count {
                throw ValidationError("Give each extract as a --links file and an --events file, in the same order.")
            }
        }

        func run() async throws {
            var extracts: [LinkedExtract] = []
            for (linksFile, eventsFile) in zip(links, events) {
                let (linksText, eventsText) = (try readText(linksFile), try readText(eventsFile))
                do {
                    extracts.append(
                        LinkedExtract(
                            pseudonymsByPersonID: try LinkageFiles.links(file: linksFile, text: linksText),
                            events: try LinkageFiles.outcomeEvents(file: eventsFile, text: eventsText)))
                } catch {
                    throw ValidationError(error.description)
                }
            }
            let (first, last) = try period.days()
            let cohort = try await withStandaloneDatabase(try databaseOptions.url()) { store in
                let cohort = try await LinkageCohort.members(in: store, from: first, through: last)
                _ = try await store.appendAudit(
                    AuditEntry(
                        by: nil, action: "tabulated linked outcomes", objectType: "linkage-cohort",
                        objectID: "\(first.iso)..\(last.iso) (\(cohort.count) children)", at: Date()))
                return cohort
            }
            let table = LinkedOutcomeTable(cohort: cohort, extracts: extracts).csv(
                rule: `public` ? .publicTables : .standard)
            try writeOutput(table, toFile: out)
            print(table, terminator: "")
            print("Written to \(out).")
        }
    }
}
