import Coordination
import Foundation
import SecurePlaceCore
import Statistics
import Storage
import TestSupport
import Testing

@Suite("Statistics read from the service's records")
struct StatisticsCohortTests {
    @Test(
        "the cohort read from the database gives the figures worked out from the generated data",
        arguments: TestDatabase.all)
    func cohortMatchesTheGeneratedData(database: TestDatabase) async throws {
        let dataset = try DemoDataTests.generate(seed: 5, months: 12)
        try await withTestStore(database) { store in
            try await LoadReferenceData(store: store)(ReferenceData.bundled())
            try await LoadDemoData(store: store)(dataset)
            let cohort = try await StatisticsCohort(store: store, now: { dataset.end }).referrals(
                submittedFrom: dataset.start, before: dataset.end.addingTimeInterval(1))

            let submitted = dataset.referrals.filter { $0.submittedAt != nil }
            #expect(cohort.count == submitted.count)
            let figures = HeadlineFigures(cohort, asOf: dataset.end)
            let summary = DemoSummary(dataset)
            #expect(abs((figures.outcomes.total.unplaced.value ?? -1) - summary.unplacedShare) < 1e-12)
            #expect(
                abs((figures.olderBoysWithRefusalFlags.unplaced.value ?? -1) - summary.unplacedShareHigherRisk) < 1e-12)
            #expect(
                abs((figures.olderBoysWithRefusalFlags.unplacedElsewhere.value ?? -1) - summary.unplacedShareOthers)
                    < 1e-12)

            // Homes approached: every home circulated to or answering, counted once.
            var approached: [UUID: Set<UUID>] = [:]
            for circulation in dataset.circulations {
                approached[circulation.referralID, default: []].insert(circulation.homeID)
            }
            for response in dataset.responses { approached[response.referralID, default: []].insert(response.homeID) }
            let expectedTotal = submitted.map { approached[$0.id]?.count ?? 0 }.reduce(0, +)
            #expect(cohort.map(\.homesApproached).reduce(0, +) == expectedTotal)
            #expect(expectedTotal > submitted.count, "most referrals went to more than one home")

            // Each home's answer: an offer stands over a decline from the same home; a home
            // circulated to and silent has its deadline.
            let submittedIDs = Set(submitted.map(\.id))
            var offered = Set<String>()
            var declined: [String: Set<DeclineReason>] = [:]
            for response in dataset.responses where submittedIDs.contains(response.referralID) {
                let key = "\(response.referralID)|\(response.homeID)"
                switch response.answer {
                case .offer: offered.insert(key)
                case .decline(let reasons, _): declined[key, default: []].formUnion(reasons)
                }
            }
            var foundOffers = 0
            var foundDeclines = 0
            var silent = 0
            for approach in cohort.flatMap(\.approaches) {
                switch approach.answer {
                case .offered: foundOffers += 1
                case .declined(let reasons):
                    foundDeclines += 1
                    #expect(!reasons.isEmpty, "a decline gives its reasons")
                case .notAnswered: silent += 1
                }
            }
            let declinedOnly = declined.keys.filter { !offered.contains($0) }.count
            #expect(foundOffers == offered.count)
            #expect(foundDeclines == declinedOnly)
            #expect(silent == expectedTotal - offered.count - declinedOnly)

            let placements = Dictionary(uniqueKeysWithValues: dataset.placements.map { ($0.referralID, $0) })
            let placed = cohort.filter { $0.outcome == .placed }
            #expect(placed.count == submitted.count { $0.state == .placed })
            // To the second: PostgreSQL keeps microseconds, not every bit of a Date.
            func seconds(_ dates: [Date]) -> [Double] { dates.map { $0.timeIntervalSince1970.rounded() }.sorted() }
            #expect(
                seconds(placed.compactMap(\.placedAt))
                    == seconds(submitted.filter { $0.state == .placed }.compactMap { placements[$0.id]?.admittedAt }))
            #expect(placed.allSatisfy { $0.kilometresFromHome != nil }, "a placed child's distance from home is known")

            // The demo's courts keep to the law: children placed before an order are held under
            // the 72-hour rule until the hearing, and none longer.
            #expect(placed.allSatisfy { $0.hoursWithoutOrder != nil })
            #expect(placed.contains { ($0.hoursWithoutOrder ?? 0) > 0 })
            #expect(figures.heldBeyondSeventyTwoHours == 0)
        }
    }

    @Test("a financial year is written 2025-26 and its quarters start in April, July, October and January")
    func financialYears() throws {
        let year = try #require(PublicationTables.FinancialYear(parsing: "2025-26"))
        #expect(year.code == "202526")
        #expect(PublicationTables.FinancialYear(parsing: "202526") == year)
        #expect(PublicationTables.FinancialYear(parsing: "2025-27") == nil)
        #expect(PublicationTables.FinancialYear(parsing: "25-26") == nil)
        #expect(year.first == CalendarDate(year: 2025, month: 4, day: 1))
        #expect(year.end == CalendarDate(year: 2026, month: 4, day: 1))
    }

    @Test("the published tables add up: the nation is its regions, a region its authorities, a year its quarters")
    func tablesAddUp() throws {
        let dataset = try DemoDataTests.generate(seed: 9, months: 12)
        let authorities = try ReferenceData.bundled().localAuthorities
        let region = Dictionary(uniqueKeysWithValues: authorities.map { ($0.code, $0.region.code) })
        let children = Dictionary(uniqueKeysWithValues: dataset.children.map { ($0.id, $0) })
        let cohort = dataset.referrals.compactMap { referral -> CohortReferral? in
            guard let submitted = referral.submittedAt, let child = children[referral.childID] else { return nil }
            return CohortReferral(
                submittedAt: submitted, regionCode: region[referral.localAuthorityCode] ?? "unknown",
                localAuthorityCode: referral.localAuthorityCode, legalBasis: referral.legalBasis,
                urgency: referral.urgency, sex: child.sex, ageAtReferral: referral.ageAtReferral, flags: child.flags,
                outcome: CohortReferral.Outcome(referral.state))
        }
        let day = CalendarDate(containing: dataset.end)
        let year = PublicationTables.FinancialYear(startYear: day.month >= 4 ? day.year - 1 : day.year - 2)
        let inYear = cohort.filter {
            $0.submittedAt >= year.first.start && $0.submittedAt < year.end.start
        }
        let table = PublicationTables.referralOutcomeTables(inYear, year: year, authorities: authorities).tables[0]
        func decided(_ row: TidyTable.Row) -> Int {
            guard case .count(let count) = row.values[0] else { return -1 }
            return count
        }
        let whole = table.rows.filter { $0.period.isWholeYear && $0.filters == [TidyTable.total] }
        let national = try #require(whole.first { $0.place.level == .national })
        #expect(decided(national) == inYear.count(where: \.isDecided))
        #expect(decided(national) > 100)
        let regions = whole.filter { $0.place.level == .regional }
        #expect(regions.map(decided).reduce(0, +) == decided(national))
        for regionRow in regions {
            let inside = whole.filter {
                $0.place.level == .localAuthority && $0.place.regionCode == regionRow.place.regionCode
            }
            #expect(inside.map(decided).reduce(0, +) == decided(regionRow), "\(regionRow.place.regionName)")
        }
        let quarters = table.rows.filter { !$0.period.isWholeYear && $0.filters == [TidyTable.total] }
        #expect(quarters.count == 4)
        #expect(quarters.map(decided).reduce(0, +) == decided(national))
    }
}
