import Foundation
import SecurePlaceCore
import Testing

@testable import Statistics

/// The year's published tables beyond the outcomes: placements, characteristics, homes'
/// answers, beds and the year after referral. Expected figures are worked out by hand from the
/// referrals each test builds.
@Suite("Published measures: placements, characteristics, answers, beds and the year after referral")
struct PublishedMeasuresTests {
    static let year = PublicationTables.FinancialYear(startYear: 2025)
    static let day = 86_400.0
    /// 1 May 2025, in the year's first quarter.
    static let may = CalendarDate(year: 2025, month: 5, day: 1)!.start
    static let authorities = [
        LocalAuthority(
            code: "E08000003", name: "Manchester", region: .northWest,
            centroid: Coordinate(latitude: 53.48, longitude: -2.24)),
        LocalAuthority(
            code: "E09000002", name: "Barking and Dagenham", region: .london,
            centroid: Coordinate(latitude: 51.55, longitude: 0.13)),
    ]

    static func referral(
        _ outcome: CohortReferral.Outcome, in authority: LocalAuthority = authorities[0], after days: Double = 2,
        kilometres: Double? = 50, hoursWithoutOrder: Double? = 0, olderBoy: Bool = false,
        ethnicity: Ethnicity? = nil, submitted: Date = may
    ) -> CohortReferral {
        let decided = submitted.addingTimeInterval(days * day)
        let home = UUID()
        return CohortReferral(
            submittedAt: submitted, regionCode: authority.region.code, localAuthorityCode: authority.code,
            legalBasis: .childrenAct1989Section25, urgency: .urgent, sex: olderBoy ? .male : .female,
            ageAtReferral: olderBoy ? 16 : 14, flags: olderBoy ? [.offendingHistory] : [.selfHarm], outcome: outcome,
            firstOfferAt: outcome == .placed ? decided : nil, placedAt: outcome == .placed ? decided : nil,
            closedAt: outcome == .closedUnplaced ? decided : nil, homesApproached: 2,
            kilometresFromHome: outcome == .placed ? kilometres : nil,
            alternative: outcome == .closedUnplaced ? .fosterCare : nil,
            approaches: [
                HomeApproach(homeID: home, answer: outcome == .placed ? .offered : .declined([.riskToOtherChildren])),
                HomeApproach(homeID: UUID(), answer: .declined([.riskToStaff, .riskToOtherChildren])),
            ],
            hoursWithoutOrder: outcome == .placed ? hoursWithoutOrder : nil, ethnicity: ethnicity)
    }

    static func build(_ cohort: [CohortReferral], asOf: Date, followed: [FollowedReferral] = [])
        -> Publication
    {
        PublicationTables.build(cohort, year: year, authorities: authorities, asOf: asOf, followed: followed)
    }

    static func table(_ name: String, in publication: Publication) throws -> TidyTable {
        try #require(publication.tables.first { $0.name == name })
    }

    static func count(_ table: TidyTable, _ indicator: String, where matches: (TidyTable.Row) -> Bool = { _ in true })
        throws -> Int
    {
        let found = table.rows.first(where: matches)
        let row = try #require(found)
        guard case .count(let count) = row.values[try #require(table.indicatorIndex(indicator))] else {
            Issue.record("\(indicator) is not a count")
            return -1
        }
        return count
    }

    /// A varied cohort: both regions, every quarter, placed, unplaced, withdrawn and open,
    /// near and far, with and without an order, the older boys and others.
    static var variedCohort: [CohortReferral] {
        (0..<60).map { i in
            let outcome: CohortReferral.Outcome = [.placed, .placed, .closedUnplaced, .withdrawn, .open][i % 5]
            return referral(
                outcome, in: authorities[i % 2], after: Double(1 + i % 9),
                kilometres: i % 7 == 0 ? nil : Double(20 * i),
                hoursWithoutOrder: [0, 30, 90][i % 3], olderBoy: i % 4 == 0,
                ethnicity: i % 3 == 0 ? .blackAfrican : nil, submitted: may.addingTimeInterval(Double(i) * 5 * day))
        }
    }

