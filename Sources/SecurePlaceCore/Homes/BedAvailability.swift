import Foundation

/// A home's beds over a run of days: registered, open (less beds out of service), occupied,
/// reserved, vacant, and expected to free up (planned discharges). Today's statuses are known;
/// later days are projected from them, the out-of-service records and the expected discharges.
public enum BedAvailability {
    public struct Day: Hashable, Codable, Sendable {
        public var day: CalendarDate
        public var registered: Int
        public var outOfService: Int
        public var occupied: Int
        public var reserved: Int
        public var vacant: Int
        /// Beds whose child is expected to leave on this day (vacant from the next).
        public var expectedToFreeUp: Int
        /// Vacant beds that take welfare placements.
        public var vacantForWelfare: Int

        public var open: Int { registered - outOfService }
    }

    /// What is known of one bed today.
    public struct BedToday: Hashable, Sendable {
        public var bed: Bed
        public var status: BedStatus
        /// For an occupied bed: the day its child is expected to leave, when the home has said.
        public var expectedDischargeOn: CalendarDate?

        public init(bed: Bed, status: BedStatus, expectedDischargeOn: CalendarDate? = nil) {
            self.bed = bed
            self.status = status
            self.expectedDischargeOn = expectedDischargeOn
        }
    }

    /// The most days one question may cover.
    public static let longestRange = 366

    /// Each bed's status on `day` (today or later): out of service when a record or today's
    /// closure covers it; occupied until the day after its expected discharge; reserved while
    /// held for an accepted offer (until admission, whose day is not known); vacant otherwise.
    public static func status(of bed: BedToday, on day: CalendarDate, today: CalendarDate, outages: [BedOutage])
        -> BedStatus
    {
        if let outage = outages.first(where: { $0.bedID == bed.bed.id && $0.covers(day, today: today) }) {
            return .closed(outage.reason)
        }
        switch bed.status {
        case .closed(let reason):
            // Closed today with no record saying until when: still closed.
            let recorded = outages.contains { $0.bedID == bed.bed.id && $0.covers(today, today: today) }
            return day == today || !recorded ? .closed(reason) : .vacant
        case .occupied:
            if let leaves = bed.expectedDischargeOn, leaves < day { return .vacant }
            return .occupied
        case .reserved: return .reserved
        case .vacant: return .vacant
        }
    }

    /// The home's days from `first` to `last`, both included, none before `today`.
    public static func project(
        _ beds: [BedToday], outages: [BedOutage], today: CalendarDate, from first: CalendarDate,
        through last: CalendarDate
    ) -> [Day] {
        var days: [Day] = []
        var day = max(first, today)
        while day <= last {
            var entry = Day(
                day: day, registered: beds.count, outOfService: 0, occupied: 0, reserved: 0, vacant: 0,
                expectedToFreeUp: 0, vacantForWelfare: 0)
            for bed in beds {
                switch status(of: bed, on: day, today: today, outages: outages) {
                case .closed: entry.outOfService += 1
                case .occupied:
                    entry.occupied += 1
                    if bed.expectedDischargeOn == day { entry.expectedToFreeUp += 1 }
                case .reserved: entry.reserved += 1
                case .vacant:
                    entry.vacant += 1
                    if bed.bed.kind.takesWelfarePlacements { entry.vacantForWelfare += 1 }
                }
            }
            days.append(entry)
            day = day.adding(days: 1)
        }
        return days
    }
}
