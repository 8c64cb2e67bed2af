import Foundation

/// A bed out of service: why, from when, until when it is expected back, and every change
/// made to the record since. The bed-days it costs are what capacity planning loses.
public struct BedOutage: Hashable, Codable, Sendable, Identifiable {
    /// One change to the record: who made it, when, and what it was, in words.
    public struct Revision: Hashable, Codable, Sendable {
        public var at: Date
        public var by: UUID?
        public var change: String

        public init(at: Date, by: UUID?, change: String) {
            self.at = at
            self.by = by
            self.change = change
        }
    }

    public var id: UUID
    public var bedID: UUID
    public var homeID: UUID
    public var reason: BedClosureReason
    public var startsOn: CalendarDate
    public var expectedEndOn: CalendarDate?
    /// The last day out of service, once the bed is back.
    public var endedOn: CalendarDate?
    public var note: String
    /// Oldest first; the first is the record's creation.
    public var revisions: [Revision]

    public init(
        id: UUID, bedID: UUID, homeID: UUID, reason: BedClosureReason, startsOn: CalendarDate,
        expectedEndOn: CalendarDate? = nil, endedOn: CalendarDate? = nil, note: String = "", revisions: [Revision] = []
    ) {
        self.id = id
        self.bedID = bedID
        self.homeID = homeID
        self.reason = reason
        self.startsOn = startsOn
        self.expectedEndOn = expectedEndOn
        self.endedOn = endedOn
        self.note = note
        self.revisions = revisions
    }

    /// The last day the bed is, or is expected to be, out of service; nil while no end is known.
    public var lastDay: CalendarDate? { endedOn ?? expectedEndOn }

    /// Whether the bed is out of service on `day`, as known on `today`. An outage with no
    /// known end, or whose expected end has passed without the bed coming back, covers every
    /// day from its start: nobody can count on the bed until someone says when it is back.
    public func covers(_ day: CalendarDate, today: CalendarDate) -> Bool {
        guard startsOn <= day else { return false }
        if let endedOn { return day <= endedOn }
        guard let expectedEndOn, expectedEndOn >= today else { return true }
        return day <= expectedEndOn
    }

    /// The days out of service up to and including `today` (not the days still to come).
    public func bedDaysLost(asOf today: CalendarDate) -> Int {
        let last = min(endedOn ?? today, today)
        guard startsOn <= last else { return 0 }
        return startsOn.days(until: last) + 1
    }
}
