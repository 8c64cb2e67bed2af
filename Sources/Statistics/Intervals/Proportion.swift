/// So many of a group: the share of referrals placed, of boys refused.
public struct Proportion: Hashable, Sendable, Codable {
    public var count: Int
    public var total: Int

    public init(_ count: Int, of total: Int) {
        precondition(count >= 0 && count <= total, "a count within its total")
        self.count = count
        self.total = total
    }

    /// Nil for an empty group, whose share is not applicable.
    public var value: Double? { total == 0 ? nil : Double(count) / Double(total) }

    /// Wilson's score interval, which official statisticians prefer to the normal
    /// approximation: it stays within 0 to 1 and keeps its coverage for small groups and
    /// shares near 0 or 1 (Newcombe 1998, method 3). Nil for an empty group.
    public func wilsonInterval(level: Double = 0.95) -> IntervalEstimate? {
        guard let share = value else { return nil }
        let z = StandardNormal.criticalValue(level: level)
        let n = Double(total)
        let z2 = z * z
        let centre = (share + z2 / (2 * n)) / (1 + z2 / n)
        let halfWidth = z / (1 + z2 / n) * (share * (1 - share) / n + z2 / (4 * n * n)).squareRoot()
        // At 0 or n the exact bound is 0 or 1; the formula reaches it only up to rounding.
        let lower = count == 0 ? 0 : max(0, centre - halfWidth)
        let upper = count == total ? 1 : min(1, centre + halfWidth)
        return IntervalEstimate(estimate: share, lower: lower, upper: upper, level: level)
    }
}
