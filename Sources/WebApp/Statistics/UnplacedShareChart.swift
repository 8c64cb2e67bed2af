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
        let left = 270.0
        let top = 12.0
        let rowHeight = 24.0
        let frame = ChartFrame(id: "unplaced", width: 640, height: top + Double(rows.count) * rowHeight + 40)
        let right = frame.width - 24
        func x(_ share: Double) -> Double { left + min(max(share, 0), 1) * (right - left) }
        let number = frame.number
        var svg = frame.opening(
            title: "Share closed unplaced, by group of children",
            description:
                "For each group, the share of referrals placed or closed unplaced that were closed unplaced (dot), with its 95% Wilson interval (line). The table below gives every figure."
        )
        svg += frame.percentAcross(left: left, right: right, top: top, bottom: frame.height - 32)
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
