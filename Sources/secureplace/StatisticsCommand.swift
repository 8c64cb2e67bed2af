import ArgumentParser
import Coordination
import Foundation
import SecurePlaceCore
import Statistics
import Storage

struct StatisticsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statistics",
        abstract: "Figures on referrals, placements and who is refused, with their intervals.",
        subcommands: [Summary.self, Publish.self, Extract.self])
}

extension StatisticsCommand {
    struct Summary: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The headline figures for referrals submitted in a period, exact and unsuppressed.",
            discussion: """
                For the service's own analysts: counts are exact and small numbers are not hidden, \
                so the output is not for publication. Shares are of referrals placed or closed \
                unplaced (withdrawn and open referrals count for neither), with Wilson intervals; \
                time to placement is a Kaplan–Meier estimate with referrals closed unplaced or still \
                open counted as censored; the older boys' comparison gives the risk ratio (Katz) and \
                difference (Newcombe), and an odds ratio adjusted for region and urgency by logistic \
                regression. Every interval is 95%. The year after referral counts, for children \
                referred at least a year ago, the placements they began (the secure placement the \
                referral made not counted), custody and other secure placements, from their \
                authority's imported SSDA903 return (secureplace import ssda903) where one is loaded \
                and the service's own records otherwise; re-referral is a Kaplan–Meier estimate from \
                the decision.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var period: StudyPeriodOptions

        @Option(help: "text or json.")
        var format: OutputFormat = .text

        func run() async throws {
            let (first, last) = try period.days()
            let now = Date()
            let (cohort, followed, beds) = try await withStandaloneDatabase(try databaseOptions.url()) { store in
                let statistics = StatisticsCohort(store: store, now: { now })
                let start = first.start
                let end = last.adding(days: 1).start
                return (
                    try await statistics.referrals(submittedFrom: start, before: end),
                    try await statistics.followedReferrals(submittedFrom: start, before: end).map(\.followed),
                    try await statistics.beds(from: first, through: last)
                )
            }
            let figures = HeadlineFigures(cohort, asOf: now) { Region(rawValue: $0)?.name ?? $0 }
            var report = HeadlineReport(figures, from: first, through: last, asOf: now)
            report.beds = BedReport(beds, referrals: figures.referrals)
            report.yearAfterReferral = YearAfterReferralReport(
                YearAfterReferral(followed, asOf: CalendarDate(containing: now)))
            if format == .json { return try printJSON(report) }
            print(report.lines.joined(separator: "\n"))
        }
    }
}

extension StatisticsCommand {
    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write a financial year's tables in the Department's tidy-data layout, protected for publication.",
            discussion: """
                Writes each table as NAME.csv with its NAME.meta.csv (Explore Education Statistics' \
                layout): referral outcomes (by profile, place and quarter, and by characteristic and \
                need), placements (time, distance, the 72-hour rule), homes' answers and decline \
                reasons, beds, and, once a year's referrals have all had 12 months, the year after \
                referral. Medians are c where they describe fewer than 10 children. \
                Counts from 1 to 4 are shown as c, with as few others as stop any of them being worked \
                out from the totals of any table in the set (every place, filter, quarter and table \
                that counts the same children); percentages built on them are c too, z where not \
                applicable, low where they round to zero. With --rounding 5, national and regional \
                counts are rounded to the nearest 5.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions

        @Option(help: "The financial year, such as 2025-26.")
        var period: String

        @Option(help: "The directory to write the tables into (made if missing).")
        var out: String

        @Option(help: "Round national and regional counts to this base (none by default).")
        var rounding: Int?

        func validate() throws {
            guard PublicationTables.FinancialYear(parsing: period) != nil else {
                throw ValidationError("--period must be a financial year such as 2025-26.")
            }
            if let rounding, !(2...100).contains(rounding) {
                throw ValidationError("--rounding must be a base from 2 to 100, such as 5.")
            }
        }

        func run() async throws {
            let year = PublicationTables.FinancialYear(parsing: period)!
            let publication = try await withStandaloneDatabase(try databaseOptions.url()) { store in
                try await StatisticsCohort(store: store).publication(for: year)
            }
            let protected = ProtectedPublication(publication, rule: DisclosureRule(roundingBase: rounding))
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (table, values) in zip(publication.tables, protected.values) {
                let base = URL(fileURLWithPath: out).appendingPathComponent(table.name)
                try writeOutput(
                    TidyCSV.data(of: table, showing: values), toFile: base.appendingPathExtension("csv").path)
                try writeOutput(TidyCSV.metadata(of: table), toFile: base.appendingPathExtension("meta.csv").path)
            }
            print(
                "Wrote \(publication.tables.count) tables for \(year.name) to \(out): "
                    + "\(protected.primarySuppressions) small counts hidden, \(protected.secondarySuppressions) more "
                    + "hidden so that none can be worked out.")
        }
    }
}
