import Foundation

/// Why a run linked a pair of records, or did not: what every field added to the match weight
/// (the review page's waterfall), whether any blocking rule put the two together, and what the
/// thresholds and the one-to-one constraint made of them.
public struct PairExplanation: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case linked
        case forReview
        /// Above the review threshold, but one of the two is in a pair with a higher weight.
        case keptOutByABetterPair
        case notLinked
        /// No blocking rule put the two together, so the run never compared them; the weight is
        /// what they would have had.
        case neverCompared

        public var description: String {
            switch self {
            case .linked: "linked"
            case .forReview: "for clerical review"
            case .keptOutByABetterPair:
                "not kept: one of the two is in a pair with a higher weight, and each record is in one pair at most (one-to-one)"
            case .notLinked: "not linked: below the review threshold"
            case .neverCompared: "never compared: no blocking rule puts the two together"
            }
        }
    }

    /// The fields, masked as the review page shows them, with each level's contribution.
    public var item: ReviewItem
    public var outcome: Outcome
}

extension Linker.Result {
    /// The explanation for the records with these ids, by the run's own estimate; nil when
    /// either id is not in its file.
    public func explanation(leftID: String, rightID: String) -> PairExplanation? {
        guard let leftIndex = left.firstIndex(where: { $0.id == leftID }),
            let rightIndex = right.firstIndex(where: { $0.id == rightID })
        else { return nil }
        let (l, r) = (Int32(leftIndex), Int32(rightIndex))
        let pattern = ArraySlice(
            FieldComparer(fields: model.fields).levels(left[leftIndex].values, right[rightIndex].values))
        let weight = termFrequencies.contributions(pattern, value: { left[leftIndex].values[$0] }, model: model)
            .reduce(0) { $0 + ($1 ?? 0) }
        let decision = thresholds.decision(for: weight)
        let pair = ScoredPair(
            left: l, right: r, weight: weight, probability: model.probability(weight: weight), decision: decision)
        let outcome: PairExplanation.Outcome
        if !candidates.pairs.contains(where: { $0.left == l && $0.right == r }) {
            outcome = .neverCompared
        } else {
            let kept = pairs.contains { $0.left == l && $0.right == r }
            switch decision {
            case .link: outcome = kept ? .linked : .keptOutByABetterPair
            case .review: outcome = kept ? .forReview : .keptOutByABetterPair
            case .nonLink: outcome = .notLinked
            }
        }
        return PairExplanation(item: ReviewItem(pair, of: self), outcome: outcome)
    }
}
