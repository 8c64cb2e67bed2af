/// The court's authority for a referral: its status and, once made, the dates it runs between.
public struct CourtOrder: Hashable, Codable, Sendable {
    public var status: CourtOrderStatus
    public var startsOn: CalendarDate?
    public var endsOn: CalendarDate?

    public init(status: CourtOrderStatus, startsOn: CalendarDate? = nil, endsOn: CalendarDate? = nil) {
        self.status = status
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}
