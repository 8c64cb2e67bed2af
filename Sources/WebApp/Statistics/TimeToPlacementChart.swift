import Foundation
import Statistics

/// The share of referrals placed by each day after submission (one minus the Kaplan–Meier
/// estimate), over the first four weeks. The table beside it gives the figures on chosen days.
enum TimeToPlacementChart {
    static let days = 28.0
    static let tableDays = [1, 2, 3, 7, 14, 28]

    static func svg(_ time: TimeFromSubmission) -> String? {
        guard time.estimate.events > 0 else { return nil }
        let left = 48.0
        let top = 12.0
        let bottom = 200.0
        let frame = ChartFrame(id: "time-to-placement", width: 640, height: 236)
        let right = frame.width - 16
        let number = frame.number
        func x(_ day: Double) -> Double { left + min(day, days) / days * (right - left) }
        func y(_ share: Double) -> Double { bottom - share * (bottom - top) }
        var svg = frame.opening(
            title: "Share of referrals placed, by days since submission",
            description:
                "A rising step line: the Kaplan–Meier estimate of the share placed by each day over the first four weeks, counting referrals closed unplaced or still open as waiting until then. The table below gives the share placed after 1, 2, 3, 7, 14 and 28 days."
        )
        svg += frame.percentUp(left: left, right: right, top: top, bottom: bottom)
        for day in stride(from: 0.0, through: days, by: 7) {
            svg +=
                "<text x=\"\(number(x(day)))\" y=\"\(number(bottom + 16))\" class=\"chart-label\" text-anchor=\"middle\">\(Int(day))</text>"
        }
        svg +=
            "<text x=\"\(number((left + right) / 2))\" y=\"\(number(bottom + 32))\" class=\"chart-label\" text-anchor=\"middle\">Days since submission</text>\n"
        var points = ["\(number(x(0))),\(number(y(0)))"]
        var share = 0.0
        for step in time.estimate.steps where step.time <= days {
            points.append("\(number(x(step.time))),\(number(y(share)))")
            share = 1 - step.survival.estimate
            points.append("\(number(x(step.time))),\(number(y(share)))")
        }
        points.append("\(number(x(days))),\(number(y(share)))")
        svg += "<polyline points=\"\(points.joined(separator: " "))\" class=\"chart-line chart-line-objective\"/>\n"
        return svg + "</svg>"
    }

    /// The share placed by `day`, with its interval.
    static func placed(by day: Int, _ time: TimeFromSubmission) -> String {
        FigureText.percent(time.estimate.shareWithEvent(by: Double(day)))
    }
}
