import FluentKit
import Foundation
import SecurePlaceCore

/// The notification is stored whole as JSON, exactly as it was sent, beside the columns the
/// regulator's inbox filters on.
final class RegulatorNotificationRecord: Model, @unchecked Sendable {
    static let schema = "regulator_notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "regulator") var regulator: String
    @Field(key: "local_authority_code") var localAuthorityCode: String
    @Field(key: "closed_at") var closedAt: Date
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?
    @Field(key: "content") var content: String
    @OptionalField(key: "needs_urgent_attention") var needsUrgentAttention: Bool?

    init() {}

    init(_ notification: RegulatorNotification) throws {
        id = notification.id
        referralID = notification.referralID
        regulator = notification.regulator.rawValue
        localAuthorityCode = notification.localAuthorityCode
        closedAt = notification.closedAt
        acknowledgedAt = notification.acknowledgedAt
        needsUrgentAttention = notification.needsUrgentAttention
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        content = String(decoding: try encoder.encode(notification), as: UTF8.self)
    }

    func value() throws -> RegulatorNotification {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var notification = try decoder.decode(RegulatorNotification.self, from: Data(content.utf8))
        notification.acknowledgedAt = acknowledgedAt
        return notification
    }
}
