/// What someone may do, decided in one place for every adapter and every use case.
public enum AccessDecision: Hashable, Sendable {
    case allowed
    /// The principal may know the object exists but may not do this to it (HTTP 403).
    case forbidden
    /// The principal may not even learn that the object exists (HTTP 404).
    case hidden

    public var isAllowed: Bool { self == .allowed }
}

/// Something done to a referral.
public enum ReferralAction: String, Hashable, Sendable, CaseIterable {
    case view
    /// Read the child's name, date of birth and the authority's reference.
    case viewIdentity = "view-identity"
    case edit
    case requestApproval = "request-approval"
    case approve
    case submit
    case circulate
    case respond
    case acceptOffer = "accept-offer"
    case recordAdmission = "record-admission"
    case recordDischarge = "record-discharge"
    case closeUnplaced = "close-unplaced"
    case withdraw
    case escalate
    /// Record a court order (an application, an interim or full order) after the referral was made.
    case recordCourtOrder = "record-court-order"
    /// A home can no longer take the child after its offer was accepted.
    case recordFallThrough = "record-fall-through"
    /// See every home ranked for the child, and why the others are excluded.
    case viewRanking = "view-ranking"

    /// Whether the action writes to the referral (or its offers, beds and placement), so that
    /// it must hold the referral's lock.
    public var changesReferral: Bool { self != .view && self != .viewIdentity && self != .viewRanking }
}

/// The facts about a referral that access depends on.
public struct ReferralAccessFacts: Hashable, Sendable {
    public var localAuthorityCode: String
    /// References of the homes the referral was circulated to.
    public var circulatedTo: Set<String>
    /// References of the homes whose offer is open or accepted (not released, not fallen
    /// through).
    public var offeredBy: Set<String>
    /// The reference of the home holding the accepted offer or the placement, if any.
    public var placedWith: String?

    public init(
        localAuthorityCode: String, circulatedTo: Set<String> = [], offeredBy: Set<String> = [],
        placedWith: String? = nil
    ) {
        self.localAuthorityCode = localAuthorityCode
        self.circulatedTo = circulatedTo
        self.offeredBy = offeredBy
        self.placedWith = placedWith
    }
}

/// The one access policy: role *and* organisation, for every action on every object.
///
/// A referrer never sees another authority's child (and sees every referral of their own:
/// docs/decisions/0006); a home sees only referrals circulated to it, and the child's identity
/// only while its offer is open or accepted, or once the child is placed with it; analysts,
/// regulators and administrators never see a referral's identifiable record through these
/// actions.
public enum AccessPolicy {
    public static func decide(_ principal: Principal, _ action: ReferralAction, on referral: ReferralAccessFacts)
        -> AccessDecision
    {
        let ownAuthority = principal.localAuthorityCode == referral.localAuthorityCode
        let home = principal.homeReference
        let circulatedToOwnHome = home.map(referral.circulatedTo.contains) ?? false

        switch principal.role {
        case .referrer, .authorityManager:
            guard ownAuthority else { return .hidden }
            switch action {
            case .view, .viewIdentity, .edit, .requestApproval, .submit, .acceptOffer, .closeUnplaced, .withdraw,
                .recordCourtOrder:
                return .allowed
            case .approve:
                return principal.role == .authorityManager ? .allowed : .forbidden
            case .circulate, .respond, .recordAdmission, .recordDischarge, .escalate, .recordFallThrough,
                .viewRanking:
                return .forbidden
            }
        case .homeManager:
            guard circulatedToOwnHome else { return .hidden }
            switch action {
            case .view, .respond:
                return .allowed
            case .viewIdentity:
                // Only while its offer stands, or once the child is (or was) in its care.
                return home.map(referral.offeredBy.contains) == true || referral.placedWith == home
                    ? .allowed : .forbidden
            case .recordAdmission, .recordDischarge, .recordFallThrough:
                return referral.placedWith == home ? .allowed : .forbidden
            case .edit, .requestApproval, .approve, .submit, .circulate, .acceptOffer, .closeUnplaced, .withdraw,
                .escalate, .recordCourtOrder, .viewRanking:
                return .forbidden
            }
        case .coordinator:
            switch action {
            case .view, .viewIdentity, .circulate, .closeUnplaced, .withdraw, .escalate, .viewRanking:
                return .allowed
            case .edit, .requestApproval, .approve, .submit, .respond, .acceptOffer, .recordAdmission,
                .recordDischarge, .recordCourtOrder, .recordFallThrough:
                return .forbidden
            }
        case .regulator, .analyst, .admin:
            return .hidden
        }
    }

    /// Whether the principal may start a referral for an authority's child.
    public static func mayCreateReferral(_ principal: Principal, forAuthority code: String) -> AccessDecision {
        switch principal.role {
        case .referrer, .authorityManager: principal.localAuthorityCode == code ? .allowed : .forbidden
        default: .forbidden
        }
    }

    /// Accounts and organisations are the administrators' alone.
    public static func mayManageUsers(_ principal: Principal) -> AccessDecision {
        principal.role == .admin ? .allowed : .forbidden
    }
}
