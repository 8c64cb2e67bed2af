import CapacityPlanning
import Foundation

extension Estimate {
    /// "3.2 days (2.9–3.5)".
    public var daysWithInterval: String {
        guard value.isFinite else { return "–" }
        return String(format: "%.1f days (%.1f–%.1f)", value, lower, upper)
    }

    /// "+1.2 days (0.8 to 1.6)": a difference in days with its interval.
    public var dayDifferenceWithInterval: String {
        guard value.isFinite else { return "–" }
        return String(format: "%+.1f days (%.1f to %.1f)", Self.tenths(value), Self.tenths(lower), Self.tenths(upper))
    }
}

extension CirculationComparison {
    /// One line of the comparison as the pages, the command line and the CSV show it.
    public struct Row: Hashable, Sendable {
        public var policy: String
        public var policyCode: String
        public var group: Group
        public var referredPerYear: Double
        public var placed: String
        public var placedWithin: String
        public var daysToPlacement: String
        /// Empty for the first policy.
        public var placedChange: String
        public var placedWithinChange: String
        public var daysChange: String
    }

    /// Group by group, every policy in order.
    public var rows: [Row] {
        Group.allCases.flatMap { group in
            policies.compactMap { policy -> Row? in
                guard let result = policy.result(for: group) else { return nil }
                let difference = result.differenceFromFirst
                return Row(
                    policy: policy.policy.name, policyCode: policy.policy.code, group: group,
                    referredPerYear: result.figures.arrivalsPerReplication / (measuredDays / 365.25),
                    placed: result.figures.placementRate.percentWithInterval,
                    placedWithin: result.figures.shareWithinThreshold.percentWithInterval,
                    daysToPlacement: result.figures.meanDaysToPlacement.daysWithInterval,
                    placedChange: difference?.placementRate.pointsWithInterval ?? "",
                    placedWithinChange: difference?.shareWithinThreshold.pointsWithInterval ?? "",
                    daysChange: difference?.meanDaysToPlacement.dayDifferenceWithInterval ?? "")
            }
        }
    }

    /// Every figure with its interval bounds, one row per group and policy, for a spreadsheet.
    public func csv(isDemo: Bool) -> String {
        func number(_ value: Double) -> String { value.isFinite ? String(format: "%.4f", value) : "" }
        func columns(_ estimate: Estimate?) -> [String] {
            guard let estimate else { return ["", "", ""] }
            return [number(estimate.value), number(estimate.lower), number(estimate.upper)]
        }
        var lines = [
            "group,policy,referred_per_replication,placed,placed_lower,placed_upper,placed_within_km,"
                + "placed_within_km_lower,placed_within_km_upper,days_to_placement,days_lower,days_upper,"
                + "placed_change,placed_change_lower,placed_change_upper,placed_within_km_change,"
                + "placed_within_km_change_lower,placed_within_km_change_upper,days_change,days_change_lower,"
                + "days_change_upper"
        ]
        for group in Group.allCases {
            for policy in policies {
                guard let result = policy.result(for: group) else { continue }
                let figures = result.figures
                let difference = result.differenceFromFirst
                let fields =
                    [group.rawValue, policy.policy.code, number(figures.arrivalsPerReplication)]
                    + columns(figures.placementRate) + columns(figures.shareWithinThreshold)
                    + columns(figures.meanDaysToPlacement) + columns(difference?.placementRate)
                    + columns(difference?.shareWithinThreshold) + columns(difference?.meanDaysToPlacement)
                lines.append(fields.joined(separator: ","))
            }
        }
        if isDemo { lines.insert("# SYNTHETIC DEMO DATA — not real children or homes", at: 0) }
        return lines.joined(separator: "\n") + "\n"
    }
}
