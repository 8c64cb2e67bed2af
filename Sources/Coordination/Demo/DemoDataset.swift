import Foundation
import SecurePlaceCore

/// A synthetic national picture: fictional homes and children, generated to look like the
/// field (domain.md §3, "Demo calibration"). Nothing in it is about a real child or home.
public struct DemoDataset: Sendable {
    public static let label = "synthetic demo data"
    /// The `settings` key under which a database records that it holds demo data.
    public static let settingKey = "dataset"
    /// Every demo user's password, printed by `serve --demo`. Demo data only.
    public static let password = "synthetic-demo"
    /// The chance of no offer at which the demo flags a referral (see `LoadDemoData`).
    public static let flagThreshold = 0.25

    public var seed: UInt64
    public var start: Date
    public var end: Date
    public var homes: [SecureHome]
    public var beds: [Bed]
    public var bedStatusIntervals: [BedStatusInterval]
    public var children: [Child]
    public var identities: [ChildIdentity]
    public var referrals: [Referral]
    public var circulations: [Circulation]
    public var responses: [HomeResponse]
    public var placements: [Placement]
    public var episodes: [PlacementEpisode]
    public var notifications: [RegulatorNotification]
    public var organisations: [Organisation]
    public var users: [User]
    public var events: [Event]
    /// Beds out of service, one record per closure.
    public var outages: [BedOutage] = []
    /// The court orders recorded for placed children, renewals included.
    public var courtOrders: [RecordedCourtOrder] = []

    /// Something that happened to a referral, for its timeline.
    public struct Event: Sendable, Equatable {
        public var referralID: UUID
        public var event: ReferralEvent
        public var at: Date
    }
}
