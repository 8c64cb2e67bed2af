/// The figures for the children of some profiles, each with its interval across
/// replications: what the comparison of circulation policies reports for each group.
public struct GroupFigures: Hashable, Codable, Sendable {
    public var arrivalsPerReplication: Double
    public var placementRate: Estimate
    /// Placed within the model's distance threshold, as a share of the children referred.
    public var shareWithinThreshold: Estimate
    /// Days from referral to placement, over the children placed.
    public var meanDaysToPlacement: Estimate

    public init(
        tallies: [ReplicationTally], confidence: Double = 0.95, including: (ChildProfile) -> Bool
    ) {
        let indices = ChildProfile.all.filter(including).map(\.index)
        func total<Number: AdditiveArithmetic>(_ values: [Number]) -> Number {
            indices.reduce(.zero) { $0 + values[$1] }
        }
        func ratio(_ numerator: Double, _ denominator: Int) -> Double {
            denominator == 0 ? 0 : numerator / Double(denominator)
        }
        let perReplication = tallies.map { tally in
            let arrivals = total(tally.arrivalsByProfile)
            let placed = total(tally.placedByProfile)
            return (
                arrivals: arrivals, placed: ratio(Double(placed), arrivals),
                within: ratio(Double(total(tally.placedWithinThresholdByProfile)), arrivals),
                days: ratio(total(tally.waitDaysByProfile), placed)
            )
        }
        arrivalsPerReplication =
            Double(perReplication.reduce(0) { $0 + $1.arrivals }) / Double(max(tallies.count, 1))
        placementRate = .mean(of: perReplication.map(\.placed), confidence: confidence)
        shareWithinThreshold = .mean(of: perReplication.map(\.within), confidence: confidence)
        meanDaysToPlacement = .mean(of: perReplication.map(\.days), confidence: confidence)
    }
}
