import Foundation

/// The chance that no eligible home offers a child a bed, from the acceptance model, and the
/// child's facts that lower the odds of an offer most. It raises a flag for the coordinators;
/// it never refuses a child.
public struct NoOfferRisk: Hashable, Sendable, Codable {
    public struct Factor: Hashable, Sendable, Codable {
        public var code: String
        public var name: String
        /// What the fact multiplies the odds of an offer by (below 1 lowers them).
        public var oddsRatio: Double
    }

    /// Treating the homes' answers as independent: the product of each home's chance of not
    /// offering, 1 when no home can take the child.
    public var probability: Double
    public var eligibleHomes: Int
    /// The child's facts that lower the odds of an offer, strongest first.
    public var factors: [Factor]

    /// A referral at or above this chance is flagged unless configured otherwise: more likely
    /// than not that nobody offers. A policy, not a value fitted to any data set.
    public static let standardThreshold = 0.5

    public init(probability: Double, eligibleHomes: Int, factors: [Factor]) {
        self.probability = probability
        self.eligibleHomes = eligibleHomes
        self.factors = factors
    }

    /// `questions` holds one question for each eligible home.
    public static func assess(
        _ questions: [OfferQuestion], with model: AcceptanceModel, rules: HomeRanking.CompatibilityRules = .standard
    ) -> NoOfferRisk {
        let probability = questions.reduce(1.0) { $0 * (1 - model.probability(of: $1, rules: rules)) }
        let factors = (questions.first.map { model.contributions(to: $0, rules: rules) } ?? [])
            .filter { $0.feature.describesTheChild && $0.logOdds < 0 }
            .sorted { ($0.logOdds, $0.feature) < ($1.logOdds, $1.feature) }
            .map { Factor(code: $0.feature.code, name: $0.feature.name(), oddsRatio: exp($0.logOdds)) }
        return NoOfferRisk(probability: probability, eligibleHomes: questions.count, factors: factors)
    }
}

/// How a flag at a threshold would have done on children whose outcome is known.
public struct FlagPerformance: Hashable, Sendable, Codable {
    public var threshold: Double
    public var assessed: Int
    public var flagged: Int
    public var unplaced: Int
    public var flaggedAndUnplaced: Int

    public init(risks: [(probability: Double, unplaced: Bool)], threshold: Double) {
        self.threshold = threshold
        assessed = risks.count
        flagged = risks.count { $0.probability >= threshold }
        unplaced = risks.count { $0.unplaced }
        flaggedAndUnplaced = risks.count { $0.probability >= threshold && $0.unplaced }
    }

    /// Of the children flagged, the share who went unplaced.
    public var precision: Double? { flagged == 0 ? nil : Double(flaggedAndUnplaced) / Double(flagged) }
    /// Of the children who went unplaced, the share flagged.
    public var recall: Double? { unplaced == 0 ? nil : Double(flaggedAndUnplaced) / Double(unplaced) }
}
