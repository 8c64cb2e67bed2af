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

    public init(store: Store, instance: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.instance = instance
        self.now = now
    }

    /// Runs once; returns the referrals it escalated (none when another instance holds the lease).
    @discardableResult
    public func run(leaseFor duration: TimeInterval = 120) async throws -> [UUID] {
        let instant = now()
        guard try await store.acquireLease(Self.leaseName, holder: instance, at: instant, for: duration) else {
            return []
        }
        let overdue = try await store.overdueReferralIDs(at: instant)
        for id in overdue {
            try await store.transaction { store in
                guard var referral = try await store.referral(id: id), referral.escalatedAt == nil else { return }
                referral.escalatedAt = instant
                try await store.update(referral: referral)
                try await store.appendAudit(
                    AuditEntry(
                        by: nil, action: "referral.escalate", objectType: "referral", objectID: id.uuidString,
                        at: instant))
            }
        }
        return overdue
    }
}
