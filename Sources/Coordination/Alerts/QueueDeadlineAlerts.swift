import Foundation
import SecurePlaceCore
import Storage

/// The background job that notices time running out, which no user action marks: a home's
/// answer due within the hour, an offer that lapses within the hour, a child close to the
/// 72-hour limit without a court order.
/// Each alert's key makes it once only, however often the job runs; with several instances,
/// only the lease holder acts.
public struct QueueDeadlineAlerts: Sendable {
    public static let leaseName = "queue-deadline-alerts"
    /// How long before a home's deadline its manager is reminded.
    public static let answerReminder: TimeInterval = 3600

    public let store: Store
    public let instance: String
    public let now: @Sendable () -> Date
    public let alerts: AlertOutbox
    public let hold: OfferHold

    public init(
        store: Store, instance: String, now: @escaping @Sendable () -> Date = { Date() }, alerts: AlertOutbox,
        hold: OfferHold = .standard
    ) {
        self.store = store
        self.instance = instance
        self.now = now
        self.alerts = alerts
        self.hold = hold
    }

    /// Runs once; returns the alerts queued (none when another instance holds the lease).
    @discardableResult
    public func run(leaseFor duration: TimeInterval = 120) async throws -> [Alert] {
        let instant = now()
        guard try await store.acquireLease(Self.leaseName, holder: instance, at: instant, for: duration) else {
            return []
        }
        var queued: [Alert] = []
        let homes = Dictionary(uniqueKeysWithValues: try await store.homes().map { ($0.id, $0) })
        let due = try await store.unansweredCirculations(
            dueAfter: instant, until: instant.addingTimeInterval(Self.answerReminder))
        for circulation in due {
            guard let home = homes[circulation.homeID] else { continue }
            queued += try await store.transaction { store in
                guard let referral = try await store.referral(id: circulation.referralID) else { return [] }
                return try await alerts.queue(
                    .answerDueSoon, about: referral, event: "\(referral.id.uuidString)/\(home.id.uuidString)",
                    to: home.reference, homeName: home.name, dueAt: circulation.respondBy, at: instant, in: store)
            }
        }
        for (offer, urgency) in try await store.openOffers() {
            let lapsesAt = hold.lapsesAt(offeredAt: offer.respondedAt, urgency: urgency)
            guard lapsesAt > instant, lapsesAt <= instant.addingTimeInterval(OfferHold.warning),
                let home = homes[offer.homeID]
            else { continue }
            queued += try await store.transaction { store in
                guard let referral = try await store.referral(id: offer.referralID) else { return [] }
                return try await alerts.queue(
                    .offerAboutToLapse, about: referral, event: offer.id.uuidString, to: referral.localAuthorityCode,
                    homeName: home.name, dueAt: lapsesAt, at: instant, in: store)
            }
        }
        let journey = ReferralJourney(store: store, now: now, alerts: alerts)
        for held in try await journey.placementsWithoutOrder(at: instant) where held.needsAction && !held.isPastLimit {
            queued += try await store.transaction { store in
                try await alerts.queue(
                    .nearingSeventyTwoHours, about: held.referral, event: held.placement.id.uuidString, to: nil,
                    timeLeft: held.timeLeft, at: instant, in: store)
            }
        }
        return queued
    }
}
