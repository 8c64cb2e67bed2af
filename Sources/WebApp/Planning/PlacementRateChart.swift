import CapacityPlanning
import Coordination
import Foundation

/// The optimiser's curve as an SVG drawn on the server: the objective and the placement
/// rate against beds added, each with its 95% band. The page shows the same figures as a
/// table for anyone who cannot see the chart.
enum PlacementRateChart {
    static func svg(_ report: PlanningReport) -> String {
        let width = 640.0
        let height = 320.0
        let left = 56.0
        let right = 16.0
        let top = 16.0
        let bottom = 48.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let maximumBeds = Double(max(report.steps.last?.bedsAdded ?? 1, 1))
        var points = [(beds: 0, objective: report.objectiveBefore, placed: report.placementRateBefore)]
        points += report.steps.map { ($0.bedsAdded, $0.objective, $0.placementRate) }
        let values = points.flatMap { [$0.objective.lower, $0.objective.upper, $0.placed.lower, $0.placed.upper] }
            .filter(\.isFinite)
        let lowest = max(0, ((values.min() ?? 0) * 10).rounded(.down) / 10)
        let highest = min(1, ((values.max() ?? 1) * 10).rounded(.up) / 10)
        let span = max(highest - lowest, 0.1)
        func x(_ beds: Int) -> Double { left + Double(beds) / maximumBeds * plotWidth }
        func y(_ share: Double) -> Double { top + (1 - (share - lowest) / span) * plotHeight }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        func line(_ pick: (Estimate) -> Double, _ series: (Int, Estimate, Estimate) -> Estimate) -> String {
            points.map { "\(number(x($0.beds))),\(number(y(pick(series($0.beds, $0.objective, $0.placed)))))" }
                .joined(separator: " ")
        }
        func band(_ series: @escaping (Int, Estimate, Estimate) -> Estimate) -> String {
            let upper = points.map {
                "\(number(x($0.beds))),\(number(y(series($0.beds, $0.objective, $0.placed).upper)))"
            }
            let lower = points.reversed().map {
                "\(number(x($0.beds))),\(number(y(series($0.beds, $0.objective, $0.placed).lower)))"
            }
            return (upper + lower).joined(separator: " ")
        }
        let objective: (Int, Estimate, Estimate) -> Estimate = { _, objective, _ in objective }
        let placed: (Int, Estimate, Estimate) -> Estimate = { _, _, placed in placed }
        var svg = """
            <svg class="chart" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="chart-title chart-description" xmlns="http://www.w3.org/2000/svg">
            <title id="chart-title">Share of children against beds added</title>
            <desc id="chart-description">\(SVGText.escape(report.objective)) rises from \(percent(report.objectiveBefore.value)) to \(percent(report.objectiveAfter.value)); the placement rate goes from \(percent(report.placementRateBefore.value)) to \(percent(report.placementRateAfter.value)). Shaded bands are 95% intervals.</desc>

            """
        var tick = lowest
        while tick <= highest + 1e-9 {
            svg +=
                "<line x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(number(y(tick)))\" y2=\"\(number(y(tick)))\" class=\"chart-grid\"/>"
            svg +=
                "<text x=\"\(number(left - 6))\" y=\"\(number(y(tick) + 4))\" class=\"chart-label\" text-anchor=\"end\">\(percent(tick))</text>\n"
            tick += span > 0.5 ? 0.2 : 0.1
        }
        let tickStep = max(1, Int((maximumBeds / 10).rounded(.up)))
        for beds in stride(from: 0, through: Int(maximumBeds), by: tickStep) {
            svg +=
                "<text x=\"\(number(x(beds)))\" y=\"\(number(height - bottom + 18))\" class=\"chart-label\" text-anchor=\"middle\">\(beds)</text>"
        }
        svg +=
            "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(height - 8))\" class=\"chart-label\" text-anchor=\"middle\">Beds added</text>\n"
        svg += "<polygon points=\"\(band(placed))\" class=\"chart-band chart-band-placed\"/>"
        svg += "<polyline points=\"\(line(\.value, placed))\" class=\"chart-line chart-line-placed\"/>\n"
        svg += "<polygon points=\"\(band(objective))\" class=\"chart-band chart-band-objective\"/>"
        svg += "<polyline points=\"\(line(\.value, objective))\" class=\"chart-line chart-line-objective\"/>\n"
        svg += "</svg>"
        return svg
    }

    private static func percent(_ value: Double) -> String { String(format: "%.0f%%", value * 100) }
}
