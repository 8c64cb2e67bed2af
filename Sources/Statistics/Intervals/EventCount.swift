/// A count of events treated as Poisson: referrals in a quarter, bed-days lost, children held
/// under the 72-hour rule; and rates built on them.
public struct EventCount: Hashable, Sendable, Codable {
    public var count: Int

    public init(_ count: Int) {
        precondition(count >= 0, "a count is not negative")
        self.count = count
    }

    /// The count at which the interval changes from exact to Byar's approximation (Byar's
    /// method is the one the public health observatories' technical guide to confidence
    /// intervals uses for counts); from here on it is within 0.2% of the exact bounds.
    public static let byarFrom = 10

    /// The exact (Garwood) interval below ``byarFrom``, from the chi-squared quantiles; Byar's
    /// approximation from it on.
    public func interval(level: Double = 0.95) -> IntervalEstimate {
        let x = Double(count)
        let alpha = 1 - level
        if count < Self.byarFrom {
            let lower = count == 0 ? 0 : ChiSquared.quantile(alpha / 2, degreesOfFreedom: 2 * x) / 2
            let upper = ChiSquared.quantile(1 - alpha / 2, degreesOfFreedom: 2 * x + 2) / 2
            return IntervalEstimate(estimate: x, lower: lower, upper: upper, level: level)
        }
        let z = StandardNormal.criticalValue(level: level)
        func cube(_ value: Double) -> Double { value * value * value }
        let lower = x * cube(1 - 1 / (9 * x) - z / (3 * x.squareRoot()))
        let upper = (x + 1) * cube(1 - 1 / (9 * (x + 1)) + z / (3 * (x + 1).squareRoot()))
        return IntervalEstimate(estimate: x, lower: lower, upper: upper, level: level)
    }

    /// The count per `exposure` (open beds, bed-days, children), times `multiplier` (per 1,000,
    /// say), with the count's interval carried over: the exposure is taken as known.
    public func rate(per exposure: Double, multiplier: Double = 1, level: Double = 0.95) -> IntervalEstimate? {
        guard exposure > 0 else { return nil }
        return interval(level: level).scaled(by: multiplier / exposure)
    }
}
