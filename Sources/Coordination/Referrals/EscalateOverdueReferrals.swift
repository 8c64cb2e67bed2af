import Foundation
import SecurePlaceCore
import Storage

/// The background job: referrals whose homes have not answered by the deadline are marked
/// overdue and escalated to the coordinators. With several instances, only the one holding
/// the job's lease runs it.
public struct EscalateOverdueReferrals: Sendable {
    public static let leaseName = "escalate-overdue-referrals"

    public let store: Store
    /// This instance's name, for the lease.
    public let instance: String
    public let now: @Sendable () -> Date
    public let alerts: AlertOutbox?

    public init(
        store: Store, instance: String, now: @escaping @Sendable () -> Date = { Date() },
        alerts: AlertOutbox? = .localDefault
    ) {
        self.store = store
        self.instance = instance
        self.now = now
        self.alerts = alerts
    }

    /// Runs once; returns the referrals it escalated (none when another instance holds the lease).
    @discardableResult
    public func run(leaseFor duration: TimeInterval = 120) async throws -> [UUID] {
        let instant = now()
        guard try await store.acquireLease(Self.leaseName, holder: instance, at: instant, for: duration) else {
            return []
        }
        var escalated: [UUID] = []
        for id in try await store.overdueReferralIDs(at: instant) {
            let done = try await store.transaction { store in
                // Under the referral's lock, and asked again: an accept or a withdrawal may
                // have moved it on, and its whole row is written back.
                guard var referral = try await store.lockReferral(id: id),
                    try await store.overdueReferralIDs(at: instant, among: [id]) == [id]
                else { return false }
                referral.escalatedAt = instant
                try await store.update(referral: referral)
                try await store.appendAudit(
                    AuditEntry(
                        by: nil, action: "referral.escalate", objectType: "referral", objectID: id.uuidString,
                        at: instant))
                // The authority hears it has been escalated; the coordinators that it is overdue.
                let event = "\(id.uuidString)/\(Int(instant.timeIntervalSince1970))"
                try await alerts?.queue(
                    .referralEscalated, about: referral, event: event, to: referral.localAuthorityCode, at: instant,
                    in: store)
                try await alerts?.queue(
                    .referralOverdue, about: referral, event: event, to: nil, at: instant, in: store)
                return true
            }
            if done { escalated.append(id) }
        }
        return escalated
    }
}
