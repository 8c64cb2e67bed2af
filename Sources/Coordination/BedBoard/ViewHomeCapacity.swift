import Foundation
import SecurePlaceCore
import Storage

/// A home's beds over dates, from today: what the board shows today, projected forward from
/// the out-of-service records and the discharges the home expects. Anyone signed in may see
/// it, as they may see the board.
public struct ViewHomeCapacity: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// The home's days from `from` (default today) to `to` (default four weeks on), both
    /// included; nil when there is no such home.
    public func callAsFunction(home homeID: UUID, from fromText: String?, to toText: String?) async throws
        -> [BedAvailability.Day]?
    {
        let today = CalendarDate(containing: now())
        let (first, last) = try Self.range(from: fromText, to: toText, today: today)
        guard try await store.home(id: homeID) != nil else { return nil }
        return BedAvailability.project(
            try await bedsToday(ofHome: homeID), outages: try await store.outages(ofHome: homeID), today: today,
            from: first, through: last)
    }

    /// Each bed of the home (or of every home) with its status now and, when occupied, the
    /// day its child is expected to leave.
    func bedsToday(ofHome homeID: UUID? = nil) async throws -> [BedAvailability.BedToday] {
        let instant = now()
        let statuses = Dictionary(
            try await store.bedStatusIntervals(at: instant, ofHome: homeID).map { ($0.bedID, $0.status) },
            uniquingKeysWith: { first, _ in first })
        let leaving = Dictionary(
            try await store.openPlacements(ofHome: homeID).compactMap { placement in
                placement.expectedDischargeOn.map { (placement.bedID, $0) }
            }, uniquingKeysWith: { first, _ in first })
        return try await store.beds(ofHome: homeID).compactMap { bed in
            // A bed with no recorded status is not counted as anything.
            statuses[bed.id].map {
                BedAvailability.BedToday(bed: bed, status: $0, expectedDischargeOn: leaving[bed.id])
            }
        }
    }

    /// The days asked for, checked: real dates, from today, in order, at most a year.
    static func range(from fromText: String?, to toText: String?, today: CalendarDate) throws(InputErrors) -> (
        CalendarDate, CalendarDate
    ) {
        var errors: [InputError] = []
        let first = InputError.day(fromText, field: "from", into: &errors) ?? today
        let last = InputError.day(toText, field: "to", into: &errors) ?? first.adding(days: 27)
        if errors.isEmpty {
            if first < today {
                errors.append(
                    InputError(
                        field: "from",
                        message:
                            "Capacity is projected from today (\(today.iso)); for a past day see the bed board for that date."
                    ))
            } else if last < first {
                errors.append(InputError(field: "to", message: "The last day must be on or after the first."))
            } else if first.days(until: last) >= BedAvailability.longestRange {
                errors.append(
                    InputError(field: "to", message: "Ask for at most \(BedAvailability.longestRange) days at a time."))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        return (first, last)
    }
}
