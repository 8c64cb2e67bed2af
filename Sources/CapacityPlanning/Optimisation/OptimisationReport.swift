/// The answer to "where should the next beds go?", with how sure the optimiser is.
public struct OptimisationReport: Sendable {
    public struct Step: Codable, Hashable, Sendable {
        public var bedsAdded: Int
        public var home: String
        public var region: String
        public var isNewHome: Bool
        /// The objective with every bed so far in place.
        public var objective: Estimate
        public var placementRate: Estimate
        /// The gain of this step over the step before, from paired replications.
        public var gain: Estimate
        /// The next-best place for this step and how far ahead the chosen one is, in gain
        /// per bed; an interval that crosses zero means the two are too close to call.
        public var runnerUp: String?
        public var marginOverRunnerUp: Estimate?

        public var isClearChoice: Bool { marginOverRunnerUp.map { $0.lower > 0 } ?? true }
    }

    public struct Recommendation: Codable, Hashable, Sendable {
        public var home: String
        public var region: String
        public var isNewHome: Bool
        public var beds: Int
    }

    public struct RegionComparison: Codable, Hashable, Sendable {
        public var name: String
        public var before: Estimate
        public var after: Estimate
    }

    public var objective: PlanningObjective
    public var replications: Int
    public var before: SimulationSummary
    public var after: SimulationSummary
    public var objectiveBefore: Estimate
    public var objectiveAfter: Estimate
    /// After minus before, paired replication by replication.
    public var improvement: Estimate
    public var steps: [Step]

    public var bedsAdded: Int { steps.last?.bedsAdded ?? 0 }

    /// The beds by home, in the order each home was first chosen.
    public var recommendations: [Recommendation] {
        var order: [String] = []
        var byHome: [String: Recommendation] = [:]
        var previous = 0
        for step in steps {
            let beds = step.bedsAdded - previous
            previous = step.bedsAdded
            if byHome[step.home] == nil {
                order.append(step.home)
                byHome[step.home] = Recommendation(
                    home: step.home, region: step.region, isNewHome: step.isNewHome, beds: 0)
            }
            byHome[step.home]!.beds += beds
        }
        return order.map { byHome[$0]! }
    }

    /// Each region's placement rate now and with the recommended beds.
    public var regions: [RegionComparison] {
        zip(before.regions, after.regions).map {
            RegionComparison(name: $0.name, before: $0.placementRate, after: $1.placementRate)
        }
    }

    /// The steps that were too close to call.
    public var uncertainSteps: [Step] { steps.filter { !$0.isClearChoice } }
}

/// The answer to "how many beds does region R need so that a share of its children is
/// placed within D km?".
public struct BedsNeededReport: Sendable {
    public var region: String
    public var targetShare: Double
    public var withinKilometres: Double
    public var shareNow: Estimate
    /// Nil when the target was not reached within the limit.
    public var bedsNeeded: Int?
    public var limit: Int
    public var plan: OptimisationReport
}
