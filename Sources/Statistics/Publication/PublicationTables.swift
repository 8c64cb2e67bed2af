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

    public static func build(
        _ cohort: [CohortReferral], year: FinancialYear, authorities: [LocalAuthority]
    ) -> Publication {
        let periods =
            [TidyTable.Period(code: year.code, identifier: "Financial year")]
            + (1...4).map { TidyTable.Period(code: year.code, identifier: "Financial year Q\($0)") }
        func period(_ referral: CohortReferral) -> Int {
            year.quarter(of: CalendarDate(containing: referral.submittedAt))
        }
        let nation = TidyTable.Place(level: .national, countryCode: "K04000001", countryName: "England and Wales")
        let regions = Region.allCases.map { region in
            TidyTable.Place(
                level: .regional, countryCode: nation.countryCode, countryName: nation.countryName,
                regionCode: region.code, regionName: region.name)
        }
        let localAuthorities = authorities.sorted { ($0.region, $0.name) < ($1.region, $1.name) }.map { authority in
            TidyTable.Place(
                level: .localAuthority, countryCode: nation.countryCode, countryName: nation.countryName,
                regionCode: authority.region.code, regionName: authority.region.name, authorityCode: authority.code,
                authorityName: authority.name)
        }
        // Each referral is put in its quarter, region and authority once: a million referrals
        // are then counted for each of some four hundred places without being searched again.
        // The few facts the tables count, read from each referral once.
        var inQuarter = Array(repeating: [Int](), count: 5)
        var inRegion: [String: [Int]] = [:]
        var inAuthority: [String: [Int]] = [:]
        var quarterOf: [Int] = []
        var outcomeOf: [CohortReferral.Outcome] = []
        var isOlderBoy: [Bool] = []
        var alternativeOf: [AlternativeAccommodation] = []
        quarterOf.reserveCapacity(cohort.count)
        outcomeOf.reserveCapacity(cohort.count)
        isOlderBoy.reserveCapacity(cohort.count)
        alternativeOf.reserveCapacity(cohort.count)
        for index in cohort.indices {
            let quarter = period(cohort[index])
            quarterOf.append(quarter)
            outcomeOf.append(cohort[index].outcome)
            isOlderBoy.append(cohort[index].isOlderBoyWithRefusalFlag)
            alternativeOf.append(cohort[index].alternative ?? .otherOrNotKnown)
            inQuarter[quarter].append(index)
            inRegion[cohort[index].regionCode, default: []].append(index)
            inAuthority[cohort[index].localAuthorityCode, default: []].append(index)
        }
        let everyone = Array(cohort.indices)
        func members(_ place: TidyTable.Place, _ periodIndex: Int) -> [Int] {
            let inPlace: [Int] =
                switch place.level {
                case .national: everyone
                case .regional: inRegion[place.regionCode] ?? []
                case .localAuthority: inAuthority[place.authorityCode] ?? []
                }
            guard periodIndex != 0 else { return inPlace }
            if place.level == .national { return inQuarter[periodIndex] }
            return inPlace.filter { quarterOf[$0] == periodIndex }
        }

        var outcomes = TidyTable(
            name: "referral_outcomes",
            title: "Referrals for a secure children's home place that were placed or closed unplaced",
            filters: [.filter("child_profile", "Child's profile")],
            indicators: [
                .count("decided", "Placed or closed unplaced"), .count("placed", "Placed"),
                .count("closed_unplaced", "Closed unplaced"),
                .percent("unplaced_percent", "Closed unplaced, % of placed or closed unplaced"),
            ],
            identities: [
                .init("decided", is: ["placed", "closed_unplaced"])
            ])
        // Each profile by whether it takes the older boys, the others, or both.
        let profiles: [(String, Bool?)] = [(TidyTable.total, nil), (olderBoys, true), (otherChildren, false)]
        var alternatives = TidyTable(
            name: "unplaced_alternatives", title: "Children closed unplaced, by where they went instead",
            filters: [.filter("alternative", "Where the child went instead")],
            indicators: [.count("children_closed_unplaced", "Children closed unplaced")])
        for (p, period) in periods.enumerated() {
            // Quarters nationally, and authorities for every child only: by quarter, or by
            // profile in an authority, nearly every count is small, and what hides them would
            // hide the larger figures too.
            for place in [nation] + (p == 0 ? regions + localAuthorities : []) {
                let here = members(place, p)
                for (profile, includes) in place.level == .localAuthority ? [profiles[0]] : profiles {
                    var placed = 0
                    var closedUnplaced = 0
                    for index in here where includes.map({ isOlderBoy[index] == $0 }) ?? true {
                        switch outcomeOf[index] {
                        case .placed: placed += 1
                        case .closedUnplaced: closedUnplaced += 1
                        case .withdrawn, .open: break
                        }
                    }
                    func count(_ outcome: CohortReferral.Outcome) -> Int { outcome == .placed ? placed : closedUnplaced }
                    outcomes.rows.append(
                        TidyTable.Row(
                            period: period, place: place, filters: [profile],
                            values: [
                                .count(count(.placed) + count(.closedUnplaced)), .count(count(.placed)),
                                .count(count(.closedUnplaced)),
                                .percent(numerator: "closed_unplaced", denominator: "decided"),
                            ]))
                }
                guard place.level != .localAuthority else { continue }
                var went: [AlternativeAccommodation: Int] = [:]
                var unplaced = 0
                for index in here where outcomeOf[index] == .closedUnplaced {
                    unplaced += 1
                    went[alternativeOf[index], default: 0] += 1
                }
                alternatives.rows.append(
                    TidyTable.Row(period: period, place: place, filters: [TidyTable.total], values: [.count(unplaced)]))
                for alternative in AlternativeAccommodation.allCases {
                    let went = went[alternative] ?? 0
                    alternatives.rows.append(
                        TidyTable.Row(period: period, place: place, filters: [alternative.name], values: [.count(went)])
                    )
                }
            }
        }
        return Publication(
            tables: [outcomes, alternatives],
            links: [
                .init(
                    "unplaced_alternatives", "children_closed_unplaced", equals: "referral_outcomes", "closed_unplaced")
            ])
    }
}
