import ArgumentParser
import Coordination
import Foundation
import SecurePlaceCore
import Storage

extension LinkCommand {
    struct Cohort: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the referral cohort of a linkage study, in the layout 'secureplace link' reads.",
            discussion: """
                One row per child first referred (submitted) in the period: id (the child's pseudonym, \
                never an internal key), given_name, surname, date_of_birth, sex. Nothing about the \
                referral is in the file. The file holds names: send it to a partner only encoded \
                ('secureplace link encode') or under the study's data-sharing agreement. The export is \
                recorded in the audit trail.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions

        @OptionGroup var period: StudyPeriodOptions

        @Option(help: "Where to write the cohort CSV.")
        var out: String

        func run() async throws {
            let (first, last) = try period.days()
            let members = try await withStandaloneDatabase(try databaseOptions.url()) { store in
                let members = try await LinkageCohort.members(in: store, from: first, through: last)
                _ = try await store.appendAudit(
                    AuditEntry(
                        by: nil, action: "exported linkage cohort", objectType: "linkage-cohort",
                        objectID: "\(first.iso)..\(last.iso) (\(members.count) children)", at: Date()))
                return members
            }
            try writeOutput(LinkageCohort.csv(members), toFile: out)
            print("Wrote \(members.count) children first referred from \(first.iso) through \(last.iso) to \(out).")
        }
    }
}

/// The period of a linkage study: children first referred from one day through another.
struct StudyPeriodOptions: ParsableArguments {
    @Option(help: "First day of the study period (YYYY-MM-DD).")
    var from: String

    @Option(help: "Last day of the study period (YYYY-MM-DD).")
    var through: String

    func validate() throws { _ = try days() }

    func days() throws -> (first: CalendarDate, last: CalendarDate) {
        guard let first = CalendarDate(iso: from) else {
            throw ValidationError("--from must be a date such as 2025-04-01.")
        }
        guard let last = CalendarDate(iso: through) else {
            throw ValidationError("--through must be a date such as 2026-03-31.")
        }
        if last < first { throw ValidationError("--through is before --from.") }
        return (first, last)
    }
}
