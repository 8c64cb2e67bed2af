import Foundation

/// A child's stay in a secure bed, from admission to discharge.
public struct Placement: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var referralID: UUID
    public var childID: UUID
    public var homeID: UUID
    public var bedID: UUID
    public var admittedAt: Date
    public var dischargedAt: Date?
    public var endReason: PlacementChangeReason?
    /// The day the home expects the child to leave, when it has said: capacity counts the bed
    /// free from the day after.
    public var expectedDischargeOn: CalendarDate?

    public init(
        id: UUID, referralID: UUID, childID: UUID, homeID: UUID, bedID: UUID, admittedAt: Date,
        dischargedAt: Date? = nil, endReason: PlacementChangeReason? = nil, expectedDischargeOn: CalendarDate? = nil
    ) {
        self.id = id
        self.referralID = referralID
        self.childID = childID
        self.homeID = homeID
        self.bedID = bedID
        self.admittedAt = admittedAt
        self.dischargedAt = dischargedAt
        self.endReason = endReason
        self.expectedDischargeOn = expectedDischargeOn
    }
}

/// Any placement a child has after a referral, secure or not: the record that outcomes
/// ("three new placements in the year after referral") are counted from.
public struct PlacementEpisode: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var referralID: UUID
    public var type: PlacementType
    public var startedOn: CalendarDate
    public var endedOn: CalendarDate?
    public var endReason: PlacementChangeReason?

    public init(
        id: UUID, childID: UUID, referralID: UUID, type: PlacementType, startedOn: CalendarDate,
        endedOn: CalendarDate? = nil, endReason: PlacementChangeReason? = nil
    ) {
        self.id = id
        self.childID = childID
        self.referralID = referralID
        self.type = type
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.endReason = endReason
    }
}
