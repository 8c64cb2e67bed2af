import Foundation
import SecurePlaceCore

/// One referral as the statistics see it: the child's profile and the referral's course, with
/// no name, date of birth or free text.
public struct CohortReferral: Hashable, Sendable, Codable {
    /// Where a referral stands at the date the figures are made.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case placed
        case closedUnplaced = "closed-unplaced"
        case withdrawn
        case open

        public var name: String {
            switch self {
            case .placed: "Placed"
            case .closedUnplaced: "Closed unplaced"
            case .withdrawn: "Withdrawn"
            case .open: "Still open"
            }
        }

        public init(_ state: ReferralState) {
            switch state {
            case .placed: self = .placed
            case .closedUnplaced: self = .closedUnplaced
            case .withdrawn: self = .withdrawn
            default: self = .open
            }
        }
    }

    public var submittedAt: Date
    public var regionCode: String
    public var localAuthorityCode: String
    public var legalBasis: LegalBasis
    public var urgency: Urgency
    public var sex: Sex
    public var ageAtReferral: Int
    public var flags: Set<NeedFlag>
    public var outcome: Outcome
    public var firstOfferAt: Date?
    /// Admission, for a placed referral.
    public var placedAt: Date?
    /// Closure unplaced or withdrawal.
    public var closedAt: Date?
    /// Every home the referral went to, whether it answered or not.
    public var homesApproached: Int
    public var kilometresFromHome: Double?
    public var alternative: AlternativeAccommodation?
    /// Every home the referral went to or that answered it, with its answer.
    public var approaches: [HomeApproach]
    /// For a placed child, the hours held without a court order in the first 28 days of the
    /// placement (the 72-hour rule's window); nil for a referral not placed.
    public var hoursWithoutOrder: Double?
    /// As the child's authority's SSDA903 return records it, where one has been imported.
    public var ethnicity: Ethnicity?
    /// The authority's recorded follow-up checks on the child after this referral; none for a
    /// child followed through an imported SSDA903 return, which records the same year in full.
    public var followUpChecks: [FollowUpCheck]

    public init(
        submittedAt: Date, regionCode: String, localAuthorityCode: String, legalBasis: LegalBasis, urgency: Urgency,
        sex: Sex, ageAtReferral: Int, flags: Set<NeedFlag>, outcome: Outcome, firstOfferAt: Date? = nil,
        placedAt: Date? = nil, closedAt: Date? = nil, homesApproached: Int = 0, kilometresFromHome: Double? = nil,
        alternative: AlternativeAccommodation? = nil, approaches: [HomeApproach] = [], hoursWithoutOrder: Double? = nil,
        ethnicity: Ethnicity? = nil, followUpChecks: [FollowUpCheck] = []
    ) {
        self.submittedAt = submittedAt
        self.regionCode = regionCode
        self.localAuthorityCode = localAuthorityCode
        self.legalBasis = legalBasis
        self.urgency = urgency
        self.sex = sex
        self.ageAtReferral = ageAtReferral
        self.flags = flags
        self.outcome = outcome
        self.firstOfferAt = firstOfferAt
        self.placedAt = placedAt
        self.closedAt = closedAt
        self.homesApproached = homesApproached
        self.kilometresFromHome = kilometresFromHome
        self.alternative = alternative
        self.approaches = approaches
        self.hoursWithoutOrder = hoursWithoutOrder
        self.ethnicity = ethnicity
        self.followUpChecks = followUpChecks
    }

    public var ageBand: AgeBand { AgeBand(age: ageAtReferral) }

    /// The children the national study found refused most often: boys of 15 or over with an
    /// offending, gang or harmful-sexual-behaviour flag.
    public var isOlderBoyWithRefusalFlag: Bool {
        sex == .male && ageAtReferral >= 15 && !flags.isDisjoint(with: NeedFlag.associatedWithRefusal)
    }

    /// Decided: placed or closed unplaced. Shares of children left unplaced are taken among
    /// these, so a withdrawal or a referral still open counts for neither side.
    public var isDecided: Bool { outcome == .placed || outcome == .closedUnplaced }

    /// When it was decided: admission for a referral placed, closure for one closed unplaced;
    /// nil for one withdrawn or still open.
    public var decidedAt: Date? {
        switch outcome {
        case .placed: placedAt
        case .closedUnplaced: closedAt
        case .withdrawn, .open: nil
        }
    }
}
