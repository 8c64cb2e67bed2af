import Foundation

/// A point estimate with a two-sided confidence interval.
public struct Estimate: Hashable, Codable, Sendable {
    public var value: Double
    public var lower: Double
    public var upper: Double
    /// The interval's coverage, such as 0.95.
    public var confidence: Double

    public init(value: Double, lower: Double, upper: Double, confidence: Double) {
        self.value = value
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
    }

    public var halfWidth: Double { (upper - lower) / 2 }

    public func contains(_ candidate: Double) -> Bool { lower <= candidate && candidate <= upper }

    /// The mean of independent observations (one per replication) with a t interval. With
    /// one observation the interval is the point itself and says nothing; callers run two
    /// or more replications when they want an interval.
    public static func mean(of observations: [Double], confidence: Double = 0.95) -> Estimate {
        let count = observations.count
        guard count > 0 else { return Estimate(value: .nan, lower: .nan, upper: .nan, confidence: confidence) }
        let mean = observations.reduce(0, +) / Double(count)
        guard count > 1 else { return Estimate(value: mean, lower: mean, upper: mean, confidence: confidence) }
        let variance = observations.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        let t = Quantiles.studentT(0.5 + confidence / 2, degreesOfFreedom: count - 1)
        let halfWidth = t * sqrt(variance / Double(count))
        return Estimate(value: mean, lower: mean - halfWidth, upper: mean + halfWidth, confidence: confidence)
    }

    /// A proportion with the Wilson score interval, which behaves well near 0 and 1 and for
    /// the small counts a single home produces.
    public static func proportion(successes: Int, trials: Int, confidence: Double = 0.95) -> Estimate {
        guard trials > 0 else { return Estimate(value: .nan, lower: 0, upper: 1, confidence: confidence) }
        let n = Double(trials)
        let p = Double(successes) / n
        let z = Quantiles.normal(0.5 + confidence / 2)
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let spread = z * sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n)
        // At 0 and 1 the bound is exact; rounding would otherwise leave it a hair inside.
        let lower = successes == 0 ? 0 : max(0, centre - spread)
        let upper = successes == trials ? 1 : min(1, centre + spread)
        return Estimate(value: p, lower: lower, upper: upper, confidence: confidence)
    }

    /// A Poisson rate (events per unit of exposure) with Byar's approximation to the exact
    /// interval, accurate to a few per cent even for a handful of events.
    public static func poissonRate(events: Int, exposure: Double, confidence: Double = 0.95) -> Estimate {
        guard exposure > 0 else { return Estimate(value: .nan, lower: .nan, upper: .nan, confidence: confidence) }
        let z = Quantiles.normal(0.5 + confidence / 2)
        let k = Double(events)
        let lowerCount: Double
        if events == 0 {
            lowerCount = 0
        } else {
            let term = 1 - 1 / (9 * k) - z / (3 * sqrt(k))
            lowerCount = k * term * term * term
        }
        let next = k + 1
        let upperTerm = 1 - 1 / (9 * next) + z / (3 * sqrt(next))
        let upperCount = next * upperTerm * upperTerm * upperTerm
        return Estimate(
            value: k / exposure, lower: lowerCount / exposure, upper: upperCount / exposure, confidence: confidence)
    }
}
