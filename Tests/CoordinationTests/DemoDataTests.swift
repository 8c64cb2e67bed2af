import Coordination
import Foundation
import SecurePlaceCore
import Storage
import TestSupport
import Testing

@Suite("Demo data")
struct DemoDataTests {
    static let end = CalendarDate(year: 2026, month: 11, day: 1)!.start.addingTimeInterval(12 * 3600)

    static func generate(seed: UInt64 = 7, months: Int = 36) throws -> DemoDataset {
        try DemoDataGenerator(
            seed: seed, months: months, end: end, localAuthorities: ReferenceData.bundled().localAuthorities
        )
        .generate()
    }

    @Test(
        "three years of demo data look like the field, within stated tolerances",
        arguments: [7, 2026, 31_337] as [UInt64])
    func proportions(seed: UInt64) throws {
        let summary = DemoSummary(try Self.generate(seed: seed))
        print(summary.report.joined(separator: "\n"))
        #expect((300...400).contains(summary.referralsPerYear), "about 350 welfare referrals a year")
        #expect((0.33...0.47).contains(summary.unplacedShare), "about two in five unplaced")
        #expect(
            (1.5...2.8).contains(summary.refusalRatio),
            "older boys with offending, gang or HSB flags refused about twice as often")
        #expect(
            (0.50...0.75).contains(summary.exploitationShareAmongPlaced),
            "most placed children flagged for sexual exploitation")
        #expect(
            (2.2...3.8).contains(summary.meanHomesApproachedPlaced), "about three homes approached per placed child")
        #expect((5.0...7.0).contains(summary.meanHomesApproachedUnplaced), "about six per unplaced child")
        #expect(
            (2.4...3.6).contains(summary.meanPlacementsInYearAfterReferral),
            "about three new placements in the year after referral")
        #expect((90...125).contains(summary.medianStayDays), "median stay of three to four months")
        #expect((230...250).contains(summary.registeredPlaces))
        #expect(summary.openPlacesNow < summary.registeredPlaces, "not every registered place is open")
    }
}

@Suite("Demo data set")
struct DemoDataSetTests {
    @Test("the same seed gives the same data; another seed gives other data")
    func deterministic() throws {
        let first = try DemoDataTests.generate(seed: 11, months: 6)
        let again = try DemoDataTests.generate(seed: 11, months: 6)
        let other = try DemoDataTests.generate(seed: 12, months: 6)
        #expect(first.referrals == again.referrals)
        #expect(first.bedStatusIntervals == again.bedStatusIntervals)
        #expect(first.referrals != other.referrals)
    }

    @Test("fictional homes: 13 in England and 1 in Wales, none in London or the West Midlands")
    func homes() throws {
        let dataset = try DemoDataTests.generate(months: 3)
        #expect(dataset.homes.count { $0.country == .england } == 13)
        #expect(dataset.homes.count { $0.country == .wales } == 1)
        #expect(!dataset.homes.contains { $0.region == .london || $0.region == .westMidlands })
        #expect(Set(dataset.beds.map(\.kind)) == Set(BedKind.allCases))
    }

    @Test("every referral's state is one the state machine can reach, and outcomes match states")
    func consistentRecords() throws {
        let dataset = try DemoDataTests.generate(months: 12)
        let placedIDs = Set(dataset.placements.map(\.referralID))
        for referral in dataset.referrals {
            #expect((referral.state == .placed) == placedIDs.contains(referral.id))
            #expect((referral.state == .closedUnplaced) == (referral.alternative != nil))
        }
        #expect(dataset.notifications.count == dataset.referrals.count { $0.state == .closedUnplaced })
        #expect(dataset.notifications.allSatisfy { !$0.homesApproached.isEmpty })
        #expect(dataset.users.map(\.role).count == dataset.users.count)
        #expect(Set(dataset.users.map(\.role)) == Set(Role.allCases), "a demo user for every role")
    }

    @Test("the board never shows a bed in two states at once, nor more occupied and reserved than registered")
    func boardIsConsistent() throws {
        let dataset = try DemoDataTests.generate(months: 12)
        for daysBack in stride(from: 0, to: 360, by: 30) {
            let instant = dataset.end.addingTimeInterval(-Double(daysBack) * 86_400)
            let covering = dataset.bedStatusIntervals.filter { $0.covers(instant) }
            #expect(Set(covering.map(\.bedID)).count == covering.count)
            let board = BedBoard.build(
                homes: dataset.homes, beds: dataset.beds, intervals: dataset.bedStatusIntervals, at: instant)
            for home in board.homes {
                let all = home.beds.all
                #expect(all.occupied + all.reserved + all.vacant + all.closed == all.registered)
            }
        }
    }

    @Test("months outside 1 to 120 are refused with the range")
    func monthsRange() throws {
        let error = #expect(throws: DemoDataError.self) { try DemoDataTests.generate(months: 0) }
        #expect(error?.description.contains("between 1 and 120") == true)
    }

    @Test(
        "the demo loads into an empty database, marked as synthetic, and refuses a second load",
        arguments: TestDatabase.all)
    func loads(database: TestDatabase) async throws {
        let dataset = try DemoDataTests.generate(months: 6)
        try await withTestStore(database) { store in
            try await LoadReferenceData(store: store)(ReferenceData.bundled())
            try await LoadDemoData(store: store)(dataset)

            #expect(try await store.holdsDemoData())
            let placed = try #require(dataset.referrals.first { $0.state == .placed })
            let history = try await store.auditEvents(about: placed.id.uuidString).map(\.entry.action)
            #expect(history.first == "referral.request-approval")
            #expect(history.last == "referral.admit", "each demo referral's timeline shows its history")
            let chainBreak = try await store.verifyAuditChain()
            #expect(chainBreak == nil)
            #expect(try await store.referrals().count == dataset.referrals.count)
            #expect(try await store.homes().count == 14)
            let stored = try await store.bedBoard(at: dataset.end)
            let generated = BedBoard.build(
                homes: dataset.homes, beds: dataset.beds, intervals: dataset.bedStatusIntervals, at: dataset.end)
            #expect(stored.homes.map(\.reference) == generated.homes.map(\.reference))
            #expect(stored.homes.map(\.beds) == generated.homes.map(\.beds), "the stored board is the generated one")
            await #expect(throws: DemoLoadError.databaseNotEmpty) { try await LoadDemoData(store: store)(dataset) }
        }
    }
}
