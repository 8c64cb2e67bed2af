import Foundation
import SecurePlaceCore

/// The days beds spent in each state over a period, from their status history: how many were
/// open on average, how full they were, and how many bed-days closures took away.
public struct BedDays: Hashable, Sendable {
    public let days: Double
    /// Vacant, occupied or reserved: a bed a child could be in.
    public let open: Double
    public let occupied: Double
    public let closed: [BedClosureReason: Double]

    public init(_ intervals: [BedStatusInterval], from start: Date, to end: Date) {
        let second = 1.0 / 86_400
        var open = 0.0
        var occupied = 0.0
        var closed: [BedClosureReason: Double] = [:]
        for interval in intervals {
            let from = max(interval.from, start)
            let to = min(interval.to ?? end, end)
            guard to > from else { continue }
            let length = to.timeIntervalSince(from) * second
            switch interval.status {
            case .occupied:
                open += length
                occupied += length
            case .vacant, .reserved: open += length
            case .closed(let reason): closed[reason, default: 0] += length
            }
        }
        days = max(0, end.timeIntervalSince(start) * second)
        self.open = open
        self.occupied = occupied
        self.closed = closed
    }

    public var averageOpenBeds: Double? { days > 0 ? open / days : nil }

    /// Occupied bed-days as a share of open bed-days.
    public var occupancy: Double? { open > 0 ? occupied / open : nil }

    /// Bed-days lost to closures of every kind.
    public var lost: Double { closed.values.reduce(0, +) }

    /// Referrals for each bed open on average over the period, scaled to a year, with the
    /// Poisson interval of the count (the beds taken as known): the 2016 survey's "15
    /// referrals per bed".
    public func referralsPerOpenBedAYear(_ referrals: Int) -> IntervalEstimate? {
        guard let beds = averageOpenBeds, beds > 0, days > 0 else { return nil }
        return EventCount(referrals).rate(per: beds * days / 365.25)
    }
}
