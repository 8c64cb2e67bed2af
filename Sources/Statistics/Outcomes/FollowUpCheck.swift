import SecurePlaceCore

/// What an authority recorded at one of the service's follow-up checks on a child (7, 28 and
/// 90 days and 12 months after the referral was decided): where the child was living, the moves
/// since the last check, and whether the child was in custody.
public struct FollowUpCheck: Hashable, Sendable, Codable {
    /// The day the check was due, which the moves it reports run up to.
    public var dueOn: CalendarDate
    public var placement: PlacementType
    public var movesSinceLastCheck: Int
    public var inCustody: Bool

    public init(dueOn: CalendarDate, placement: PlacementType, movesSinceLastCheck: Int, inCustody: Bool) {
        self.dueOn = dueOn
        self.placement = placement
        self.movesSinceLastCheck = movesSinceLastCheck
        self.inCustody = inCustody
    }
}
