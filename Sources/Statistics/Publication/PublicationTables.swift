import Foundation
import SecurePlaceCore

/// The tables published for a financial year, built from the cohort of referrals submitted in
/// it: national, regional and authority figures for the year and each quarter.
public enum PublicationTables {
    /// A financial year from 1 April: 2025 is 2025-26.
    public struct FinancialYear: Hashable, Sendable {
        public var startYear: Int

        public init(startYear: Int) {
            self.startYear = startYear
        }

        /// The financial year `day` falls in.
        public init(containing day: CalendarDate) {
            startYear = day.month >= 4 ? day.year : day.year - 1
        }

        /// "2025-26" (or "202526", as the tables write it).
        public init?(parsing text: String) {
            let digits = text.filter(\.isNumber)
            guard digits.count == 6, let start = Int(digits.prefix(4)), let end = Int(digits.suffix(2)),
                (start + 1) % 100 == end, text.count == 7 || text.count == 6
            else { return nil }
            startYear = start
        }

        public var first: CalendarDate { CalendarDate(year: startYear, month: 4, day: 1)! }
        public var end: CalendarDate { CalendarDate(year: startYear + 1, month: 4, day: 1)! }
        public var code: String { String(format: "%04d%02d", startYear, (startYear + 1) % 100) }
        public var name: String { String(format: "%04d-%02d", startYear, (startYear + 1) % 100) }

        /// 1 for April to June, up to 4 for January to March.
        func quarter(of day: CalendarDate) -> Int {
            ((day.month + 8) % 12) / 3 + 1
        }
    }

    public static let olderBoys = "Boys 15 or over with an offending, gang or harmful sexual behaviour flag"
    public static let otherChildren = "Other children"

    /// Every table published for a year: the referrals submitted in it (`cohort`), as at
    /// `asOf`; its beds, where the bed history is given; and what happened in the year after
    /// referral, where `followed` is given and the year's referrals have all had their year.
    public static func build(
        _ cohort: [CohortReferral], year: FinancialYear, authorities: [LocalAuthority], asOf: Date,
        beds: BedsInYear? = nil, followed: [FollowedReferral] = []
    ) -> Publication {
        let frame = Frame(year: year, authorities: authorities)
        let index = CohortIndex(cohort, year: year)
        var publication = referralOutcomes(cohort, frame: frame, index: index)
        publication.tables.append(referralsSubmitted(cohort, frame: frame, index: index))
        publication.tables.append(outcomesByCharacteristic(cohort, frame: frame))
        publication.tables.append(outcomesByNeed(cohort, frame: frame))
        publication.tables.append(placements(cohort, frame: frame, index: index, asOf: asOf))
        publication.tables += homeAnswers(cohort, frame: frame, index: index, asOf: asOf)
        if let beds { publication.tables.append(secureBeds(beds, frame: frame, index: index)) }
        // Every decided referral of the year is followed once its last has had 12 months.
        if year.end.anniversary <= CalendarDate(containing: asOf), !followed.isEmpty || cohort.isEmpty {
            publication.tables.append(yearAfterReferral(followed, frame: frame))
        }
        publication.links += [
            .init("referrals", "decided", equals: "referral_outcomes", "decided"),
            .init("referral_outcomes_by_characteristic", "decided", equals: "referral_outcomes", "decided"),
            .init("referral_outcomes_by_characteristic", "placed", equals: "referral_outcomes", "placed"),
            .init(
                "referral_outcomes_by_characteristic", "closed_unplaced", equals: "referral_outcomes",
                "closed_unplaced"),
            .init("placements", "placed", equals: "referral_outcomes", "placed"),
        ]
        for profile in [TidyTable.total, olderBoys, otherChildren] {
            let filters = profile == TidyTable.total ? [:] : ["child_profile": profile]
            for (outcome, count) in [("Placed", "placed"), ("Closed unplaced", "closed_unplaced")] {
                publication.links.append(
                    .init(
                        "year_after_referral", "children_followed",
                        filters: filters.merging(["outcome": outcome]) { a, _ in a },
                        equals: "referral_outcomes", count, filters: filters))
            }
            publication.links.append(
                .init(
                    "year_after_referral", "children_followed", filters: filters, equals: "referral_outcomes",
                    "decided", filters: filters))
        }
        return publication
    }

    /// The tables of referrals' outcomes and of where children left unplaced went instead:
    /// the ones the million-referral benchmark makes in DuckDB too.
    public static func referralOutcomeTables(
        _ cohort: [CohortReferral], year: FinancialYear, authorities: [LocalAuthority]
    ) -> Publication {
        referralOutcomes(
            cohort, frame: Frame(year: year, authorities: authorities), index: CohortIndex(cohort, year: year))
    }
}
