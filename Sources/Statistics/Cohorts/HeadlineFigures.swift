import Foundation
import SecurePlaceCore

/// The figures the 2020 study had to dig out by hand, for one period: how many were referred
/// and placed, how long it took, how many homes were asked, and who was refused.
public struct HeadlineFigures: Hashable, Sendable {
    public let referrals: Int
    public let outcomes: OutcomeBreakdown
    public let timeToPlacement: TimeFromSubmission
    public let timeToFirstOffer: TimeFromSubmission
    public let homesApproachedPlaced: Double?
    public let homesApproachedUnplaced: Double?
    public let olderBoysWithRefusalFlags: UnplacedDisparity
    public let olderBoysAdjusted: AdjustedUnplacedDisparity
    /// Each sex, age band, flag and region against everyone else; each ethnic group against
    /// everyone else whose ethnicity is recorded.
    public let disparities: [UnplacedDisparity]
    /// How far from their authority placed children went: median and quartiles in kilometres.
    public let kilometresPlaced: Quartiles?
    /// Placed children whose home was within 100 km of their authority.
    public let placedWithin100Kilometres: Proportion
    public let declineReasons: DeclineReasonBreakdown
    public let byMonth: OutcomesByMonth
    /// Children placed who spent any time without a court order (under the 72-hour rule).
    public let heldWithoutOrder: Proportion
    /// Of those, children held without an order for longer than the rule allows: each one a
    /// breach to explain.
    public let heldBeyondSeventyTwoHours: Int

    public init(_ referrals: [CohortReferral], asOf: Date, regionName: (String) -> String = { $0 }) {
        self.referrals = referrals.count
        outcomes = OutcomeBreakdown(referrals, groups: CohortReferral.Outcome.allCases.map(\.name)) { $0.outcome.name }
        timeToPlacement = .toPlacement(referrals, asOf: asOf)
        timeToFirstOffer = .toFirstOffer(referrals, asOf: asOf)
        declineReasons = DeclineReasonBreakdown(referrals, asOf: asOf)
        byMonth = OutcomesByMonth(referrals)
        let placedHours = referrals.compactMap(\.hoursWithoutOrder)
        heldWithoutOrder = Proportion(placedHours.count { $0 > 0 }, of: placedHours.count)
        heldBeyondSeventyTwoHours = placedHours.count { $0 > SeventyTwoHourRule.limit / 3_600 + 1e-9 }
        func meanHomes(_ outcome: CohortReferral.Outcome) -> Double? {
            let members = referrals.filter { $0.outcome == outcome }
            return members.isEmpty ? nil : Double(members.map(\.homesApproached).reduce(0, +)) / Double(members.count)
        }
        homesApproachedPlaced = meanHomes(.placed)
        homesApproachedUnplaced = meanHomes(.closedUnplaced)
        let groupName = "Boys of 15 or over with an offending, gang or harmful sexual behaviour flag"
        olderBoysWithRefusalFlags = UnplacedDisparity(
            group: groupName, referrals: referrals, isInGroup: \.isOlderBoyWithRefusalFlag)
        olderBoysAdjusted = AdjustedUnplacedDisparity(
            referrals: referrals, groupName: groupName, isInGroup: \.isOlderBoyWithRefusalFlag, regionName: regionName)
        disparities =
            Sex.allCases.map { sex in
                UnplacedDisparity(group: "Sex: \(sex.name)", referrals: referrals) { $0.sex == sex }
            }
            + AgeBand.allCases.map { band in
                UnplacedDisparity(group: "Age: \(band.name)", referrals: referrals) { $0.ageBand == band }
            }
            + NeedFlag.allCases.map { flag in
                UnplacedDisparity(group: "Flag: \(flag.name)", referrals: referrals) { $0.flags.contains(flag) }
            }
            + Set(referrals.map(\.regionCode)).sorted().map { code in
                UnplacedDisparity(group: "Region: \(regionName(code))", referrals: referrals) { $0.regionCode == code }
            }
            + Self.ethnicGroups(referrals)
        let distances = referrals.filter { $0.outcome == .placed }.compactMap(\.kilometresFromHome).sorted()
        kilometresPlaced = Quartiles(nearestRanksOf: distances)
        placedWithin100Kilometres = Proportion(distances.count { $0 <= 100 }, of: distances.count)
    }

    public struct Quartiles: Hashable, Sendable {
        public var lower: Double
        public var median: Double
        public var upper: Double

        /// By nearest rank, so that each is a figure some child had; nil for no figures.
        public init?(nearestRanksOf sorted: [Double]) {
            guard !sorted.isEmpty else { return nil }
            func quantile(_ share: Double) -> Double {
                sorted[min(sorted.count - 1, max(0, Int((share * Double(sorted.count)).rounded(.up)) - 1))]
            }
            lower = quantile(0.25)
            median = quantile(0.5)
            upper = quantile(0.75)
        }
    }

    /// Each ethnic group against the others, among the children whose ethnicity is recorded
    /// (from imported returns); none when no one's is.
    static func ethnicGroups(_ referrals: [CohortReferral]) -> [UnplacedDisparity] {
        let recorded = referrals.filter { $0.ethnicity?.group != nil }
        let groups = Set(recorded.compactMap { $0.ethnicity?.group }).sorted()
        return groups.map { group in
            UnplacedDisparity(group: "Ethnicity: \(group)", referrals: recorded) { $0.ethnicity?.group == group }
        }
    }
}