    @Test func everySumThePublicationDeclaresHoldsInItsFigures() throws {
        let cohort = Self.variedCohort
        let followed = cohort.compactMap { referral in
            referral.followed(
                referredOn: CalendarDate(containing: referral.submittedAt), spells: [], nextReferralOn: nil)
        }
        let publication = Self.build(
            cohort, asOf: CalendarDate(year: 2027, month: 6, day: 1)!.start, followed: followed)
        #expect(
            Set(publication.tables.map(\.name)) == [
                "referral_outcomes", "unplaced_alternatives", "referrals", "referral_outcomes_by_characteristic",
                "referral_outcomes_by_need", "placements", "home_answers", "decline_reasons", "year_after_referral",
            ])
        let (_, values, sums) = publication.additivity()
        #expect(sums.count > 500)
        for sum in sums {
            #expect(values[sum.total.row] == sum.parts.reduce(0) { $0 + values[$1.row] })
        }
        // Each kind of sum is there: a link between tables, and the identities of placements.
        let placements = try Self.table("placements", in: publication)
        let national = { (row: TidyTable.Row) in row.place.level == .national && row.period.isWholeYear }
        #expect(try Self.count(placements, "placed", where: national) == 24)
        #expect(try Self.count(placements, "distance_not_known", where: national) == 4)
        #expect(try Self.count(placements, "without_order_beyond_72_hours", where: national) == 8)
        // 12 withdrawn and 12 still open.
        let referrals = try Self.table("referrals", in: publication)
        #expect(try Self.count(referrals, "withdrawn_or_open", where: national) == 24)
        #expect(try Self.count(referrals, "referrals", where: national) == 60)
    }

    @Test func eachCharacteristicsValuesAddUpToEveryChildDecided() throws {
        let cohort =
            (0..<3).map { _ in Self.referral(.placed, ethnicity: .blackAfrican) }
            + (0..<2).map { _ in Self.referral(.closedUnplaced, ethnicity: .whiteBritish) }
            + [Self.referral(.closedUnplaced, ethnicity: .refused), Self.referral(.withdrawn)]
        let table = try Self.table(
            "referral_outcomes_by_characteristic",
            in: Self.build(cohort, asOf: CalendarDate(year: 2026, month: 1, day: 1)!.start))
        func group(_ name: String) -> (TidyTable.Row) -> Bool {
            { $0.filters[4] == name && $0.filters[..<4].allSatisfy { $0 == TidyTable.total } }
        }
        #expect(try Self.count(table, "decided", where: group(TidyTable.total)) == 6)
        #expect(try Self.count(table, "placed", where: group("Black, Black British, Caribbean or African")) == 3)
        #expect(try Self.count(table, "closed_unplaced", where: group("White")) == 2)
        // A refusal to say is not an ethnicity: counted as not recorded.
        #expect(try Self.count(table, "decided", where: group(PublicationTables.notRecorded)) == 1)
    }

    @Test func aMedianIsShownOnlyForTenChildrenOrMoreAndNeverBesideAHiddenCount() throws {
        // Manchester: 12 placed at 10, 20, ... 120 km; London: 9 placed.
        let cohort =
            (1...12).map { Self.referral(.placed, kilometres: Double(10 * $0)) }
            + (1...9).map { _ in Self.referral(.placed, in: Self.authorities[1], kilometres: 300) }
        let publication = Self.build(cohort, asOf: CalendarDate(year: 2026, month: 1, day: 1)!.start)
        let protected = ProtectedPublication(publication, rule: .standard)
        let t = try #require(publication.tables.firstIndex { $0.name == "placements" })
        let table = publication.tables[t]
        let median = try #require(table.indicatorIndex("median_km_from_home"))
        func shown(_ region: Region) throws -> PublishedValue {
            let r = try #require(
                table.rows.firstIndex { $0.place.regionCode == region.code && $0.place.level == .regional })
            return protected.values[t][r][median]
        }
        // The 6th of 12 by nearest rank.
        #expect(try shown(.northWest) == .value("60"))
        #expect(try shown(.london) == .suppressed)
        // A region with nobody placed has no median to give.
        #expect(try shown(.northEast) == .notApplicable)
    }

    @Test func theYearAfterReferralIsPublishedOnceEveryReferralOfTheYearHasHadItsTwelveMonths() throws {
        let cohort = [Self.referral(.placed), Self.referral(.closedUnplaced, olderBoy: true)]
        let followed = [
            FollowedReferral(
                wasPlaced: true, referredOn: CalendarDate(containing: Self.may),
                decidedOn: CalendarDate(containing: Self.may),
                securePlacementStartedOn: CalendarDate(containing: Self.may),
                spells: [
                    .init(startedOn: CalendarDate(containing: Self.may), type: .secureChildrensHome),
                    .init(startedOn: CalendarDate(year: 2025, month: 9, day: 1)!, type: .youngOffenderInstitution),
                ]),
            FollowedReferral(
                wasPlaced: false, referredOn: CalendarDate(containing: Self.may),
                decidedOn: CalendarDate(containing: Self.may), spells: [], isOlderBoyWithRefusalFlag: true),
        ]
        // 31 March 2027 is the anniversary of the year's last day: not yet.
        let early = Self.build(cohort, asOf: CalendarDate(year: 2027, month: 3, day: 31)!.start, followed: followed)
        #expect(!early.tables.contains { $0.name == "year_after_referral" })
        let table = try Self.table(
            "year_after_referral",
            in: Self.build(cohort, asOf: CalendarDate(year: 2027, month: 4, day: 2)!.start, followed: followed))
        func row(_ outcome: String, _ profile: String = TidyTable.total) -> (TidyTable.Row) -> Bool {
            { $0.filters == [outcome, profile] }
        }
        #expect(try Self.count(table, "children_followed", where: row(TidyTable.total)) == 2)
        #expect(try Self.count(table, "in_custody", where: row("Placed")) == 1)
        #expect(try Self.count(table, "new_placements", where: row("Placed")) == 1)
        #expect(
            try Self.count(table, "children_followed", where: row("Closed unplaced", PublicationTables.olderBoys)) == 1)
        #expect(try Self.count(table, "in_custody", where: row("Closed unplaced")) == 0)
    }

    @Test func bedFiguresAreShownAsTheyAreEvenWhereTheyAreSmall() throws {
        let start = Self.year.first.start
        let bed = UUID()
        let intervals = [
            BedStatusInterval(bedID: bed, status: .occupied, from: start, to: start.addingTimeInterval(3 * Self.day)),
            BedStatusInterval(
                bedID: bed, status: .closed(.repair), from: start.addingTimeInterval(3 * Self.day),
                to: start.addingTimeInterval(5 * Self.day)),
        ]
        let end = start.addingTimeInterval(10 * Self.day)
        let beds = BedDays(intervals, from: start, to: end)
        let empty = BedDays([], from: end, to: end)
        let publication = PublicationTables.build(
            [Self.referral(.placed)], year: Self.year, authorities: Self.authorities, asOf: end,
            beds: .init(year: beds, quarters: [beds, empty, empty, empty]))
        let protected = ProtectedPublication(publication, rule: .standard)
        let t = try #require(publication.tables.firstIndex { $0.name == "secure_beds" })
        let table = publication.tables[t]
        let row = try #require(table.rows.firstIndex { $0.period.isWholeYear })
        func shown(_ name: String) throws -> String {
            protected.values[t][row][try #require(table.indicatorIndex(name))].description
        }
        #expect(try shown("occupied_bed_days") == "3")
        #expect(try shown("lost_bed_days_repair") == "2")
        #expect(try shown("occupancy_percent") == "100.0")
        // One referral in ten days for 0.3 beds open on average: 1 / (0.3 × 10 / 365.25).
        #expect(try shown("referrals_per_open_bed_a_year") == String(format: "%.2f", 365.25 / 3))
        // A quarter with no days has no figures.
        #expect(protected.values[t][row + 2][try #require(table.indicatorIndex("occupancy_percent"))] == .notAvailable)
    }
}
