/// A figure with its confidence interval.
public struct IntervalEstimate: Hashable, Sendable, Codable {
    public var estimate: Double
    public var lower: Double
    public var upper: Double
    /// The confidence level, such as 0.95.
    public var level: Double

    public init(estimate: Double, lower: Double, upper: Double, level: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Every bound multiplied by `factor` (a count made a rate per so many).
    public func scaled(by factor: Double) -> IntervalEstimate {
        IntervalEstimate(estimate: estimate * factor, lower: lower * factor, upper: upper * factor, level: level)
    }
}
