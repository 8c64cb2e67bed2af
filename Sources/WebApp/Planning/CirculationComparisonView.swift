import CapacityPlanning
import Coordination
import Foundation

/// The circulation comparison as the run page shows it: the chart, then one table per group
/// of children with each way of circulating and its change from broadcast.
struct CirculationComparisonView: Encodable {
    struct Row: Encodable {
        var policy: String
        var referredPerYear: Int
        var placed: String
        var placedWithin: String
        var daysToPlacement: String
        var placedChange: String
        var placedWithinChange: String
        var daysChange: String
    }

    struct GroupTable: Encodable {
        var name: String
        var code: String
        var rows: [Row]
    }

    var replications: Int
    var years: String
    var kilometres: Int
    var chart: String
    var groups: [GroupTable]
    var policies: [String]

    init(_ comparison: CirculationComparison) {
        replications = comparison.replications
        years = String(format: "%g", comparison.measuredDays / 365.25)
        kilometres = Int(comparison.distanceThresholdKilometres)
        chart = CirculationComparisonChart.svg(comparison)
        policies = comparison.policies.map(\.policy.name)
        let rows = comparison.rows
        groups = CirculationComparison.Group.allCases.map { group in
            GroupTable(
                name: group.name, code: group.rawValue,
                rows: rows.filter { $0.group == group }.map {
                    Row(
                        policy: $0.policy, referredPerYear: Int($0.referredPerYear.rounded()), placed: $0.placed,
                        placedWithin: $0.placedWithin, daysToPlacement: $0.daysToPlacement,
                        placedChange: $0.placedChange.isEmpty ? "Reference" : $0.placedChange,
                        placedWithinChange: $0.placedWithinChange.isEmpty ? "Reference" : $0.placedWithinChange,
                        daysChange: $0.daysChange.isEmpty ? "Reference" : $0.daysChange)
                })
        }
    }
}
