import Foundation

/// How long a home's open offer stands for the authority to accept, by the referral's
/// urgency, from the moment it is made. An open offer does not reserve its bed, so a home
/// cannot be asked to keep a bed for one child without end while others wait; the authority
/// is warned an hour before (`warning`). Configurable; these are the defaults, the same as the
/// time a home has to answer.
public struct OfferHold: Hashable, Sendable {
    public var emergency: TimeInterval
    public var urgent: TimeInterval
    public var planned: TimeInterval

    public static let standard = OfferHold(emergency: 4 * 3600, urgent: 24 * 3600, planned: 72 * 3600)
    /// How long before an offer lapses the authority is told.
    public static let warning: TimeInterval = 3600

    public init(emergency: TimeInterval, urgent: TimeInterval, planned: TimeInterval) {
        self.emergency = emergency
        self.urgent = urgent
        self.planned = planned
    }

    /// When an offer made at `offeredAt` lapses if it is not accepted.
    public func lapsesAt(offeredAt: Date, urgency: Urgency) -> Date {
        switch urgency {
        case .emergency: offeredAt.addingTimeInterval(emergency)
        case .urgent: offeredAt.addingTimeInterval(urgent)
        case .planned: offeredAt.addingTimeInterval(planned)
        }
    }
}
