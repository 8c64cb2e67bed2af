import Foundation
import SecurePlaceCore
import Statistics

/// Referrals submitted each month as stacked bars, one colour for each outcome. The table
/// beside the chart gives every count.
enum OutcomesByMonthChart {
    static let order: [(CohortReferral.Outcome, String)] = [
        (.placed, "chart-bar-placed"), (.closedUnplaced, "chart-bar-unplaced"), (.withdrawn, "chart-bar-withdrawn"),
        (.open, "chart-bar-open"),
    ]

    static func svg(_ byMonth: OutcomesByMonth) -> String? {
        let months = byMonth.months
        guard let largest = months.map(\.total).max(), largest > 0 else { return nil }
        let left = 44.0
        let top = 12.0
        let bottom = 222.0
        let frame = ChartFrame(id: "by-month", width: 640, height: 270)
        let right = frame.width - 12
        let number = frame.number
        let scaleTop = Double(Self.niceCeiling(largest))
        func y(_ count: Double) -> Double { bottom - count / scaleTop * (bottom - top) }
        var svg = frame.opening(
            title: "Referrals submitted each month, by where they stand now",
            description:
                "Stacked bars, one for each month from \(months.first!.first.iso) to \(months.last!.first.iso): placed at the bottom, then closed unplaced, withdrawn and still open. The table below gives every count."
        )
        // Steps that land on whole numbers: 50 in fives of ten, 20 in fours of five, 2 in twos.
        let steps = [5, 4, 2, 1].first { Int(scaleTop) % $0 == 0 }!
        for step in 0...steps {
            let count = scaleTop * Double(step) / Double(steps)
            svg +=
                "<line x1=\"\(number(left))\" x2=\"\(number(right))\" y1=\"\(number(y(count)))\" y2=\"\(number(y(count)))\" class=\"chart-grid\"/>"
            svg +=
                "<text x=\"\(number(left - 6))\" y=\"\(number(y(count) + 4))\" class=\"chart-label\" text-anchor=\"end\">\(Int(count))</text>\n"
        }
        let slot = (right - left) / Double(months.count)
        let barWidth = max(2, slot * 0.7)
        for (index, month) in months.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            var base = 0.0
            for (outcome, style) in order {
                let count = Double(month.count(outcome))
                guard count > 0 else { continue }
                svg +=
                    "<rect x=\"\(number(x))\" y=\"\(number(y(base + count)))\" width=\"\(number(barWidth))\" height=\"\(number(y(base) - y(base + count)))\" class=\"\(style)\"/>"
                base += count
            }
            // A label every quarter (or every month when there are few) keeps them apart.
            if months.count <= 12 || month.first.month % 3 == 1 {
                svg +=
                    "<text x=\"\(number(x + barWidth / 2))\" y=\"\(number(bottom + 16))\" class=\"chart-label\" text-anchor=\"middle\">\(Self.monthLabel(month.first))</text>"
            }
            svg += "\n"
        }
        var keyX = left
        for (outcome, style) in order {
            svg +=
                "<rect x=\"\(number(keyX))\" y=\"\(number(frame.height - 18))\" width=\"12\" height=\"12\" class=\"\(style)\"/>"
            svg +=
                "<text x=\"\(number(keyX + 16))\" y=\"\(number(frame.height - 8))\" class=\"chart-label\">\(outcome.name)</text>"
            keyX += 130
        }
        return svg + "\n</svg>"
    }

    static func monthLabel(_ first: CalendarDate) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[first.month - 1]) \(first.year % 100)"
    }

    /// 1, 2 or 5 times a power of ten, at or above `value`: round numbers for the axis.
    static func niceCeiling(_ value: Int) -> Int {
        var power = 1
        while true {
            for multiple in [1, 2, 5] where multiple * power >= value { return multiple * power }
            power *= 10
        }
    }
}
