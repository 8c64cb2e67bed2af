import Foundation

/// A check on what happened to a child after a referral, due at 7, 28 and 90 days and 12
/// months, for placed and unplaced children alike.
public struct FollowUp: Hashable, Codable, Sendable, Identifiable {
    public enum Interval: String, Codable, Sendable, CaseIterable {
        case sevenDays = "7-days"
        case twentyEightDays = "28-days"
        case ninetyDays = "90-days"
        case twelveMonths = "12-months"

        public var days: Int {
            switch self {
            case .sevenDays: 7
            case .twentyEightDays: 28
            case .ninetyDays: 90
            case .twelveMonths: 365
            }
        }

        public var name: String {
            switch self {
            case .sevenDays: "7 days"
            case .twentyEightDays: "28 days"
            case .ninetyDays: "90 days"
            case .twelveMonths: "12 months"
            }
        }
    }

    /// What the authority found at the check.
    public struct Outcome: Hashable, Codable, Sendable {
        public var currentPlacement: PlacementType
        public var placementMoves: Int
        public var missingEpisodes: Int
        public var inCustody: Bool
        public var note: String

        public init(
            currentPlacement: PlacementType, placementMoves: Int, missingEpisodes: Int, inCustody: Bool, note: String
        ) {
            self.currentPlacement = currentPlacement
            self.placementMoves = placementMoves
            self.missingEpisodes = missingEpisodes
            self.inCustody = inCustody
            self.note = note
        }
    }

    public var id: UUID
    public var referralID: UUID
    public var localAuthorityCode: String
    public var interval: Interval
    public var dueOn: CalendarDate
    public var recordedAt: Date?
    public var outcome: Outcome?

    public init(
        id: UUID, referralID: UUID, localAuthorityCode: String, interval: Interval, dueOn: CalendarDate,
        recordedAt: Date? = nil, outcome: Outcome? = nil
    ) {
        self.id = id
        self.referralID = referralID
        self.localAuthorityCode = localAuthorityCode
        self.interval = interval
        self.dueOn = dueOn
        self.recordedAt = recordedAt
        self.outcome = outcome
    }

    /// The four checks for a referral that ended on `day`.
    public static func schedule(
        for referral: Referral, endedOn day: CalendarDate, ids: () -> UUID
    ) -> [FollowUp] {
        Interval.allCases.map {
            FollowUp(
                id: ids(), referralID: referral.id, localAuthorityCode: referral.localAuthorityCode, interval: $0,
                dueOn: day.adding(days: $0.days))
        }
    }
}
