import Foundation
import Linkage

/// How a pair's match weight builds up, field by field, as an SVG drawn on the server: from
/// the prior odds that two records drawn at random are one person, each field's contribution pushes the
/// odds up (agreement) or down (disagreement) to where the pair ends. The scale is log2 of
/// the odds, with the review and link thresholds marked. The page lists the same figures in
/// its table for anyone who cannot see the chart.
enum MatchWeightWaterfall {
    static func svg(_ item: ReviewItem) -> String {
        let labelWidth = 170.0
        let plotWidth = 420.0
        let valueWidth = 70.0
        let rowHeight = 30.0
        let top = 28.0
        var steps: [(label: String, start: Double, end: Double, kind: String)] = [
            ("Prior odds", 0, item.priorWeight, "total")
        ]
        var running = item.priorWeight
        for field in item.fields {
            let change = field.contribution ?? 0
            steps.append(
                (
                    field.field.replacingOccurrences(of: "_", with: " ")
                        + (field.contribution == nil ? " (missing)" : ""),
                    running, running + change, change >= 0 ? "for" : "against"
                ))
            running += change
        }
        // The pair's match weight is the sum of the fields' bars; where the odds end is that
        // weight added to the prior, which is what the thresholds are drawn against.
        steps.append(("Final odds", 0, running, "total"))
        let linkLine = item.priorWeight + item.linkWeight
        let reviewLine = item.priorWeight + item.reviewWeight
        let ends = steps.flatMap { [$0.start, $0.end] } + [linkLine, reviewLine]
        let lowest = (ends.min() ?? -1).rounded(.down) - 1
        let highest = (ends.max() ?? 1).rounded(.up) + 1
        func x(_ value: Double) -> Double { labelWidth + (value - lowest) / (highest - lowest) * plotWidth }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }
        let width = labelWidth + plotWidth + valueWidth
        let height = top + Double(steps.count) * rowHeight + 24
        var svg = """
            <svg class="chart" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="waterfall-title waterfall-description" xmlns="http://www.w3.org/2000/svg">
            <title id="waterfall-title">How the match weight builds up, field by field</title>
            <desc id="waterfall-description">Starting from the prior log2 odds of \(number(item.priorWeight)), the fields bring the pair to \(number(running)), a match probability of \(String(format: "%.0f%%", item.probability * 100)). Pairs from \(number(reviewLine)) are reviewed and from \(number(linkLine)) linked.</desc>

            """
        for (index, step) in steps.enumerated() {
            let y = top + Double(index) * rowHeight
            let from = x(min(step.start, step.end))
            let barWidth = max(abs(x(step.end) - x(step.start)), 1)
            svg +=
                "<text x=\"\(number(labelWidth - 8))\" y=\"\(number(y + 19))\" class=\"chart-label\" text-anchor=\"end\">\(SVGText.escape(step.label))</text>"
            svg +=
                "<rect x=\"\(number(from))\" y=\"\(number(y + 6))\" width=\"\(number(barWidth))\" height=\"18\" class=\"chart-bar-\(step.kind)\"/>"
            let shown = step.kind == "total" ? step.end : step.end - step.start
            svg +=
                "<text x=\"\(number(labelWidth + plotWidth + 6))\" y=\"\(number(y + 19))\" class=\"chart-label\">\(shown >= 0 && step.kind != "total" ? "+" : "")\(number(shown))</text>\n"
        }
        let bottom = top + Double(steps.count) * rowHeight
        for (value, label) in [(reviewLine, "review"), (linkLine, "link")] {
            svg +=
                "<line x1=\"\(number(x(value)))\" x2=\"\(number(x(value)))\" y1=\"\(number(top - 4))\" y2=\"\(number(bottom))\" class=\"chart-threshold\"/>"
            svg +=
                "<text x=\"\(number(x(value)))\" y=\"\(number(top - 8))\" class=\"chart-label\" text-anchor=\"middle\">\(label)</text>\n"
        }
        svg +=
            "<text x=\"\(number(labelWidth + plotWidth / 2))\" y=\"\(number(bottom + 18))\" class=\"chart-label\" text-anchor=\"middle\">log2 odds that the two records are one person</text>\n"
        return svg + "</svg>"
    }
}
