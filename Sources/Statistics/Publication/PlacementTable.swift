import Foundation
import SecurePlaceCore

extension PublicationTables {
    /// For the children placed: how long it took, how far from home they went, and whether
    /// they were held without a court order (the 72-hour rule), nationally for the year and each
    /// quarter and by region for the year.
    static func placements(_ cohort: [CohortReferral], frame: Frame, index: CohortIndex, asOf: Date) -> TidyTable {
        var table = TidyTable(
            name: "placements", title: "Children placed: time to placement, distance from home and the 72-hour rule",
            filters: [],
            indicators: [
                .count("placed", "Placed"),
                .measure(
                    "median_days_to_placement", "Median days from referral to placement (Kaplan–Meier)", unit: "days"),
                .measure("lower_quartile_days_to_placement", "Lower quartile of days to placement", unit: "days"),
                .measure("upper_quartile_days_to_placement", "Upper quartile of days to placement", unit: "days"),
                .count("within_100_km", "Placed within 100 km of their authority"),
                .count("further_than_100_km", "Placed further than 100 km from their authority"),
                .count("distance_not_known", "Placed, distance not known"),
                .measure("median_km_from_home", "Median distance from their authority", unit: "km", decimalPlaces: 0),
                .count("order_throughout", "Placed with a court order throughout the first 28 days"),
                .count("without_order_up_to_72_hours", "Held without a court order, for 72 hours or less"),
                .count("without_order_beyond_72_hours", "Held without a court order for longer than 72 hours"),
                .count("order_not_known", "Placed, court orders not known"),
            ],
            identities: [
                .init("placed", is: ["within_100_km", "further_than_100_km", "distance_not_known"]),
                .init(
                    "placed",
                    is: [
                        "order_throughout", "without_order_up_to_72_hours", "without_order_beyond_72_hours",
                        "order_not_known",
                    ]),
            ])
        let limitInHours = SeventyTwoHourRule.limit / 3_600 + 1e-9
        for (p, period) in frame.periods.enumerated() {
            for place in frame.places(in: p) {
                let here = index.members(place, p).map { cohort[$0] }
                let placed = here.filter { $0.outcome == .placed }
                let time = TimeFromSubmission.toPlacement(here, asOf: asOf)
                let distances = placed.compactMap(\.kilometresFromHome).sorted()
                let hours = placed.compactMap(\.hoursWithoutOrder)
                let beyond = hours.count { $0 > limitInHours }
                let without = hours.count { $0 > 0 }
                table.rows.append(
                    TidyTable.Row(
                        period: period, place: place, filters: [],
                        values: [
                            .count(placed.count),
                            .summary(time.median, of: "placed"), .summary(time.lowerQuartile, of: "placed"),
                            .summary(time.upperQuartile, of: "placed"),
                            .count(distances.count { $0 <= 100 }), .count(distances.count { $0 > 100 }),
                            .count(placed.count - distances.count),
                            .summary(HeadlineFigures.Quartiles(nearestRanksOf: distances)?.median, of: "placed"),
                            .count(hours.count - without), .count(without - beyond), .count(beyond),
                            .count(placed.count - hours.count),
                        ]))
            }
        }
        return table
    }
}
