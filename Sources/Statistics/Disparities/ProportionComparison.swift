import Foundation

/// Two groups' shares compared: older boys with offending, gang or harmful-sexual-behaviour
/// flags refused against every other child, say.
public struct ProportionComparison: Hashable, Sendable, Codable {
    /// The group the question is about.
    public var group: Proportion
    /// The group it is compared with.
    public var comparison: Proportion

    public init(_ group: Proportion, against comparison: Proportion) {
        self.group = group
        self.comparison = comparison
    }

    /// The ratio of the shares with Katz's log interval (Katz et al. 1978). Nil where a group
    /// is empty or has no events, where the ratio or its interval is undefined.
    public func riskRatio(level: Double = 0.95) -> IntervalEstimate? {
        guard group.count > 0, comparison.count > 0, let first = group.value, let second = comparison.value else {
            return nil
        }
        let ratio = first / second
        let standardError =
            (1 / Double(group.count) - 1 / Double(group.total) + 1 / Double(comparison.count)
            - 1 / Double(comparison.total)).squareRoot()
        let z = StandardNormal.criticalValue(level: level)
        return IntervalEstimate(
            estimate: ratio, lower: ratio * exp(-z * standardError), upper: ratio * exp(z * standardError),
            level: level)
    }

    /// The difference of the shares with Newcombe's hybrid score interval (Newcombe 1998,
    /// method 10), built from each share's Wilson interval: it keeps its coverage where a
    /// share is 0 or 1, where the simple Wald interval collapses. Nil where a group is empty.
    public func riskDifference(level: Double = 0.95) -> IntervalEstimate? {
        guard let first = group.value, let second = comparison.value,
            let firstInterval = group.wilsonInterval(level: level),
            let secondInterval = comparison.wilsonInterval(level: level)
        else { return nil }
        let difference = first - second
        func length(_ a: Double, _ b: Double) -> Double { (a * a + b * b).squareRoot() }
        return IntervalEstimate(
            estimate: difference,
            lower: difference - length(first - firstInterval.lower, secondInterval.upper - second),
            upper: difference + length(firstInterval.upper - first, second - secondInterval.lower),
            level: level)
    }
}
