import Coordination
import Foundation
import SecurePlaceCore
import Testing

@Suite("Demo data")
struct DemoDataTests {
    static let end = CalendarDate(year: 2026, month: 11, day: 1)!.start.addingTimeInterval(12 * 3600)

    static func generate(seed: UInt64 = 7, months: Int = 36) throws -> DemoDataset {
        try DemoDataGenerator(seed: seed, months: months, end: end, localAuthorities: ReferenceData.bundled().localAuthorities)
            .generate()
    }

    @Test("three years of demo data look like the field, within stated tolerances", arguments: [7, 2026, 31_337] as [UInt64])
    func proportions(seed: UInt64) throws {
        let summary = DemoSummary(try Self.generate(seed: seed))
        print(summary.report.joined(separator: "\n"))
        #expect((300...400).contains(summary.referralsPerYear), "about 350 welfare referrals a year")
        #expect((0.33...0.47).contains(summary.unplacedShare), "about two in five unplaced")
        #expect((1.5...2.8).contains(summary.refusalRatio), "older boys with offending, gang or HSB flags refused about twice as often")
        #expect((0.50...0.75).contains(summary.exploitationShareAmongPlaced), "most placed children flagged for sexual exploitation")
        #expect((2.2...3.8).contains(summary.meanHomesApproachedPlaced), "about three homes approached per placed child")
        #expect((5.0...7.0).contains(summary.meanHomesApproachedUnplaced), "about six per unplaced child")
        #expect((2.4...3.6).contains(summary.meanPlacementsInYearAfterReferral), "about three new placements in the year after referral")
        #expect((90...125).contains(summary.medianStayDays), "median stay of three to four months")
        #expect((230...250).contains(summary.registeredPlaces))
        #expect(summary.openPlacesNow < summary.registeredPlaces, "not every registered place is open")
    }
}
