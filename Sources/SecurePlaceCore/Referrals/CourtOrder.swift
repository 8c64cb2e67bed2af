import Foundation

/// The court's authority for a referral: its status and, once made, the dates it runs between
/// (both days included).
public struct CourtOrder: Hashable, Codable, Sendable {
    public var status: CourtOrderStatus
    public var startsOn: CalendarDate?
    public var endsOn: CalendarDate?
    /// A further order after an earlier one ended or is ending (reg 12), which may run longer.
    public var isRenewal: Bool

    public init(
        status: CourtOrderStatus, startsOn: CalendarDate? = nil, endsOn: CalendarDate? = nil, isRenewal: Bool = false
    ) {
        self.status = status
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.isRenewal = isRenewal
    }

    /// The period the order authorises, from the start of its first day to the end of its
    /// last; nil when it authorises nothing.
    public var authorisedPeriod: (from: Date, to: Date?)? {
        guard status.isAuthorised, let startsOn else { return nil }
        return (startsOn.start, endsOn?.end)
    }

    /// Whether the order authorises the restriction of liberty on `day`.
    public func authorises(on day: CalendarDate) -> Bool {
        guard status.isAuthorised, let startsOn, startsOn <= day else { return false }
        return endsOn.map { day <= $0 } ?? true
    }

    /// Whether an order that has been made will have ended by `day`.
    public func hasEnded(by day: CalendarDate) -> Bool {
        guard status.isAuthorised, let endsOn else { return false }
        return endsOn < day
    }
}

/// A court order as an authority recorded it: the referral's orders over time (an
/// application, then an interim order, then a full order, then a renewal).
public struct RecordedCourtOrder: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var referralID: UUID
    public var childID: UUID
    public var order: CourtOrder
    public var recordedAt: Date
    /// The user who recorded it; nil when it came with the referral from an import.
    public var recordedBy: UUID?

    public init(id: UUID, referralID: UUID, childID: UUID, order: CourtOrder, recordedAt: Date, recordedBy: UUID?) {
        self.id = id
        self.referralID = referralID
        self.childID = childID
        self.order = order
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
