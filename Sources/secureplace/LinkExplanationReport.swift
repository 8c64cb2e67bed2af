import Foundation
import Linkage

/// One pair's match weight as text: the review page's waterfall, a line for each field.
struct LinkExplanationReport {
    let text: String

    init(_ explanation: PairExplanation) {
        let item = explanation.item
        func signed(_ value: Double) -> String { String(format: "%+7.2f", value) }
        func width(_ values: [String]) -> Int { values.map(\.count).max() ?? 0 }
        let fieldWidth = max(width(item.fields.map(\.field)), "prior".count)
        let valueWidth = width(item.fields.flatMap { [$0.left, $0.right] })
        let levelWidth = width(item.fields.map(\.agreement))
        func padded(_ text: String, _ count: Int) -> String {
            text + String(repeating: " ", count: max(0, count - text.count))
        }
        var running = item.priorWeight
        var lines = [
            "Pair \(item.leftID) × \(item.rightID): match weight \(String(format: "%.2f", item.weight)), "
                + "match probability \(String(format: "%.4f", item.probability)): \(explanation.outcome.description).",
            "Values are masked as the review page shows them. Each line adds log2(m/u) for the level the field is at.",
            "",
            padded("prior", fieldWidth) + "  " + padded("", valueWidth * 2 + 5 + levelWidth) + "  "
                + signed(item.priorWeight) + "  running " + signed(running)
                + "  (log2 odds of a match among candidate pairs)",
        ]
        for field in item.fields {
            let contribution = field.contribution ?? 0
            running += contribution
            lines.append(
                padded(field.field, fieldWidth) + "  " + padded(field.left, valueWidth) + "  ~  "
                    + padded(field.right, valueWidth) + "  " + padded(field.agreement, levelWidth) + "  "
                    + (field.contribution.map(signed) ?? "   0.00") + "  running " + signed(running))
        }
        lines.append("")
        lines.append(
            "Linked from a match weight of \(String(format: "%.2f", item.linkWeight)) (running \(signed(item.linkWeight + item.priorWeight))); "
                + "reviewed from \(String(format: "%.2f", item.reviewWeight)) (running \(signed(item.reviewWeight + item.priorWeight)))."
        )
        text = lines.joined(separator: "\n")
    }
}
