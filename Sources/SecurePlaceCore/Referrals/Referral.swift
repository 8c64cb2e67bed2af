import Foundation

/// A local authority's request for a secure bed for one child.
public struct Referral: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    /// A short human reference such as `R-2026-00412`.
    public var reference: String
    public var childID: UUID
    public var localAuthorityCode: String
    /// The child's age in whole years on the date the bed is needed (recomputed at submission
    /// and circulation); eligibility, matching and statistics use it so that they never need
    /// the date of birth.
    public var ageAtReferral: Int
    public var legalBasis: LegalBasis
    public var courtOrder: CourtOrder
    public var urgency: Urgency
    public var dateNeeded: CalendarDate
    /// What the child's room must have (a step-free room for a child who uses a wheelchair):
    /// a home without a vacant bed in such a room cannot take the child.
    public var roomNeeds: Set<RoomFeature>
    public var summary: String
    public var state: ReferralState
    public var createdAt: Date
    public var submittedAt: Date?
    public var closedAt: Date?
    /// Where the child went when no secure bed was found.
    public var alternative: AlternativeAccommodation?
    public var withdrawalReason: String?
    /// Where the child is when closed unplaced (a description, not an address).
    public var unplacedLocation: String?
    /// For a child under 13: the day the Secretary of State (in Wales, the Welsh Ministers)
    /// approved the placement.
    public var ministerialApprovalOn: CalendarDate?
    /// The user who recorded the approval.
    public var ministerialApprovalRecordedBy: UUID?
    /// When the coordinators were told that homes had not answered in time.
    public var escalatedAt: Date?

    public init(
        id: UUID, reference: String, childID: UUID, localAuthorityCode: String, ageAtReferral: Int,
        legalBasis: LegalBasis, courtOrder: CourtOrder, urgency: Urgency, dateNeeded: CalendarDate,
        roomNeeds: Set<RoomFeature> = [], summary: String, state: ReferralState = .draft, createdAt: Date,
        submittedAt: Date? = nil,
        closedAt: Date? = nil, alternative: AlternativeAccommodation? = nil, withdrawalReason: String? = nil,
        unplacedLocation: String? = nil, ministerialApprovalOn: CalendarDate? = nil,
        ministerialApprovalRecordedBy: UUID? = nil, escalatedAt: Date? = nil
    ) {
        self.id = id
        self.reference = reference
        self.childID = childID
        self.localAuthorityCode = localAuthorityCode
        self.ageAtReferral = ageAtReferral
        self.legalBasis = legalBasis
        self.courtOrder = courtOrder
        self.urgency = urgency
        self.dateNeeded = dateNeeded
        self.roomNeeds = roomNeeds
        self.summary = summary
        self.state = state
        self.createdAt = createdAt
        self.submittedAt = submittedAt
        self.closedAt = closedAt
        self.alternative = alternative
        self.withdrawalReason = withdrawalReason
        self.unplacedLocation = unplacedLocation
        self.ministerialApprovalOn = ministerialApprovalOn
        self.ministerialApprovalRecordedBy = ministerialApprovalRecordedBy
        self.escalatedAt = escalatedAt
    }

    /// A child under 13 may not be placed without ministerial approval (reg 4, 1991 Regulations).
    public var needsMinisterialApproval: Bool { ageAtReferral < 13 && ministerialApprovalOn == nil }

    public var ageBand: AgeBand { AgeBand(age: ageAtReferral) }

    /// Applies an event through the state machine; the referral is unchanged on error.
    public mutating func apply(_ event: ReferralEvent) throws(ReferralTransitionError) {
        state = try state.after(event)
    }
}
