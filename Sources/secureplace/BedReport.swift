import Foundation
import SecurePlaceCore
import Statistics

/// The beds over the period as the summary command prints them.
struct BedReport: Encodable {
    var averageOpenBeds: Double?
    var occupancy: Double?
    var bedDaysLost: [String: Double]
    var referralsPerOpenBedAYear: IntervalEstimate?

    init(_ beds: BedDays, referrals: Int) {
        averageOpenBeds = beds.averageOpenBeds
        occupancy = beds.occupancy
        bedDaysLost = Dictionary(uniqueKeysWithValues: beds.closed.map { ($0.key.rawValue, $0.value) })
        referralsPerOpenBedAYear = beds.referralsPerOpenBedAYear(referrals)
    }

    var lines: [String] {
        let lost = bedDaysLost.values.reduce(0, +)
        let reasons = BedClosureReason.allCases.compactMap { reason in
            bedDaysLost[reason.rawValue].map { "\(reason.rawValue) \(Int($0.rounded()))" }
        }
        return [
            "Beds (every home, whatever the selection): \(averageOpenBeds.map { String(format: "%.1f", $0) } ?? "none") open on average, "
                + "\(occupancy.map(FigureText.percent) ?? "no") occupancy; \(Int(lost.rounded())) bed-days lost to closures"
                + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))"),
            "Referrals a year for each open bed: \(FigureText.rate(referralsPerOpenBedAYear))",
        ]
    }
}
