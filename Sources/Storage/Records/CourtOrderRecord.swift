import FluentKit
import Foundation
import SecurePlaceCore

final class CourtOrderRecord: Model, @unchecked Sendable {
    static let schema = "court_orders"

    @ID(key: .id) var id: UUID?
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "child_id") var childID: UUID
    @Field(key: "status") var status: String
    @OptionalField(key: "starts_on") var startsOn: String?
    @OptionalField(key: "ends_on") var endsOn: String?
    @Field(key: "is_renewal") var isRenewal: Bool
    @Field(key: "recorded_at") var recordedAt: Date
    @OptionalField(key: "recorded_by") var recordedBy: UUID?

    init() {}

    init(_ recorded: RecordedCourtOrder) {
        id = recorded.id
        referralID = recorded.referralID
        childID = recorded.childID
        status = recorded.order.status.rawValue
        startsOn = recorded.order.startsOn?.iso
        endsOn = recorded.order.endsOn?.iso
        isRenewal = recorded.order.isRenewal
        recordedAt = recorded.recordedAt
        recordedBy = recorded.recordedBy
    }

    func value() throws -> RecordedCourtOrder {
        return RecordedCourtOrder(
            id: try requireID(), referralID: referralID, childID: childID,
            order: CourtOrder(
                status: try decodeCode(CourtOrderStatus.self, status, list: "court order status"),
                startsOn: try decodeDay(startsOn), endsOn: try decodeDay(endsOn), isRenewal: isRenewal),
            recordedAt: recordedAt, recordedBy: recordedBy)
    }
}
