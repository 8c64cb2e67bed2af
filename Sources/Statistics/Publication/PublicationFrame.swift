import Foundation
import SecurePlaceCore

extension PublicationTables {
    /// The periods and places a year's tables have rows for.
    struct Frame {
        let year: FinancialYear
        /// The year, then its four quarters.
        let periods: [TidyTable.Period]
        let nation: TidyTable.Place
        let regions: [TidyTable.Place]
        let localAuthorities: [TidyTable.Place]

        init(year: FinancialYear, authorities: [LocalAuthority]) {
            self.year = year
            periods =
                [TidyTable.Period(code: year.code, identifier: "Financial year")]
                + (1...4).map { TidyTable.Period(code: year.code, identifier: "Financial year Q\($0)") }
            let nation = TidyTable.Place(level: .national, countryCode: "K04000001", countryName: "England and Wales")
            self.nation = nation
            regions = Region.allCases.map { region in
                TidyTable.Place(
                    level: .regional, countryCode: nation.countryCode, countryName: nation.countryName,
                    regionCode: region.code, regionName: region.name)
            }
            localAuthorities = authorities.sorted { ($0.region, $0.name) < ($1.region, $1.name) }.map { authority in
                TidyTable.Place(
                    level: .localAuthority, countryCode: nation.countryCode, countryName: nation.countryName,
                    regionCode: authority.region.code, regionName: authority.region.name,
                    authorityCode: authority.code, authorityName: authority.name)
            }
        }

        /// The places with rows in a period: the nation every quarter, regions for the year.
        func places(in period: Int) -> [TidyTable.Place] {
            [nation] + (period == 0 ? regions : [])
        }
    }

    /// Each referral put in its quarter, region and authority once: a million referrals are
    /// then counted for each of some four hundred places without being searched again.
    struct CohortIndex {
        private var inQuarter = Array(repeating: [Int](), count: 5)
        private var inRegion: [String: [Int]] = [:]
        private var inAuthority: [String: [Int]] = [:]
        private(set) var quarterOf: [Int] = []
        private let everyone: [Int]

        init(_ cohort: [CohortReferral], year: FinancialYear) {
            quarterOf.reserveCapacity(cohort.count)
            for index in cohort.indices {
                let quarter = year.quarter(of: CalendarDate(containing: cohort[index].submittedAt))
                quarterOf.append(quarter)
                inQuarter[quarter].append(index)
                inRegion[cohort[index].regionCode, default: []].append(index)
                inAuthority[cohort[index].localAuthorityCode, default: []].append(index)
            }
            everyone = Array(cohort.indices)
        }

        /// The referrals a row counts: those of its place, in its period (0 for the year).
        func members(_ place: TidyTable.Place, _ period: Int) -> [Int] {
            let inPlace: [Int] =
                switch place.level {
                case .national: everyone
                case .regional: inRegion[place.regionCode] ?? []
                case .localAuthority: inAuthority[place.authorityCode] ?? []
                }
            guard period != 0 else { return inPlace }
            if place.level == .national { return inQuarter[period] }
            return inPlace.filter { quarterOf[$0] == period }
        }
    }
}
