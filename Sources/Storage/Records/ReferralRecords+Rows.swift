import FluentKit
import Foundation
import SQLKit
import SecurePlaceCore

// A submission, the referral lists and the background jobs read referrals, children and
// placements by the hundred; Fluent's reflection over each model's properties was most of a
// submission's time. These read the same columns straight from the rows (see
// HomeRecords+Rows.swift).

extension ReferralRecord {
    static let columns = [
        "id", "reference", "child_id", "local_authority_code", "age_at_referral", "legal_basis", "order_status",
        "order_starts_on", "order_ends_on", "urgency", "date_needed", "summary", "state", "created_at",
        "submitted_at", "closed_at", "alternative", "withdrawal_reason", "unplaced_location",
        "ministerial_approval_on", "escalated_at", "order_is_renewal", "ministerial_approval_recorded_by",
        "room_needs",
    ]

    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        reference = try row.decode(column: "reference", as: String.self)
        childID = try row.decode(column: "child_id", as: UUID.self)
        localAuthorityCode = try row.decode(column: "local_authority_code", as: String.self)
        ageAtReferral = try row.decode(column: "age_at_referral", as: Int.self)
        legalBasis = try row.decode(column: "legal_basis", as: String.self)
        orderStatus = try row.decode(column: "order_status", as: String.self)
        orderStartsOn = try row.decode(column: "order_starts_on", as: String?.self)
        orderEndsOn = try row.decode(column: "order_ends_on", as: String?.self)
        urgency = try row.decode(column: "urgency", as: String.self)
        dateNeeded = try row.decode(column: "date_needed", as: String.self)
        summary = try row.decode(column: "summary", as: String.self)
        state = try row.decode(column: "state", as: String.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        submittedAt = try row.decode(column: "submitted_at", as: Date?.self)
        closedAt = try row.decode(column: "closed_at", as: Date?.self)
        alternative = try row.decode(column: "alternative", as: String?.self)
        withdrawalReason = try row.decode(column: "withdrawal_reason", as: String?.self)
        unplacedLocation = try row.decode(column: "unplaced_location", as: String?.self)
        ministerialApprovalOn = try row.decode(column: "ministerial_approval_on", as: String?.self)
        escalatedAt = try row.decode(column: "escalated_at", as: Date?.self)
        orderIsRenewal = try row.decode(column: "order_is_renewal", as: Bool?.self)
        ministerialApprovalRecordedBy = try row.decode(column: "ministerial_approval_recorded_by", as: UUID?.self)
        roomNeeds = try row.decode(column: "room_needs", as: String?.self)
    }
}

extension ChildRecord {
    static let columns = ["id", "pseudonym", "sex", "local_authority_code", "flags"]

    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        pseudonym = try row.decode(column: "pseudonym", as: String.self)
        sex = try row.decode(column: "sex", as: String.self)
        localAuthorityCode = try row.decode(column: "local_authority_code", as: String.self)
        flags = try row.decode(column: "flags", as: String.self)
    }
}

extension PlacementRecord {
    static let columns = [
        "id", "referral_id", "child_id", "home_id", "bed_id", "admitted_at", "discharged_at", "end_reason",
        "expected_discharge_on",
    ]

    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        referralID = try row.decode(column: "referral_id", as: UUID.self)
        childID = try row.decode(column: "child_id", as: UUID.self)
        homeID = try row.decode(column: "home_id", as: UUID.self)
        bedID = try row.decode(column: "bed_id", as: UUID.self)
        admittedAt = try row.decode(column: "admitted_at", as: Date.self)
        dischargedAt = try row.decode(column: "discharged_at", as: Date?.self)
        endReason = try row.decode(column: "end_reason", as: String?.self)
        expectedDischargeOn = try row.decode(column: "expected_discharge_on", as: String?.self)
    }
}

extension Store {
    /// Referrals read straight from their rows; `filter` narrows and orders the select.
    func referralRows(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> [Referral] {
        try await filter(select(ReferralRecord.columns, from: ReferralRecord.schema)).all()
            .map { try ReferralRecord(row: $0).value() }
    }

    func childRows(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> [Child] {
        try await filter(select(ChildRecord.columns, from: ChildRecord.schema)).all()
            .map { try ChildRecord(row: $0).value() }
    }

    func placementRows(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> [Placement] {
        try await filter(select(PlacementRecord.columns, from: PlacementRecord.schema)).all()
            .map { try PlacementRecord(row: $0).value() }
    }
}
