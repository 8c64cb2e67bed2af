import Foundation

/// The parts every server-drawn chart shares: the opening with its title and description for
/// screen readers, numbers written the same way, and a percentage axis.
struct ChartFrame {
    let id: String
    let width: Double
    let height: Double

    func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// `<svg>` with its accessible title and description; the caller closes it.
    func opening(title: String, description: String) -> String {
        """
        <svg class="chart" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="\(id)-title \(id)-description" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-title">\(SVGText.escape(title))</title>
        <desc id="\(id)-description">\(SVGText.escape(description))</desc>

        """
    }

    /// Grid lines and labels for 0% to 100% across, from `left` to `right`, between `top` and `bottom`.
    func percentAcross(left: Double, right: Double, top: Double, bottom: Double) -> String {
        var svg = ""
        for tick in stride(from: 0.0, through: 1.0001, by: 0.2) {
            let x = left + tick * (right - left)
            svg +=
                "<line x1=\"\(number(x))\" x2=\"\(number(x))\" y1=\"\(number(top))\" y2=\"\(number(bottom))\" class=\"chart-grid\"/>"
            svg +=
                "<text x=\"\(number(x))\" y=\"\(number(bottom + 16))\" class=\"chart-label\" text-anchor=\"middle\">\(Int((tick * 100).rounded()))%</text>\n"
        }
        return svg
    }

    /// Grid lines and labels for 0% to 100% up the chart, from `bottom` to `top`, starting at `left`.
    func percentUp(left: Double, right: Double, top: Double, bottom: Double) -> String {
        var svg = ""
        for tick in stride(from: 0.0, through: 1.0001, by: 0.25) {
            let y = bottom - tick * (bottom - top)
            svg +=
                "<line x1=\"\(number(left))\" x2=\"\(number(right))\" y1=\"\(number(y))\" y2=\"\(number(y))\" class=\"chart-grid\"/>"
            svg +=
                "<text x=\"\(number(left - 6))\" y=\"\(number(y + 4))\" class=\"chart-label\" text-anchor=\"end\">\(Int((tick * 100).rounded()))%</text>\n"
        }
        return svg
    }
}
