import Foundation
import SecurePlaceCore
import Storage

/// The background job that lets open offers lapse once they have stood their time
/// (`OfferHold`) unaccepted. A referral whose last open offer lapses goes back to circulated,
/// where the authority may still hear from other homes and the coordinators can widen the
/// search. With several instances, only the lease holder acts; each offer is lapsed under its
/// referral's row lock and read again there, so an accept at the same moment wins or loses
/// whole.
public struct LapseOpenOffers: Sendable {
    public static let leaseName = "lapse-open-offers"

    public let store: Store
    public let instance: String
    public let now: @Sendable () -> Date
    public let hold: OfferHold

    public init(
        store: Store, instance: String, now: @escaping @Sendable () -> Date = { Date() }, hold: OfferHold = .standard
    ) {
        self.store = store
        self.instance = instance
        self.now = now
        self.hold = hold
    }

    /// Runs once; returns the offers that lapsed (none when another instance holds the lease).
    @discardableResult
    public func run(leaseFor duration: TimeInterval = 120) async throws -> [UUID] {
        let instant = now()
        guard try await store.acquireLease(Self.leaseName, holder: instance, at: instant, for: duration) else {
            return []
        }
        var lapsed: [UUID] = []
        for (offer, urgency) in try await store.openOffers()
        where hold.lapsesAt(offeredAt: offer.respondedAt, urgency: urgency) <= instant {
            let done = try await store.transaction { store in
                guard var referral = try await store.lockReferral(id: offer.referralID),
                    let fresh = try await store.response(id: offer.id), fresh.offerStatus == .open
                else { return false }
                try await store.setOfferStatus(.lapsed, ofResponse: offer.id)
                try await store.appendAudit(
                    AuditEntry(
                        by: nil, action: "offer.lapse", objectType: "home-response", objectID: offer.id.uuidString,
                        at: instant))
                let stillOpen = try await store.responses(toReferral: referral.id).contains { $0.offerStatus == .open }
                if !stillOpen, referral.state == .offered {
                    try referral.apply(.offersLapsed)
                    try await store.update(referral: referral)
                    try await store.appendAudit(
                        AuditEntry(
                            by: nil, action: "referral.\(ReferralEvent.offersLapsed.rawValue)", objectType: "referral",
                            objectID: referral.id.uuidString, at: instant))
                }
                return true
            }
            if done { lapsed.append(offer.id) }
        }
        return lapsed
    }
}
