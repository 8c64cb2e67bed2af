import Foundation
import SecurePlaceCore

/// Referrals by the month they were submitted and where each stands now: the picture over time
/// that a single share hides.
public struct OutcomesByMonth: Hashable, Sendable {
    public struct Month: Hashable, Sendable {
        /// The first day of the month.
        public var first: CalendarDate
        public var counts: [CohortReferral.Outcome: Int]

        public var total: Int { counts.values.reduce(0, +) }
        public func count(_ outcome: CohortReferral.Outcome) -> Int { counts[outcome] ?? 0 }
    }

    /// Every month from the first referral's to the last's, empty months included.
    public let months: [Month]

    public init(_ referrals: [CohortReferral]) {
        var counts: [CalendarDate: [CohortReferral.Outcome: Int]] = [:]
        for referral in referrals {
            let day = CalendarDate(containing: referral.submittedAt)
            let month = CalendarDate(year: day.year, month: day.month, day: 1)!
            counts[month, default: [:]][referral.outcome, default: 0] += 1
        }
        guard let first = counts.keys.min(), let last = counts.keys.max() else {
            months = []
            return
        }
        var months: [Month] = []
        var month = first
        while month <= last {
            months.append(Month(first: month, counts: counts[month] ?? [:]))
            month = month.adding(months: 1)
        }
        self.months = months
    }
}
