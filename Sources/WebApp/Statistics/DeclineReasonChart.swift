import Foundation
import Statistics

/// For each reason homes gave, the share of declines that gave it: the older boys the study
/// found refused most against every other child, as pairs of bars.
enum DeclineReasonChart {
    static func svg(_ breakdown: DeclineReasonBreakdown) -> String? {
        let reasons = DeclineReasonBreakdown.Reason.all.filter { breakdown.everyone.count($0) > 0 }
        guard !reasons.isEmpty else { return nil }
        let groups: [(DeclineReasonBreakdown.Tally, String)] = [
            (breakdown.olderBoysWithRefusalFlags, "chart-bar-unplaced"), (breakdown.otherChildren, "chart-bar-placed"),
        ]
        let left = 340.0
        let top = 12.0
        let rowHeight = 30.0
        let frame = ChartFrame(id: "decline-reasons", width: 640, height: top + Double(reasons.count) * rowHeight + 62)
        let right = frame.width - 24
        let bottom = frame.height - 52
        let number = frame.number
        var svg = frame.opening(
            title: "Reasons homes gave for declining, as a share of their declines",
            description:
                "For each reason, two bars: the share of declines for boys of 15 or over with an offending, gang or harmful sexual behaviour flag that gave it, and the share for every other child. A decline may give several reasons. The table below gives every figure."
        )
        svg += frame.percentAcross(left: left, right: right, top: top, bottom: bottom)
        var y = top + 4
        for reason in reasons {
            svg +=
                "<text x=\"\(number(left - 8))\" y=\"\(number(y + 14))\" class=\"chart-label\" text-anchor=\"end\">\(SVGText.escape(Self.shortName(reason)))</text>"
            for (offset, (tally, style)) in groups.enumerated() {
                let share = tally.share(reason).value ?? 0
                svg +=
                    "<rect x=\"\(number(left))\" y=\"\(number(y + Double(offset) * 11))\" width=\"\(number(share * (right - left)))\" height=\"10\" class=\"\(style)\"/>"
            }
            svg += "\n"
            y += rowHeight
        }
        let keys = [
            ("Boys 15+ with offending, gang or HSB flag", "chart-bar-unplaced"),
            ("Every other child", "chart-bar-placed"),
        ]
        var keyX = left - 240
        for (name, style) in keys {
            svg +=
                "<rect x=\"\(number(keyX))\" y=\"\(number(frame.height - 18))\" width=\"12\" height=\"12\" class=\"\(style)\"/>"
            svg +=
                "<text x=\"\(number(keyX + 16))\" y=\"\(number(frame.height - 8))\" class=\"chart-label\">\(name)</text>"
            keyX += 300
        }
        return svg + "\n</svg>"
    }

    /// The reason's name without its bracketed part, so that labels fit beside the bars; the
    /// table gives it whole.
    static func shortName(_ reason: DeclineReasonBreakdown.Reason) -> String {
        let name = reason.name.replacing(/\s\([^)]*\)/, with: "")
        return name.count > 50 ? String(name.prefix(49)) + "…" : name
    }
}
