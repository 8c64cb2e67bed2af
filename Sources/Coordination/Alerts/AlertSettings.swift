import Foundation
import SecurePlaceCore
import Storage

/// The use cases of e-mail alerts that people act on: choosing what they receive, the record
/// of alerts sent, and failed deliveries.
public struct AlertSettings: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// The kinds a person's role receives, each with whether they receive it.
    public func choices(of principal: Principal) async throws -> [(kind: AlertKind, isOn: Bool)] {
        let off = try await store.alertOptOuts(ofUser: principal.userID)
        return AlertKind.kinds(for: principal.role).map { ($0, !off.contains($0)) }
    }

    /// Saves a person's choices: the kinds in `on` are sent to them, their role's others not.
    /// Codes that are not their role's are refused with the field at fault.
    public func save(on codes: [String], by principal: Principal) async throws {
        let mine = AlertKind.kinds(for: principal.role)
        var on: Set<AlertKind> = []
        for code in codes {
            guard let kind = AlertKind(rawValue: code), mine.contains(kind) else {
                throw InputErrors([InputError(field: "alerts", message: "'\(code)' is not one of your alerts.")])
            }
            on.insert(kind)
        }
        let off = Set(mine).subtracting(on)
        try await store.transaction { store in
            try await store.setAlertOptOuts(off, ofUser: principal.userID)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "alert-settings.update", objectType: "user",
                    objectID: principal.userID.uuidString, at: now()))
        }
    }

    /// One page of the alerts with one of `statuses` (all when empty), newest first: as the
    /// record of alerts sent, or as the administrators' list of failed deliveries to act on.
    public func alerts(
        withStatus statuses: Set<AlertDelivery.Status>, page: Int, size: Int, forDeliveryManagement: Bool = false,
        by principal: Principal
    ) async throws -> (alerts: [Alert], total: Int, attempts: [UUID: [AlertAttempt]]) {
        let decision =
            forDeliveryManagement
            ? AccessPolicy.mayManageAlertDelivery(principal) : AccessPolicy.mayViewSentAlerts(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        let found = try await store.alerts(
            withStatus: statuses, offset: PageNumber.offset(ofPage: page, size: size), limit: size)
        let attempts = try await store.attempts(ofAlerts: found.alerts.map(\.id))
        return (found.alerts, found.total, attempts)
    }

    /// An administrator sends a failed alert again: it goes back in the outbox, due now.
    public func retry(_ alertID: UUID, by principal: Principal) async throws {
        let decision = AccessPolicy.mayManageAlertDelivery(principal)
        guard decision == .allowed else { throw AccessDenied(decision: decision) }
        try await store.transaction { store in
            guard var alert = try await store.alert(id: alertID) else { throw AccessDenied(decision: .hidden) }
            guard alert.delivery.status == .failed else { return }
            alert.delivery.status = .pending
            alert.delivery.nextAttemptAt = now()
            try await store.reschedule(alert)
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "alert.retry", objectType: "alert", objectID: alertID.uuidString, at: now()))
        }
    }
}
