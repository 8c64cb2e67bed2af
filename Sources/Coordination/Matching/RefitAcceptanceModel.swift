import Foundation
import SecurePlaceCore
import Storage

/// The background job that keeps the acceptance model fresh: once a day it is refitted on
/// every answer recorded. With several instances, only the one holding the job's lease fits.
public struct RefitAcceptanceModel: Sendable {
    public static let leaseName = "refit-acceptance-model"
    /// A model older than this is refitted.
    public static let refitAfter: TimeInterval = 24 * 3600

    public let store: Store
    public let instance: String
    public let now: @Sendable () -> Date

    public init(store: Store, instance: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.instance = instance
        self.now = now
    }

    /// Runs once; returns the new model's id, or nil when none was due, no answer has been
    /// recorded yet, or another instance holds the lease.
    @discardableResult
    public func run(leaseFor duration: TimeInterval = 600) async throws -> UUID? {
        let instant = now()
        if let latest = try await store.latestAcceptanceModel(),
            instant.timeIntervalSince(latest.fittedAt) < Self.refitAfter
        {
            return nil
        }
        guard try await !store.responses().isEmpty,
            try await store.acquireLease(Self.leaseName, holder: instance, at: instant, for: duration)
        else { return nil }
        // Asked again under the lease: another instance may have just refitted.
        if let latest = try await store.latestAcceptanceModel(),
            instant.timeIntervalSince(latest.fittedAt) < Self.refitAfter
        {
            return nil
        }
        return try await AcceptanceModels(store: store, now: now).fit(fittedBy: "the daily schedule").id
    }
}
