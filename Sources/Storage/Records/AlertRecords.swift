import FluentKit
import Foundation
import SecurePlaceCore

/// The outbox: one row per e-mail to one person.
final class AlertRecord: Model, @unchecked Sendable {
    static let schema = "alert_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "recipient_id") var recipientID: UUID
    @Field(key: "recipient_address") var recipientAddress: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @OptionalField(key: "referral_id") var referralID: UUID?
    @Field(key: "alert_key") var key: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "last_error") var lastError: String?

    init() {}

    init(_ alert: Alert) {
        id = alert.id
        kind = alert.kind.rawValue
        recipientID = alert.recipientID
        recipientAddress = alert.recipientAddress
        subject = alert.subject
        body = alert.body
        referralID = alert.referralID
        key = alert.key
        createdAt = alert.createdAt
        set(alert.delivery)
    }

    func set(_ delivery: AlertDelivery) {
        status = delivery.status.rawValue
        attempts = delivery.attempts
        nextAttemptAt = delivery.nextAttemptAt
        sentAt = delivery.sentAt
        lastError = delivery.lastError
    }

    func value() throws -> Alert {
        Alert(
            id: try requireID(), kind: try decodeCode(AlertKind.self, kind, list: "alert kind"),
            recipientID: recipientID, recipientAddress: recipientAddress,
            subject: subject, body: body, referralID: referralID, key: key, createdAt: createdAt,
            delivery: AlertDelivery(
                status: try decodeCode(AlertDelivery.Status.self, status, list: "alert delivery status"),
                attempts: attempts, nextAttemptAt: nextAttemptAt, sentAt: sentAt,
                lastError: lastError))
    }
}

/// Each try at delivering an alert.
final class AlertAttemptRecord: Model, @unchecked Sendable {
    static let schema = "alert_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "alert_id") var alertID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "detail") var detail: String

    init() {}

    init(_ attempt: AlertAttempt) {
        id = UUID()
        alertID = attempt.alertID
        at = attempt.at
        succeeded = attempt.succeeded
        detail = attempt.detail
    }

    func value() -> AlertAttempt {
        AlertAttempt(alertID: alertID, at: at, succeeded: succeeded, detail: detail)
    }
}

/// An alert a person has switched off; every kind without a row is on.
final class AlertOptOutRecord: Model, @unchecked Sendable {
    static let schema = "alert_opt_outs"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: String

    init() {}

    init(userID: UUID, kind: AlertKind) {
        id = UUID()
        self.userID = userID
        self.kind = kind.rawValue
    }
}
