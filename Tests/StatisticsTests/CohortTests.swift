import Foundation
import SecurePlaceCore
import Testing

@testable import Statistics

/// Expected figures here are worked out by hand from the cohort each test builds.
@Suite("Cohort figures: outcomes, time to placement and who is refused")
struct CohortTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 1 January 2026
    static let day = 86_400.0

    static func referral(
        _ outcome: CohortReferral.Outcome, sex: Sex = .female, age: Int = 14, flags: Set<NeedFlag> = [],
        region: String = "E12000002", urgency: Urgency = .planned, days: Double? = nil, homes: Int = 3
    ) -> CohortReferral {
        let end = days.map { start.addingTimeInterval($0 * day) }
        return CohortReferral(
            submittedAt: start, regionCode: region, localAuthorityCode: "E08000003",
            legalBasis: .childrenAct1989Section25,
            urgency: urgency, sex: sex, ageAtReferral: age, flags: flags, outcome: outcome,
            placedAt: outcome == .placed ? end : nil,
            closedAt: outcome == .closedUnplaced || outcome == .withdrawn ? end : nil, homesApproached: homes)
    }

    static func olderBoy(_ outcome: CohortReferral.Outcome, region: String = "E12000002") -> CohortReferral {
        referral(outcome, sex: .male, age: 16, flags: [.offendingHistory], region: region)
    }

    static func repeated(_ count: Int, _ make: () -> CohortReferral) -> [CohortReferral] {
        (0..<count).map { _ in make() }
    }

    @Test func theGroupIsBoysOfFifteenOrOverWithAnOffendingGangOrHarmfulSexualBehaviourFlag() {
        #expect(Self.referral(.open, sex: .male, age: 15, flags: [.gangAssociation]).isOlderBoyWithRefusalFlag)
        #expect(Self.referral(.open, sex: .male, age: 17, flags: [.harmfulSexualBehaviour]).isOlderBoyWithRefusalFlag)
        #expect(!Self.referral(.open, sex: .male, age: 14, flags: [.offendingHistory]).isOlderBoyWithRefusalFlag)
        #expect(!Self.referral(.open, sex: .female, age: 16, flags: [.offendingHistory]).isOlderBoyWithRefusalFlag)
        #expect(!Self.referral(.open, sex: .male, age: 16, flags: [.selfHarm]).isOlderBoyWithRefusalFlag)
    }

    @Test func sharesUnplacedAreTakenAmongDecidedReferralsOnly() {
        // Group: 6 unplaced, 4 placed, plus 2 withdrawn and 3 open that count for neither.
        // Others: 5 unplaced, 15 placed.
        let cohort =
            Self.repeated(6) { Self.olderBoy(.closedUnplaced) } + Self.repeated(4) { Self.olderBoy(.placed) }
            + Self.repeated(2) { Self.olderBoy(.withdrawn) } + Self.repeated(3) { Self.olderBoy(.open) }
            + Self.repeated(5) { Self.referral(.closedUnplaced) } + Self.repeated(15) { Self.referral(.placed) }
        let disparity = UnplacedDisparity(
            group: "older boys", referrals: cohort, isInGroup: \.isOlderBoyWithRefusalFlag)
        #expect(disparity.unplaced == Proportion(6, of: 10))
        #expect(disparity.unplacedElsewhere == Proportion(5, of: 20))
        expectClose(disparity.riskRatio?.estimate, 0.6 / 0.25, within: 1e-12)
        expectClose(disparity.riskDifference?.estimate, 0.35, within: 1e-12)
        // One region and one urgency: the adjusted odds ratio is the crude one, (6/4) / (5/15).
        let adjusted = AdjustedUnplacedDisparity(
            referrals: cohort, groupName: "older boys", isInGroup: \.isOlderBoyWithRefusalFlag)
        #expect(adjusted.adjustedFor.isEmpty)
        expectClose(try? adjusted.oddsRatio.get().estimate, 4.5, within: 1e-8)
    }

    @Test func adjustingForRegionRemovesADisparityThatIsOnlyWhereChildrenAreReferredFrom() {
        // In each region the older boys are refused exactly as often as everyone else (half
        // in the north west, a tenth in London), but most of them are in the north west.
        let northWest = "E12000002"
        let london = "E12000007"
        let cohort =
            Self.repeated(20) { Self.olderBoy(.closedUnplaced, region: northWest) }
            + Self.repeated(20) { Self.olderBoy(.placed, region: northWest) }
            + Self.repeated(5) { Self.referral(.closedUnplaced, region: northWest) }
            + Self.repeated(5) { Self.referral(.placed, region: northWest) }
            + Self.repeated(1) { Self.olderBoy(.closedUnplaced, region: london) }
            + Self.repeated(9) { Self.olderBoy(.placed, region: london) }
            + Self.repeated(4) { Self.referral(.closedUnplaced, region: london) }
            + Self.repeated(36) { Self.referral(.placed, region: london) }
        let crude = UnplacedDisparity(group: "older boys", referrals: cohort, isInGroup: \.isOlderBoyWithRefusalFlag)
        expectClose(crude.riskRatio?.estimate, (21.0 / 50) / (9.0 / 50), within: 1e-12)
        let adjusted = AdjustedUnplacedDisparity(
            referrals: cohort, groupName: "older boys", isInGroup: \.isOlderBoyWithRefusalFlag)
        #expect(adjusted.adjustedFor == ["region: \(london)"])
        expectClose(try? adjusted.oddsRatio.get().estimate, 1, within: 1e-8)
    }

    @Test func aGroupThatIsNeverRefusedSaysWhyItCannotBeAdjusted() {
        let cohort =
            Self.repeated(5) { Self.olderBoy(.placed) } + Self.repeated(3) { Self.referral(.closedUnplaced) }
            + Self.repeated(3) { Self.referral(.placed) }
        let adjusted = AdjustedUnplacedDisparity(
            referrals: cohort, groupName: "older boys", isInGroup: \.isOlderBoyWithRefusalFlag)
        #expect(throws: LogisticRegression.FitError.self) { try adjusted.oddsRatio.get() }
    }

    @Test func timeToPlacementCountsChildrenStillWaitingAndThoseClosedAsCensored() {
        let asOf = Self.start.addingTimeInterval(10 * Self.day)
        let cohort = [
            Self.referral(.placed, days: 2), Self.referral(.closedUnplaced, days: 3), Self.referral(.placed, days: 4),
            Self.referral(.placed, days: 6), Self.referral(.open),
        ]
        let time = TimeFromSubmission.toPlacement(cohort, asOf: asOf)
        // At 2 days 4 of 5 still wait; the closure at 3 leaves 3 at risk; at 4 days 2 of 3; at 6
        // days 1 of 2: 0.8, 0.8 × 2/3, 0.8 × 2/3 × 1/2.
        #expect(time.estimate.steps.map(\.time) == [2, 4, 6])
        expectClose(time.estimate.steps.last?.survival.estimate, 0.8 * 2 / 3 / 2, within: 1e-12)
        #expect(time.lowerQuartile == 4)
        #expect(time.median == 6)
        #expect(time.upperQuartile == nil)
    }

    @Test func everyOutcomeRowIsShownAndTheTotalAddsUp() {
        let cohort = [Self.referral(.placed), Self.referral(.placed), Self.referral(.closedUnplaced)]
        let breakdown = OutcomeBreakdown(cohort, groups: ["North West", "London"]) { _ in "North West" }
        #expect(breakdown.rows.map(\.group) == ["North West", "London"])
        #expect(breakdown.rows[0].counts[.placed] == 2)
        #expect(breakdown.rows[1].total == 0)
        #expect(breakdown.rows[1].unplacedInterval == nil)
        #expect(breakdown.total.unplaced == Proportion(1, of: 3))
    }

    @Test func headlineFiguresAverageTheHomesApproachedByOutcome() throws {
        let cohort = [
            Self.referral(.placed, homes: 2), Self.referral(.placed, homes: 4),
            Self.referral(.closedUnplaced, homes: 6),
            Self.referral(.withdrawn, homes: 1),
        ]
        let figures = HeadlineFigures(cohort, asOf: Self.start)
        #expect(figures.referrals == 4)
        #expect(figures.homesApproachedPlaced == 3)
        #expect(figures.homesApproachedUnplaced == 6)
        // Every referral is from one region: it is compared with no one, and says so.
        #expect(
            figures.disparities.count == Sex.allCases.count + AgeBand.allCases.count + NeedFlag.allCases.count + 1)
        let region = try #require(figures.disparities.last)
        #expect(region.group == "Region: E12000002")
        #expect(region.riskRatio == nil)
    }

    @Test func eachRegionIsComparedWithTheOthers() throws {
        // North West: 3 of 4 unplaced; elsewhere 1 of 4.
        let cohort =
            Self.repeated(3) { Self.referral(.closedUnplaced) } + [Self.referral(.placed)]
            + [Self.referral(.closedUnplaced, region: "E12000007")]
            + Self.repeated(3) { Self.referral(.placed, region: "E12000007") }
        let figures = HeadlineFigures(cohort, asOf: Self.start) { $0 == "E12000002" ? "North West" : "London" }
        let northWest = try #require(figures.disparities.first { $0.group == "Region: North West" })
        #expect(northWest.unplaced == Proportion(3, of: 4))
        #expect(northWest.unplacedElsewhere == Proportion(1, of: 4))
        expectClose(northWest.riskRatio?.estimate, 3, within: 1e-12)
    }

    @Test func timeToFirstOfferCountsAReferralOfferedAndLaterClosedAsHavingHadIt() {
        let asOf = Self.start.addingTimeInterval(10 * Self.day)
        var offeredThenClosed = Self.referral(.closedUnplaced, days: 5)
        offeredThenClosed.firstOfferAt = Self.start.addingTimeInterval(1 * Self.day)
        var placed = Self.referral(.placed, days: 4)
        placed.firstOfferAt = Self.start.addingTimeInterval(3 * Self.day)
        let neverOffered = Self.referral(.closedUnplaced, days: 2)
        let time = TimeFromSubmission.toFirstOffer([offeredThenClosed, placed, neverOffered], asOf: asOf)
        // At 1 day 1 of 3; the closure at 2 days leaves 1 at risk, offered at 3: 2/3, then 0.
        #expect(time.estimate.steps.map(\.time) == [1, 3])
        #expect(time.estimate.steps.last?.survival.estimate == 0)
        #expect(time.median == 3)
    }
}
