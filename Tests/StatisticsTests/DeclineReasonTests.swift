import Foundation
import SecurePlaceCore
import Testing

@testable import Statistics

/// Expected figures are counted by hand from the referrals each test builds.
@Suite("Why homes said no, and referrals month by month")
struct DeclineReasonTests {
    static let start = CohortTests.start
    static let hour = 3_600.0
    static let homeA = UUID()
    static let homeB = UUID()
    static let homeC = UUID()

    static func referral(
        olderBoy: Bool, approaches: [HomeApproach], closedAfterHours: Double = 100, placed: Bool = false
    ) -> CohortReferral {
        var referral =
            olderBoy
            ? CohortTests.olderBoy(placed ? .placed : .closedUnplaced)
            : CohortTests.referral(placed ? .placed : .closedUnplaced)
        let end = start.addingTimeInterval(closedAfterHours * hour)
        if placed { referral.placedAt = end } else { referral.closedAt = end }
        referral.approaches = approaches
        return referral
    }

    @Test("declines are tallied by reason, profile and home; silence past the deadline is a decline of its own")
    func tally() {
        let due = Self.start.addingTimeInterval(72 * Self.hour)
        let referrals = [
            Self.referral(
                olderBoy: true,
                approaches: [
                    HomeApproach(homeID: Self.homeA, answer: .declined([.historyCannotBeManaged, .riskToStaff])),
                    HomeApproach(homeID: Self.homeB, answer: .notAnswered(respondBy: due)),
                    HomeApproach(homeID: Self.homeC, answer: .declined([.historyCannotBeManaged])),
                ]),
            Self.referral(
                olderBoy: false,
                approaches: [
                    HomeApproach(homeID: Self.homeA, answer: .declined([.noVacancyOfRequiredKind])),
                    HomeApproach(homeID: Self.homeB, answer: .offered),
                ], placed: true),
            // Placed before home C's answer was due: C's silence is not a no.
            Self.referral(
                olderBoy: false,
                approaches: [
                    HomeApproach(homeID: Self.homeA, answer: .offered),
                    HomeApproach(homeID: Self.homeC, answer: .notAnswered(respondBy: due)),
                ], closedAfterHours: 10, placed: true),
        ]
        let breakdown = DeclineReasonBreakdown(referrals, asOf: Self.start.addingTimeInterval(1_000 * Self.hour))
        let boys = breakdown.olderBoysWithRefusalFlags
        #expect(boys.approaches == 3)
        #expect(boys.declines == 3)
        #expect(boys.share(.given(.historyCannotBeManaged)) == Proportion(2, of: 3))
        #expect(boys.share(.noAnswerByDeadline) == Proportion(1, of: 3))
        #expect(boys.reasonsByFrequency.first?.reason == .given(.historyCannotBeManaged))

        let others = breakdown.otherChildren
        #expect(others.approaches == 4)
        #expect(others.offers == 2)
        #expect(others.declines == 1)
        #expect(others.share(.noAnswerByDeadline) == Proportion(0, of: 1))

        #expect(breakdown.byHome[Self.homeA]?.declines == 2)
        #expect(breakdown.byHome[Self.homeA]?.offers == 1)
        #expect(breakdown.byHome[Self.homeB]?.citing[.noAnswerByDeadline] == 1)
        #expect(breakdown.byHome[Self.homeC]?.approaches == 2)
        #expect(breakdown.byHome[Self.homeC]?.declines == 1)
        #expect(breakdown.everyone.declines == boys.declines + others.declines)
    }

    @Test("a home still within its time has not said no")
    func stillWithinTime() {
        let open = CohortTests.referral(.open)
        var referral = open
        referral.approaches = [
            HomeApproach(
                homeID: Self.homeA, answer: .notAnswered(respondBy: Self.start.addingTimeInterval(4 * Self.hour)))
        ]
        #expect(
            DeclineReasonBreakdown([referral], asOf: Self.start.addingTimeInterval(Self.hour)).everyone.declines == 0)
        #expect(
            DeclineReasonBreakdown([referral], asOf: Self.start.addingTimeInterval(5 * Self.hour)).everyone.declines
                == 1)
    }

    @Test("referrals are counted by the month they were submitted, empty months shown")
    func months() {
        var january = CohortTests.referral(.placed)
        january.submittedAt = Self.start  // 1 January 2026
        var march = CohortTests.referral(.closedUnplaced)
        march.submittedAt = Self.start.addingTimeInterval(70 * 86_400)  // 12 March
        var marchToo = CohortTests.referral(.placed)
        marchToo.submittedAt = Self.start.addingTimeInterval(80 * 86_400)
        let months = OutcomesByMonth([march, january, marchToo]).months
        #expect(months.map(\.first.iso) == ["2026-01-01", "2026-02-01", "2026-03-01"])
        #expect(months.map(\.total) == [1, 0, 2])
        #expect(months[2].count(.placed) == 1)
        #expect(months[2].count(.closedUnplaced) == 1)
    }
}
