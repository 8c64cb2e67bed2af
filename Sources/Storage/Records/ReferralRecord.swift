import FluentKit
import Foundation
import SecurePlaceCore

final class ReferralRecord: Model, @unchecked Sendable {
    static let schema = "referrals"

    @ID(key: .id) var id: UUID?
    @Field(key: "reference") var reference: String
    @Field(key: "child_id") var childID: UUID
    @Field(key: "local_authority_code") var localAuthorityCode: String
    @Field(key: "age_at_referral") var ageAtReferral: Int
    @Field(key: "legal_basis") var legalBasis: String
    @Field(key: "order_status") var orderStatus: String
    @OptionalField(key: "order_starts_on") var orderStartsOn: String?
    @OptionalField(key: "order_ends_on") var orderEndsOn: String?
    @Field(key: "urgency") var urgency: String
    @Field(key: "date_needed") var dateNeeded: String
    @Field(key: "summary") var summary: String
    @Field(key: "state") var state: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "alternative") var alternative: String?
    @OptionalField(key: "withdrawal_reason") var withdrawalReason: String?
    @OptionalField(key: "unplaced_location") var unplacedLocation: String?
    @OptionalField(key: "ministerial_approval_on") var ministerialApprovalOn: String?
    @OptionalField(key: "escalated_at") var escalatedAt: Date?
    @OptionalField(key: "order_is_renewal") var orderIsRenewal: Bool?
    @OptionalField(key: "ministerial_approval_recorded_by") var ministerialApprovalRecordedBy: UUID?
    @OptionalField(key: "room_needs") var roomNeeds: String?

    init() {}

    init(_ referral: Referral) {
        id = referral.id
        reference = referral.reference
        childID = referral.childID
        localAuthorityCode = referral.localAuthorityCode
        ageAtReferral = referral.ageAtReferral
        legalBasis = referral.legalBasis.rawValue
        orderStatus = referral.courtOrder.status.rawValue
        orderStartsOn = referral.courtOrder.startsOn?.iso
        orderEndsOn = referral.courtOrder.endsOn?.iso
        urgency = referral.urgency.rawValue
        dateNeeded = referral.dateNeeded.iso
        summary = referral.summary
        state = referral.state.rawValue
        createdAt = referral.createdAt
        submittedAt = referral.submittedAt
        closedAt = referral.closedAt
        alternative = referral.alternative?.rawValue
        withdrawalReason = referral.withdrawalReason
        unplacedLocation = referral.unplacedLocation
        ministerialApprovalOn = referral.ministerialApprovalOn?.iso
        escalatedAt = referral.escalatedAt
        orderIsRenewal = referral.courtOrder.isRenewal
        ministerialApprovalRecordedBy = referral.ministerialApprovalRecordedBy
        roomNeeds =
            referral.roomNeeds.isEmpty ? nil : referral.roomNeeds.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// Copies every changeable field from a referral onto this stored row.
    func update(from referral: Referral) {
        let fresh = ReferralRecord(referral)
        state = fresh.state
        legalBasis = fresh.legalBasis
        orderStatus = fresh.orderStatus
        urgency = fresh.urgency
        dateNeeded = fresh.dateNeeded
        summary = fresh.summary
        ageAtReferral = fresh.ageAtReferral
        orderStartsOn = fresh.orderStartsOn
        orderEndsOn = fresh.orderEndsOn
        submittedAt = fresh.submittedAt
        closedAt = fresh.closedAt
        alternative = fresh.alternative
        withdrawalReason = fresh.withdrawalReason
        unplacedLocation = fresh.unplacedLocation
        ministerialApprovalOn = fresh.ministerialApprovalOn
        escalatedAt = fresh.escalatedAt
        orderIsRenewal = fresh.orderIsRenewal
        ministerialApprovalRecordedBy = fresh.ministerialApprovalRecordedBy
        roomNeeds = fresh.roomNeeds
    }

    func value() throws -> Referral {
        return Referral(
            id: try requireID(), reference: reference, childID: childID, localAuthorityCode: localAuthorityCode,
            ageAtReferral: ageAtReferral, legalBasis: try decodeCode(LegalBasis.self, legalBasis, list: "legal basis"),
            courtOrder: CourtOrder(
                status: try decodeCode(CourtOrderStatus.self, orderStatus, list: "court order status"),
                startsOn: try decodeDay(orderStartsOn), endsOn: try decodeDay(orderEndsOn),
                isRenewal: orderIsRenewal ?? false),
            urgency: try decodeCode(Urgency.self, urgency, list: "urgency"), dateNeeded: try decodeDay(dateNeeded)!,
            roomNeeds: Set(
                try (roomNeeds ?? "").split(separator: ",").map {
                    try decodeCode(RoomFeature.self, String($0), list: "room feature")
                }),
            summary: summary, state: try decodeCode(ReferralState.self, state, list: "referral state"),
            createdAt: createdAt, submittedAt: submittedAt, closedAt: closedAt,
            alternative: try alternative.map { try decodeCode(AlternativeAccommodation.self, $0, list: "alternative") },
            withdrawalReason: withdrawalReason, unplacedLocation: unplacedLocation,
            ministerialApprovalOn: try decodeDay(ministerialApprovalOn),
            ministerialApprovalRecordedBy: ministerialApprovalRecordedBy, escalatedAt: escalatedAt)
    }
}
