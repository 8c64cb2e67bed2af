import Foundation

/// Without a court's authority a child may be kept in secure accommodation for at most 72
/// hours, consecutive or not, in any 28 days (reg 10, Children (Secure Accommodation)
/// Regulations 1991).
public enum SeventyTwoHourRule {
    public static let limit: TimeInterval = 72 * 3600
    public static let window: TimeInterval = 28 * 86_400
    /// The coordinators are warned when less than this is left.
    public static let warnWhenLeft: TimeInterval = 12 * 3600

    /// Time left at `instant`, given the periods (from, to; nil while it continues) the child
    /// has been held without authority. Only time inside the last 28 days counts.
    public static func timeLeft(periods: [(from: Date, to: Date?)], at instant: Date) -> TimeInterval {
        let windowStart = instant.addingTimeInterval(-window)
        let used = periods.reduce(0.0) { total, period in
            let start = max(period.from, windowStart)
            let end = min(period.to ?? instant, instant)
            return total + max(0, end.timeIntervalSince(start))
        }
        return limit - used
    }
}
