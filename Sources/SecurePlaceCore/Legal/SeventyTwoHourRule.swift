import Foundation

/// Without a court's authority a child may be kept in secure accommodation for at most 72
/// hours, consecutive or not, in any 28 days (reg 10, Children (Secure Accommodation)
/// Regulations 1991). The limit is the child's, not a referral's: every stay counts, under
/// any referral, except the time a court order covered.
public enum SeventyTwoHourRule {
    public static let limit: TimeInterval = 72 * 3600
    public static let window: TimeInterval = 28 * 86_400
    /// The coordinators are warned when less than this is left.
    public static let warnWhenLeft: TimeInterval = 12 * 3600

    /// Time left at `instant`, given the periods (from, to; nil while it continues) the child
    /// has been held without authority. Only time inside the last 28 days counts.
    public static func timeLeft(periods: [(from: Date, to: Date?)], at instant: Date) -> TimeInterval {
        limit - periodsInWindow(periods, at: instant).reduce(0) { $0 + $1.duration }
    }

    /// The child's time held without authority at `instant`: each secure stay (admitted,
    /// discharged; nil while the child is still there) less the periods a court order
    /// authorised (from, to; nil for an order with no end recorded).
    public static func account(
        stays: [(from: Date, to: Date?)], authorisedDuring orders: [(from: Date, to: Date?)], at instant: Date
    ) -> TimeWithoutOrder {
        var uncovered: [(from: Date, to: Date?)] = []
        for stay in stays {
            var pieces = [DateInterval(start: stay.from, end: max(stay.from, min(stay.to ?? instant, instant)))]
            for order in orders {
                let covered = DateInterval(start: order.from, end: max(order.from, order.to ?? .distantFuture))
                pieces = pieces.flatMap { $0.removing(covered) }
            }
            uncovered += pieces.filter { $0.duration > 0 }.map { ($0.start, $0.end) }
        }
        let inWindow = periodsInWindow(uncovered, at: instant).sorted { $0.start < $1.start }
        return TimeWithoutOrder(periods: inWindow, at: instant)
    }

    static func periodsInWindow(_ periods: [(from: Date, to: Date?)], at instant: Date) -> [DateInterval] {
        let windowStart = instant.addingTimeInterval(-window)
        return periods.compactMap { period in
            let start = max(period.from, windowStart)
            let end = min(period.to ?? instant, instant)
            return end > start ? DateInterval(start: start, end: end) : nil
        }
    }
}

/// A child's time in secure accommodation without a court order within the 28 days before
/// `at`, and what is left of the 72 hours.
public struct TimeWithoutOrder: Hashable, Sendable {
    /// The stretches that count, oldest first.
    public var periods: [DateInterval]
    public var at: Date

    public var used: TimeInterval { periods.reduce(0) { $0 + $1.duration } }
    /// Negative once the limit has passed, so it can be shown as overrun.
    public var left: TimeInterval { SeventyTwoHourRule.limit - used }
    public var isExhausted: Bool { left <= 0 }
    /// Less than the warning margin is left, or none.
    public var isCloseToLimit: Bool { left < SeventyTwoHourRule.warnWhenLeft }

    /// "50 hours in the last 28 days: 20 Nov 10:00 to 22 Nov 12:00", in UK time.
    public var explanation: String {
        let hours = Int((used / 3600).rounded(.down))
        guard !periods.isEmpty else { return "No time without a court order in the last 28 days." }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = CalendarDate.timeZone
        formatter.dateFormat = "d MMM yyyy HH:mm"
        let spans = periods.map { "\(formatter.string(from: $0.start)) to \(formatter.string(from: $0.end))" }
        return "\(hours) hours without a court order in the last 28 days (\(spans.joined(separator: "; ")))."
    }
}

extension DateInterval {
    /// This interval with `other` taken out: none, one or two pieces.
    func removing(_ other: DateInterval) -> [DateInterval] {
        guard other.start < end, other.end > start else { return [self] }
        var pieces: [DateInterval] = []
        if other.start > start { pieces.append(DateInterval(start: start, end: other.start)) }
        if other.end < end { pieces.append(DateInterval(start: other.end, end: end)) }
        return pieces
    }
}
