import Foundation

/// A referral sent to one home, with the time by which the home must answer.
public struct Circulation: Hashable, Codable, Sendable {
    public var referralID: UUID
    public var homeID: UUID
    public var circulatedAt: Date
    public var respondBy: Date

    public init(referralID: UUID, homeID: UUID, circulatedAt: Date, respondBy: Date) {
        self.referralID = referralID
        self.homeID = homeID
        self.circulatedAt = circulatedAt
        self.respondBy = respondBy
    }
}

/// How long a home has to answer, by urgency. Configurable; these are the defaults.
public struct ResponseDeadlines: Hashable, Sendable {
    public var emergency: TimeInterval
    public var urgent: TimeInterval
    public var planned: TimeInterval

    public static let standard = ResponseDeadlines(emergency: 4 * 3600, urgent: 24 * 3600, planned: 72 * 3600)

    public init(emergency: TimeInterval, urgent: TimeInterval, planned: TimeInterval) {
        self.emergency = emergency
        self.urgent = urgent
        self.planned = planned
    }

    public func respondBy(circulatedAt: Date, urgency: Urgency) -> Date {
        switch urgency {
        case .emergency: circulatedAt.addingTimeInterval(emergency)
        case .urgent: circulatedAt.addingTimeInterval(urgent)
        case .planned: circulatedAt.addingTimeInterval(planned)
        }
    }
}

/// Where an offer stands once made.
public enum OfferStatus: String, Codable, Sendable, CaseIterable {
    case open
    /// The authority accepted it; the bed is reserved.
    case accepted
    /// Another offer was accepted, or the referral closed: the home's bed is free again.
    case released
    /// Accepted, and then the home could no longer take the child (an incident, a bed closed).
    case fellThrough = "fell-through"
    /// Not accepted while it stood (`OfferHold`): the home's bed is free for other children.
    case lapsed
}

/// Which homes a referral may be circulated to now: registered for the child's sex and age,
/// with a vacant bed open to welfare placements. (Ranking them is the matching engine's job.)
public enum Eligibility {
    public static func homes(
        forChildOfSex sex: Sex, age: Int, homes: [SecureHome], beds: [Bed], statusAt: [UUID: BedStatus]
    ) -> [SecureHome] {
        let vacantHomes = Set(
            beds.filter { $0.kind.takesWelfarePlacements && statusAt[$0.id] == .vacant }.map(\.homeID))
        return homes.filter { $0.isRegistered(for: sex, age: age) && vacantHomes.contains($0.id) }
    }
}
