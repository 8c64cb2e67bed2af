import ArgumentParser
import Coordination
import Foundation
import SecurePlaceCore
import Statistics
import Storage

extension StatisticsCommand {
    struct Extract: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the analysts' record-level extract for referrals submitted in a period.",
            discussion: """
                Four CSV files: referrals.csv (one row per referral: the child's pseudonym, never a \
                name or date of birth; region, authority, route, urgency, sex, age at referral, needs, \
                outcome and its times in UTC, and the UK day of submission), answers.csv (every home \
                the referral went to, by the home's reference: offered, declined with its reasons, or \
                not-answered with the time its answer was due), episodes.csv (every placement of \
                each child, from the authority's imported SSDA903 return where one is loaded) and \
                checks.csv (what the authority recorded at each follow-up check: where the child \
                lives, moves since the last check, custody; none for a child followed through a \
                return). The figures can then be made by any tool; the extract is recorded in the audit trail.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var period: StudyPeriodOptions

        @Option(help: "The directory to write the files into (made if missing).")
        var out: String

        func run() async throws {
            let (first, last) = try period.days()
            let (extract, references) = try await withStandaloneDatabase(try databaseOptions.url()) { store in
                let extract = try await StatisticsCohort(store: store).extract(
                    submittedFrom: first.start, before: last.adding(days: 1).start)
                try await store.appendAudit(
                    AuditEntry(
                        by: nil, action: "statistics.extract", objectType: "referrals",
                        objectID: "\(first.iso)/\(last.iso)", at: Date()))
                return (
                    extract, Dictionary(uniqueKeysWithValues: try await store.homes().map { ($0.id, $0.reference) })
                )
            }
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let directory = URL(fileURLWithPath: out)
            try writeOutput(extract.referralsCSV(), toFile: directory.appendingPathComponent("referrals.csv").path)
            try writeOutput(
                extract.answersCSV { references[$0] ?? $0.uuidString },
                toFile: directory.appendingPathComponent("answers.csv").path)
            try writeOutput(extract.episodesCSV(), toFile: directory.appendingPathComponent("episodes.csv").path)
            try writeOutput(extract.checksCSV(), toFile: directory.appendingPathComponent("checks.csv").path)
            print(
                "Wrote \(extract.members.count) referrals to \(out) (referrals.csv, answers.csv, episodes.csv, checks.csv)."
            )
        }
    }
}
