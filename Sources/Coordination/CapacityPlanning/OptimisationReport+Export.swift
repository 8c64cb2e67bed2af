import CapacityPlanning
import Foundation

extension Estimate {
    /// "61.8% (59.9–63.7%)": a proportion with its interval, as the reports print it.
    public var percentWithInterval: String {
        "\(Self.percent(value)) (\(Self.percent(lower))–\(Self.percent(upper)))"
    }

    public static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f%%", value * 100) : "–"
    }

    /// "+2.3 points (1.1 to 3.5)": a difference of proportions with its interval.
    public var pointsWithInterval: String {
        String(
            format: "%+.1f points (%.1f to %.1f)", Self.tenths(value * 100), Self.tenths(lower * 100),
            Self.tenths(upper * 100))
    }

    /// Rounded to one decimal, with a difference that rounds to zero shown as 0.0, not -0.0.
    static func tenths(_ number: Double) -> Double { (number * 10).rounded() / 10 + 0.0 }
}

extension OptimisationReport {
    /// The plan step by step, with the baseline as the first row, for a spreadsheet.
    public func csv(isDemo: Bool) -> String {
        func number(_ value: Double) -> String { String(format: "%.4f", value) }
        var lines = [
            "beds_added,home,region,new_home,objective,objective_lower,objective_upper,placement_rate,"
                + "placement_rate_lower,placement_rate_upper,gain,gain_lower,gain_upper,runner_up,"
                + "margin_over_runner_up_lower,margin_over_runner_up_upper"
        ]
        let baseline = before.placementRate
        lines.append(
            [
                "0", "", "", "", number(objectiveBefore.value), number(objectiveBefore.lower),
                number(objectiveBefore.upper), number(baseline.value), number(baseline.lower), number(baseline.upper),
                "", "", "", "", "", "",
            ].joined(separator: ","))
        for step in steps {
            let fields = [
                "\(step.bedsAdded)", step.home, step.region, step.isNewHome ? "yes" : "no",
                number(step.objective.value), number(step.objective.lower), number(step.objective.upper),
                number(step.placementRate.value), number(step.placementRate.lower), number(step.placementRate.upper),
                number(step.gain.value), number(step.gain.lower), number(step.gain.upper), step.runnerUp ?? "",
                step.marginOverRunnerUp.map { number($0.lower) } ?? "",
                step.marginOverRunnerUp.map { number($0.upper) } ?? "",
            ]
            lines.append(fields.map(CSVField.escape).joined(separator: ","))
        }
        if isDemo { lines.append("# synthetic demo data") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as plain text for the terminal.
    public func text(isDemo: Bool) -> String {
        var lines: [String] = []
        if isDemo { lines.append("SYNTHETIC DEMO DATA — not real children or homes.") }
        lines.append("Objective: \(objective); \(replications) paired replications, 95% intervals.")
        lines.append("Now:   \(objectiveBefore.percentWithInterval)")
        lines.append("After: \(objectiveAfter.percentWithInterval) with \(bedsAdded) more welfare beds")
        lines.append("Gain:  \(improvement.pointsWithInterval)")
        lines.append("")
        lines.append("Recommended beds:")
        for item in recommendations {
            lines.append("  \(item.beds) at \(item.home) (\(item.region))\(item.isNewHome ? " — a new home" : "")")
        }
        lines.append("")
        lines.append("Placement rate by region (now → after):")
        for region in regions {
            lines.append("  \(region.name): \(region.before.percentWithInterval) → \(region.after.percentWithInterval)")
        }
        let uncertain = uncertainSteps
        lines.append("")
        if uncertain.isEmpty {
            lines.append("Every step was a clear choice: the chosen place beat the next best in every interval.")
        } else {
            lines.append("Close calls (the next best place did about as well; more replications would separate them):")
            for step in uncertain {
                lines.append(
                    "  bed \(step.bedsAdded): \(step.home) over \(step.runnerUp ?? "–"), margin "
                        + (step.marginOverRunnerUp?.pointsWithInterval ?? "–"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
