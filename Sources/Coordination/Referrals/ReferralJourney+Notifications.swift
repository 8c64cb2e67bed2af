import Foundation
import SecurePlaceCore
import Storage

extension ReferralJourney {
    /// A regulator marks a notification as read and acted on.
    public func acknowledge(notification id: UUID, by principal: Principal) async throws {
        try await store.transaction { store in
            guard let notification = try await store.notifications().first(where: { $0.id == id }) else {
                throw AccessDenied(decision: .hidden)
            }
            let decision = AccessPolicy.mayAcknowledgeNotification(principal, for: notification.regulator)
            guard decision == .allowed else { throw AccessDenied(decision: decision) }
            guard notification.acknowledgedAt == nil else { return }
            try await store.acknowledge(notification: id, at: now())
            try await store.appendAudit(
                AuditEntry(
                    by: principal, action: "notification.acknowledge", objectType: "regulator-notification",
                    objectID: id.uuidString, at: now()))
        }
    }

    /// The notifications as CSV, one row per notification, pseudonymised.
    public func notificationsCSV(by principal: Principal, isDemo: Bool) async throws -> String {
        let notifications = try await notifications(by: principal)
        var lines = [
            "notification_id,regulator,child_pseudonym,age_band,sex,local_authority_code,legal_basis,referred_at,closed_at,homes_approached,decline_reasons,alternative,acknowledged_at,date_needed,order_status,order_starts_on,order_ends_on,urgent_attention"
        ]
        let formatter = ISO8601DateFormatter()
        for notification in notifications {
            let reasons = notification.homesApproached.map { home in
                home.answered == false
                    ? "\(home.homeReference): no-answer"
                    : "\(home.homeReference): \(home.declineReasons.map(\.code).joined(separator: "+"))"
            }.joined(separator: "; ")
            let fields = [
                notification.id.uuidString, notification.regulator.rawValue, notification.childPseudonym,
                notification.ageBand.rawValue, notification.sex.rawValue, notification.localAuthorityCode,
                notification.legalBasis.code, formatter.string(from: notification.referredAt),
                formatter.string(from: notification.closedAt), "\(notification.homesApproached.count)", reasons,
                notification.alternative.code, notification.acknowledgedAt.map(formatter.string(from:)) ?? "",
                notification.dateNeeded?.iso ?? "", notification.courtOrder?.status.code ?? "",
                notification.courtOrder?.startsOn?.iso ?? "", notification.courtOrder?.endsOn?.iso ?? "",
                notification.urgentAttention ?? "",
            ]
            lines.append(fields.map(CSVField.escape).joined(separator: ","))
        }
        if isDemo { lines.append("# synthetic demo data") }
        return lines.joined(separator: "\n") + "\n"
    }
}
