import Foundation

/// Figures in words, the same on the command line and the pages: shares with their intervals,
/// ratios, differences in percentage points, days.
public enum FigureText {
    public static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    /// "48 of 79, 60.8% (49.7% to 70.8%)", with the Wilson interval; "none of 0" for an empty group.
    public static func share(_ proportion: Proportion) -> String {
        guard let interval = proportion.wilsonInterval() else { return "none of 0" }
        return
            "\(proportion.count) of \(proportion.total), \(percent(interval.estimate)) (\(percent(interval.lower)) to \(percent(interval.upper)))"
    }

    /// "2.08 (1.60 to 2.70)"; "not defined" where there is none.
    public static func ratio(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "not defined" }
        return String(format: "%.2f (%.2f to %.2f)", estimate.estimate, estimate.lower, estimate.upper)
    }

    /// A difference of shares: "+31.5 points (+19.0 to +42.8)".
    public static func points(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "not defined" }
        return String(
            format: "%+.1f points (%+.1f to %+.1f)", estimate.estimate * 100, estimate.lower * 100, estimate.upper * 100
        )
    }

    /// A share with its interval where there is no simple count behind it (a Kaplan–Meier
    /// estimate): "12.3% (8.1% to 18.4%)".
    public static func percent(_ estimate: IntervalEstimate) -> String {
        "\(percent(estimate.estimate)) (\(percent(estimate.lower)) to \(percent(estimate.upper)))"
    }

    /// A rate with its interval: "2.9 (2.6 to 3.2)"; "none to count" where there is none.
    public static func rate(_ estimate: IntervalEstimate?) -> String {
        guard let estimate else { return "none to count" }
        return String(format: "%.2f (%.2f to %.2f)", estimate.estimate, estimate.lower, estimate.upper)
    }

    public static func days(_ value: Double?) -> String {
        value.map { String(format: "%.1f days", $0) } ?? "not reached"
    }
}
