import Foundation
import SecurePlaceCore
import Storage

/// Writes the e-mails an event causes into the outbox, inside the event's own transaction:
/// if the change rolls back, so do its alerts, and nothing is sent for a change that did not
/// happen. The background sender (`SendAlerts`) delivers them.
public struct AlertOutbox: Sendable {
    /// The service's address as people reach it, for the link in each e-mail.
    public var serviceAddress: String

    public static let localDefault = AlertOutbox(serviceAddress: "http://localhost:8080")

    public init(serviceAddress: String) {
        self.serviceAddress = serviceAddress
    }

    /// Queues `content` for every active user of the kind's audience in the organisation with
    /// `organisationReference` (all organisations when nil) who has not switched it off.
    /// `event` names what happened, so the same event never queues a second e-mail to anyone.
    @discardableResult
    public func queue(
        _ content: AlertContent, event: String, to organisationReference: String?, at instant: Date, in store: Store
    ) async throws -> [Alert] {
        let recipients = try await store.recipients(
            roles: content.kind.audience, organisationReference: organisationReference)
        let body = content.body(baseURL: serviceAddress)
        let alerts = recipients.filter { !$0.optedOut.contains(content.kind) }.map { recipient in
            Alert(
                id: UUID(), kind: content.kind, recipientID: recipient.user.id, recipientAddress: recipient.user.email,
                subject: content.subject, body: body, referralID: content.referralID,
                key: "\(content.kind.rawValue)/\(event)/\(recipient.user.id.uuidString)", createdAt: instant)
        }
        return try await store.queue(alerts: alerts)
    }

    /// The content of `kind` about `referral`, with the child's pseudonym.
    func content(
        _ kind: AlertKind, about referral: Referral, homeName: String? = nil, dueAt: Date? = nil,
        timeLeft: TimeInterval? = nil, in store: Store
    ) async throws -> AlertContent {
        let pseudonym = try await store.child(id: referral.childID)?.pseudonym ?? "unknown"
        return AlertContent(
            kind: kind, referralID: referral.id, referralReference: referral.reference, childPseudonym: pseudonym,
            homeName: homeName, dueAt: dueAt, timeLeft: timeLeft)
    }

    /// Queues `kind` about `referral` (see `queue(_:event:to:at:in:)`).
    @discardableResult
    func queue(
        _ kind: AlertKind, about referral: Referral, event: String, to organisationReference: String?,
        homeName: String? = nil, dueAt: Date? = nil, timeLeft: TimeInterval? = nil, at instant: Date, in store: Store
    ) async throws -> [Alert] {
        let content = try await content(
            kind, about: referral, homeName: homeName, dueAt: dueAt, timeLeft: timeLeft, in: store)
        return try await queue(content, event: event, to: organisationReference, at: instant, in: store)
    }
}
