import CapacityPlanning
import Coordination
import Foundation

/// The comparison as a dot plot drawn on the server: for each group of children and each way
/// of circulating, the share placed (filled dot) and placed within the distance (open
/// square), each with its 95% interval. The page gives the same figures as a table.
enum CirculationComparisonChart {
    static func svg(_ comparison: CirculationComparison) -> String {
        let width = 640.0
        let left = 250.0
        let right = 24.0
        let top = 16.0
        let rowHeight = 26.0
        let groupGap = 12.0
        let headingHeight = 20.0
        let plotWidth = width - left - right
        let groups = CirculationComparison.Group.allCases
        let rows = groups.count * comparison.policies.count
        let height =
            top + Double(rows) * rowHeight + Double(groups.count) * headingHeight + Double(groups.count - 1) * groupGap
            + 44
        func x(_ share: Double) -> Double { left + min(max(share, 0), 1) * plotWidth }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        let kilometres = Int(comparison.distanceThresholdKilometres)
        var svg = """
            <svg class="chart" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="comparison-title comparison-description" xmlns="http://www.w3.org/2000/svg">
            <title id="comparison-title">Share of children placed, by way of circulating</title>
            <desc id="comparison-description">For each group of children and each way of circulating, the share placed (dot) and placed within \(kilometres) km (square), with 95% intervals. The table below gives every figure.</desc>

            """
        let bottom = height - 36
        for tick in stride(from: 0.0, through: 1.0001, by: 0.2) {
            svg +=
                "<line x1=\"\(number(x(tick)))\" x2=\"\(number(x(tick)))\" y1=\"\(number(top))\" y2=\"\(number(bottom))\" class=\"chart-grid\"/>"
            svg +=
                "<text x=\"\(number(x(tick)))\" y=\"\(number(bottom + 16))\" class=\"chart-label\" text-anchor=\"middle\">\(Int((tick * 100).rounded()))%</text>\n"
        }
        var y = top
        for group in groups {
            svg +=
                "<text x=\"4\" y=\"\(number(y + 14))\" class=\"chart-label chart-label-strong\">\(SVGText.escape(shortName(group)))</text>\n"
            y += headingHeight + rowHeight / 2
            for policy in comparison.policies {
                guard let figures = policy.result(for: group)?.figures else { continue }
                let placed = figures.placementRate
                let within = figures.shareWithinThreshold
                svg +=
                    "<text x=\"\(number(left - 8))\" y=\"\(number(y + 4))\" class=\"chart-label\" text-anchor=\"end\">\(SVGText.escape(policy.policy.shortName))</text>"
                svg +=
                    "<line x1=\"\(number(x(placed.lower)))\" x2=\"\(number(x(placed.upper)))\" y1=\"\(number(y - 4))\" y2=\"\(number(y - 4))\" class=\"chart-interval\"/>"
                svg +=
                    "<circle cx=\"\(number(x(placed.value)))\" cy=\"\(number(y - 4))\" r=\"5\" class=\"chart-dot-placed\"/>"
                svg +=
                    "<line x1=\"\(number(x(within.lower)))\" x2=\"\(number(x(within.upper)))\" y1=\"\(number(y + 5))\" y2=\"\(number(y + 5))\" class=\"chart-interval\"/>"
                svg +=
                    "<rect x=\"\(number(x(within.value) - 4))\" y=\"\(number(y + 1))\" width=\"8\" height=\"8\" class=\"chart-square-within\"/>\n"
                y += rowHeight
            }
            y += groupGap - rowHeight / 2
        }
        svg += "</svg>"
        return svg
    }

    private static func shortName(_ group: CirculationComparison.Group) -> String {
        switch group {
        case .everyone: "All children"
        case .olderBoysWithRefusalFlags: "Boys 15+ with offending, gang or HSB flag"
        case .everyoneElse: "All other children"
        }
    }
}

extension CirculationPolicy {
    /// The policy's name in a chart's narrow margin.
    var shortName: String {
        switch self {
        case .broadcast: "Broadcast"
        case .rankedWaves(let waves): "Waves of \(waves.homesPerWave)"
        case .allocationRounds: "Allocation rounds"
        }
    }
}
