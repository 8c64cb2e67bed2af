import Foundation
import SecurePlaceCore

/// The study's central comparison: the share of decided referrals left unplaced in one group
/// against everyone else, with the ratio and difference and their intervals.
public struct UnplacedDisparity: Hashable, Sendable {
    public let group: String
    public let unplaced: Proportion
    public let unplacedElsewhere: Proportion
    public let riskRatio: IntervalEstimate?
    public let riskDifference: IntervalEstimate?

    public init(group: String, referrals: [CohortReferral], isInGroup: (CohortReferral) -> Bool) {
        let decided = referrals.filter(\.isDecided)
        func share(_ members: [CohortReferral]) -> Proportion {
            Proportion(members.filter { $0.outcome == .closedUnplaced }.count, of: members.count)
        }
        self.group = group
        unplaced = share(decided.filter(isInGroup))
        unplacedElsewhere = share(decided.filter { !isInGroup($0) })
        let comparison = ProportionComparison(unplaced, against: unplacedElsewhere)
        riskRatio = comparison.riskRatio()
        riskDifference = comparison.riskDifference()
    }
}

/// The same comparison adjusted for region and urgency by logistic regression, so that a
/// disparity is not only the mix of where and how urgently children are referred.
public struct AdjustedUnplacedDisparity: Hashable, Sendable {
    /// The group's odds ratio, or why it could not be estimated.
    public let oddsRatio: Result<IntervalEstimate, LogisticRegression.FitError>
    /// The terms adjusted for (one per region and urgency besides the most common of each).
    public let adjustedFor: [String]

    public init(
        referrals: [CohortReferral], groupName: String, isInGroup: (CohortReferral) -> Bool,
        regionName: (String) -> String = { $0 }
    ) {
        let decided = referrals.filter(\.isDecided)
        // Each category against the most common, which is the best-estimated reference; a
        // category nobody is in adds nothing and is left out.
        func levels<Value: Hashable>(_ value: (CohortReferral) -> Value) -> [Value] {
            let counts = Dictionary(grouping: decided, by: value).mapValues(\.count)
            let reference = counts.max { ($0.value, "\($1.key)") < ($1.value, "\($0.key)") }?.key
            return counts.keys.filter { $0 != reference }.sorted { "\($0)" < "\($1)" }
        }
        let regions = levels(\.regionCode)
        let urgencies = levels(\.urgency)
        adjustedFor = regions.map { "region: \(regionName($0))" } + urgencies.map { "urgency: \($0.name)" }
        let rows = decided.map { referral in
            [isInGroup(referral) ? 1.0 : 0.0] + regions.map { referral.regionCode == $0 ? 1.0 : 0.0 }
                + urgencies.map { referral.urgency == $0 ? 1.0 : 0.0 }
        }
        do throws(LogisticRegression.FitError) {
            let model = try LogisticRegression(
                outcomes: decided.map { $0.outcome == .closedUnplaced }, rows: rows,
                termNames: [groupName] + adjustedFor)
            oddsRatio = .success(model.terms[1].oddsRatio)
        } catch {
            oddsRatio = .failure(error)
        }
    }
}
