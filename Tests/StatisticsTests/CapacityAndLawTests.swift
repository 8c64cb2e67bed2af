import Foundation
import SecurePlaceCore
import Testing

@testable import Statistics

/// Expected figures are worked out by hand.
@Suite("Beds over a period, and children held under the 72-hour rule")
struct CapacityAndLawTests {
    static let start = CohortTests.start
    static let day = 86_400.0

    @Test("bed-days are split into open, occupied and closed, clipped to the period")
    func bedDays() throws {
        let first = UUID()
        let second = UUID()
        let intervals = [
            // Occupied from before the period for 5 of its days, then vacant to its end.
            BedStatusInterval(
                bedID: first, status: .occupied, from: Self.start.addingTimeInterval(-3 * Self.day),
                to: Self.start.addingTimeInterval(5 * Self.day)),
            BedStatusInterval(bedID: first, status: .vacant, from: Self.start.addingTimeInterval(5 * Self.day)),
            // Closed for staff for 4 days, then reserved for a day, then occupied past the end.
            BedStatusInterval(
                bedID: second, status: .closed(.staffing), from: Self.start,
                to: Self.start.addingTimeInterval(4 * Self.day)),
            BedStatusInterval(
                bedID: second, status: .reserved, from: Self.start.addingTimeInterval(4 * Self.day),
                to: Self.start.addingTimeInterval(5 * Self.day)),
            BedStatusInterval(
                bedID: second, status: .occupied, from: Self.start.addingTimeInterval(5 * Self.day),
                to: Self.start.addingTimeInterval(30 * Self.day)),
        ]
        let beds = BedDays(intervals, from: Self.start, to: Self.start.addingTimeInterval(10 * Self.day))
        #expect(beds.days == 10)
        #expect(beds.open == 10 + 6)
        #expect(beds.occupied == 5 + 5)
        #expect(beds.closed == [.staffing: 4])
        #expect(beds.lost == 4)
        #expect(try #require(beds.occupancy) == 10.0 / 16.0)
        #expect(try #require(beds.averageOpenBeds) == 1.6)
        // 4 referrals in 10 days for 1.6 beds: 4 / (1.6 × 10 / 365.25) a bed a year.
        let rate = try #require(beds.referralsPerOpenBedAYear(4))
        #expect(abs(rate.estimate - 4 / (1.6 * 10 / 365.25)) < 1e-9)
        #expect(rate.lower < rate.estimate && rate.estimate < rate.upper)
        #expect(BedDays([], from: Self.start, to: Self.start).referralsPerOpenBedAYear(4) == nil)
    }

    @Test("children held without an order are counted, and those held past 72 hours named apart")
    func seventyTwoHours() {
        var referrals: [CohortReferral] = []
        for hours in [0.0, 30, 71.9, 80] {
            var referral = CohortTests.referral(.placed, days: 1)
            referral.hoursWithoutOrder = hours
            referrals.append(referral)
        }
        referrals.append(CohortTests.referral(.closedUnplaced, days: 2))
        let figures = HeadlineFigures(referrals, asOf: Self.start.addingTimeInterval(40 * Self.day))
        #expect(figures.heldWithoutOrder == Proportion(3, of: 4))
        #expect(figures.heldBeyondSeventyTwoHours == 1)
    }
}

@Suite("Distance placed and ethnicity where recorded")
struct DistanceAndEthnicityTests {
    @Test("distances are the placed children's, by nearest rank, and within 100 km is a share of them")
    func distance() throws {
        var referrals: [CohortReferral] = []
        for kilometres in [10.0, 50, 90, 120, 300] {
            var referral = CohortTests.referral(.placed, days: 1)
            referral.kilometresFromHome = kilometres
            referrals.append(referral)
        }
        var unplaced = CohortTests.referral(.closedUnplaced, days: 2)
        unplaced.kilometresFromHome = 5
        referrals.append(unplaced)
        let figures = HeadlineFigures(referrals, asOf: CohortTests.start.addingTimeInterval(86_400 * 10))
        let quartiles = try #require(figures.kilometresPlaced)
        #expect([quartiles.lower, quartiles.median, quartiles.upper] == [50, 90, 120])
        #expect(figures.placedWithin100Kilometres == Proportion(3, of: 5))
    }

    @Test("each ethnic group is compared with the others whose ethnicity is recorded, and no one else")
    func ethnicity() throws {
        func referral(_ outcome: CohortReferral.Outcome, _ ethnicity: Ethnicity?) -> CohortReferral {
            var referral = CohortTests.referral(outcome, days: 1)
            referral.ethnicity = ethnicity
            return referral
        }
        let referrals = [
            referral(.closedUnplaced, .blackCaribbean), referral(.closedUnplaced, .blackAfrican),
            referral(.placed, .blackAfrican), referral(.placed, .whiteBritish), referral(.placed, .whiteIrish),
            referral(.closedUnplaced, .whiteBritish), referral(.closedUnplaced, .refused),
            referral(.closedUnplaced, nil),
        ]
        let figures = HeadlineFigures(referrals, asOf: CohortTests.start.addingTimeInterval(86_400 * 10))
        let black = try #require(figures.disparities.first { $0.group.hasPrefix("Ethnicity: Black") })
        #expect(black.unplaced == Proportion(2, of: 3))
        #expect(black.unplacedElsewhere == Proportion(1, of: 3), "refused and unknown are left out")
        #expect(figures.disparities.filter { $0.group.hasPrefix("Ethnicity: ") }.count == 2)
        #expect(
            HeadlineFigures([referral(.placed, nil)], asOf: CohortTests.start).disparities.allSatisfy {
                !$0.group.hasPrefix("Ethnicity")
            })
    }
}
