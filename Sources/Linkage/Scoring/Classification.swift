import Foundation

/// Where a pair's weight puts it: linked, for clerical review, or not linked.
public enum LinkDecision: String, Hashable, Sendable, Codable {
    case link
    case review
    case nonLink = "non-link"
}

/// The two thresholds on the match weight.
public struct LinkThresholds: Hashable, Sendable, Codable {
    /// At or above: linked.
    public var link: Double
    /// At or above, below `link`: clerical review.
    public var review: Double

    public init(link: Double, review: Double) {
        precondition(review <= link, "the review threshold is at most the link threshold")
        self.link = link
        self.review = review
    }

    /// Thresholds where the posterior match probability is 0.95 and 0.5 for `model`.
    public static func probabilities(link: Double = 0.95, review: Double = 0.5, model: FellegiSunterModel)
        -> LinkThresholds
    {
        func weight(for probability: Double) -> Double {
            let prior = log2(model.matchProportion / (1 - model.matchProportion))
            return log2(probability / (1 - probability)) - prior
        }
        return LinkThresholds(link: weight(for: link), review: weight(for: review))
    }

    public func decision(for weight: Double) -> LinkDecision {
        weight >= link ? .link : weight >= review ? .review : .nonLink
    }
}

/// A scored candidate pair.
public struct ScoredPair: Hashable, Sendable, Codable {
    public var left: Int32
    public var right: Int32
    public var weight: Double
    public var probability: Double
    public var decision: LinkDecision
}

public enum OneToOne {
    /// Keeps, among `pairs`, the highest-weight pair for each record, so that each record on
    /// either side is in at most one kept pair: greedy by weight, ties by position. Used when
    /// each side holds a person at most once.
    public static func resolve(_ pairs: [ScoredPair]) -> [ScoredPair] {
        var usedLeft = Set<Int32>()
        var usedRight = Set<Int32>()
        var kept: [ScoredPair] = []
        let ordered = pairs.enumerated().sorted {
            ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset)
        }
        for (_, pair) in ordered where !usedLeft.contains(pair.left) && !usedRight.contains(pair.right) {
            usedLeft.insert(pair.left)
            usedRight.insert(pair.right)
            kept.append(pair)
        }
        return kept.sorted { ($0.left, $0.right) < ($1.left, $1.right) }
    }
}
