import Foundation
import SecurePlaceCore

extension PublicationTables {
    /// The beds of every secure children's home over a financial year and each of its quarters
    /// (up to the date of the figures, for a year in progress).
    public struct BedsInYear: Hashable, Sendable {
        public var year: BedDays
        /// April to June first.
        public var quarters: [BedDays]

        public init(year: BedDays, quarters: [BedDays]) {
            precondition(quarters.count == 4, "a financial year has four quarters")
            self.year = year
            self.quarters = quarters
        }
    }

    /// Beds open and occupied, bed-days lost to closures by reason, and referrals a year for
    /// each open bed, nationally. These are figures about beds, not counts of children, and are
    /// shown as they are.
    static func secureBeds(_ beds: BedsInYear, frame: Frame, index: CohortIndex) -> TidyTable {
        var table = TidyTable(
            name: "secure_beds", title: "Secure children's home beds: open, occupied and lost to closures",
            filters: [],
            indicators: [
                .measure("average_beds_open", "Beds open on average", unit: "beds"),
                .measure("open_bed_days", "Bed-days open", unit: "bed-days", decimalPlaces: 0),
                .measure("occupied_bed_days", "Bed-days occupied", unit: "bed-days", decimalPlaces: 0),
                .measure("occupancy_percent", "Occupied, % of open bed-days", unit: "%"),
                .measure("lost_bed_days", "Bed-days lost to closures", unit: "bed-days", decimalPlaces: 0),
            ]
                + BedClosureReason.allCases.map { reason in
                    .measure(
                        "lost_bed_days_\(reason.rawValue)", "Bed-days lost: \(reason.name)", unit: "bed-days",
                        decimalPlaces: 0)
                }
                + [
                    .measure(
                        "referrals_per_open_bed_a_year", "Referrals a year for each bed open on average",
                        unit: "referrals a bed", decimalPlaces: 2)
                ])
        for (p, period) in frame.periods.enumerated() {
            let days = p == 0 ? beds.year : beds.quarters[p - 1]
            let referrals = index.members(frame.nation, p).count
            table.rows.append(
                TidyTable.Row(
                    period: period, place: frame.nation, filters: [],
                    values: [
                        .figure(days.averageOpenBeds), .figure(days.open), .figure(days.occupied),
                        .figure(days.occupancy.map { $0 * 100 }), .figure(days.lost),
                    ]
                        + BedClosureReason.allCases.map { .figure(days.closed[$0] ?? 0) }
                        + [.figure(days.referralsPerOpenBedAYear(referrals)?.estimate)]))
        }
        return table
    }
}
