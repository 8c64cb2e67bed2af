import Foundation
import Statistics

/// The share left unplaced for each group of children, as dots with their 95% intervals,
/// drawn on the server. The page gives every figure in the table beside it.
enum UnplacedShareChart {
    static func svg(_ figures: HeadlineFigures) -> String {
        var rows: [(String, Proportion)] = [
            ("All children", figures.outcomes.total.unplaced),
            ("Boys 15+ with offending, gang or HSB flag", figures.olderBoysWithRefusalFlags.unplaced),
            ("All other children", figures.olderBoysWithRefusalFlags.unplacedElsewhere),
        ]
        rows += figures.disparities.filter { $0.group.hasPrefix("Sex: ") || $0.group.hasPrefix("Age: ") }
            .map { ($0.group, $0.unplaced) }
        rows = rows.filter { $0.1.total > 0 }
        let width = 640.0
        let left = 270.0
        let right = 24.0
        let top = 12.0
        let rowHeight = 24.0
        let height = top + Double(rows.count) * rowHeight + 40
        let plotWidth = width - left - right
        func x(_ share: Double) -> Double { left + min(max(share, 0), 1) * plotWidth }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg = """
            <svg class="chart" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="unplaced-title unplaced-description" xmlns="http://www.w3.org/2000/svg">
            <title id="unplaced-title">Share closed unplaced, by group of children</title>
            <desc id="unplaced-description">For each group, the share of referrals placed or closed unplaced that were closed unplaced (dot), with its 95% Wilson interval (line). The table below gives every figure.</desc>

            """
        let bottom = height - 32
        for tick in stride(from: 0.0, through: 1.0001, by: 0.2) {
            svg +=
                "<line x1=\"\(number(x(tick)))\" x2=\"\(number(x(tick)))\" y1=\"\(number(top))\" y2=\"\(number(bottom))\" class=\"chart-grid\"/>"
            svg +=
                "<text x=\"\(number(x(tick)))\" y=\"\(number(bottom + 16))\" class=\"chart-label\" text-anchor=\"middle\">\(Int((tick * 100).rounded()))%</text>\n"
        }
        var y = top + rowHeight / 2
        for (name, proportion) in rows {
            guard let interval = proportion.wilsonInterval() else { continue }
            svg +=
                "<text x=\"\(number(left - 8))\" y=\"\(number(y + 4))\" class=\"chart-label\" text-anchor=\"end\">\(SVGText.escape(name))</text>"
            svg +=
                "<line x1=\"\(number(x(interval.lower)))\" x2=\"\(number(x(interval.upper)))\" y1=\"\(number(y))\" y2=\"\(number(y))\" class=\"chart-interval\"/>"
            svg +=
                "<circle cx=\"\(number(x(interval.estimate)))\" cy=\"\(number(y))\" r=\"5\" class=\"chart-dot-placed\"/>\n"
            y += rowHeight
        }
        return svg + "</svg>"
    }
}
