import Foundation

/// One e-mail to one person, written to the outbox in the same transaction as the change
/// that caused it and delivered later by the sender.
public struct Alert: Hashable, Sendable, Identifiable {
    public var id: UUID
    public var kind: AlertKind
    public var recipientID: UUID
    public var recipientAddress: String
    public var subject: String
    public var body: String
    public var referralID: UUID?
    /// Makes the alert once only: the same event never queues a second e-mail to the same person.
    public var key: String
    public var createdAt: Date
    public var delivery: AlertDelivery

    public init(
        id: UUID, kind: AlertKind, recipientID: UUID, recipientAddress: String, subject: String, body: String,
        referralID: UUID?, key: String, createdAt: Date, delivery: AlertDelivery? = nil
    ) {
        self.id = id
        self.kind = kind
        self.recipientID = recipientID
        self.recipientAddress = recipientAddress
        self.subject = subject
        self.body = body
        self.referralID = referralID
        self.key = key
        self.createdAt = createdAt
        self.delivery = delivery ?? AlertDelivery(status: .pending, attempts: 0, nextAttemptAt: createdAt)
    }
}

/// Where an alert's delivery stands.
public struct AlertDelivery: Hashable, Sendable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Waiting to be sent, or to be tried again.
        case pending
        case sent
        /// Given up: the mail server refused it for good, or every retry failed.
        case failed
    }

    public var status: Status
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var sentAt: Date?
    /// What the mail server (or the connection) said at the last failed attempt.
    public var lastError: String?

    public init(
        status: Status, attempts: Int, nextAttemptAt: Date?, sentAt: Date? = nil, lastError: String? = nil
    ) {
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.sentAt = sentAt
        self.lastError = lastError
    }
}

/// One try at delivering an alert, as recorded.
public struct AlertAttempt: Hashable, Sendable {
    public var alertID: UUID
    public var at: Date
    public var succeeded: Bool
    public var detail: String

    public init(alertID: UUID, at: Date, succeeded: Bool, detail: String) {
        self.alertID = alertID
        self.at = at
        self.succeeded = succeeded
        self.detail = detail
    }
}
