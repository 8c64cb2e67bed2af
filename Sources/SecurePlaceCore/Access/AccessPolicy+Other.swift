/// The policy for everything that is not one referral: lists, beds, notifications, follow-ups.
extension AccessPolicy {
    /// Lists of referrals: each sees their own slice; regulators, analysts and administrators none.
    public static func mayListReferrals(_ principal: Principal) -> AccessDecision {
        switch principal.role {
        case .referrer, .authorityManager, .homeManager, .coordinator: .allowed
        case .regulator, .analyst, .admin: .forbidden
        }
    }

    /// Only a home's own managers close, reopen and confirm its beds.
    public static func mayManageBeds(_ principal: Principal, ofHome homeReference: String) -> AccessDecision {
        principal.role == .homeManager && principal.homeReference == homeReference ? .allowed : .forbidden
    }

    /// Capacity planning works on pseudonymous history only: analysts and the coordinators.
    public static func mayPlanCapacity(_ principal: Principal) -> AccessDecision {
        [.analyst, .coordinator].contains(principal.role) ? .allowed : .forbidden
    }

    /// Clerical review of uncertain linkage pairs is part of a linkage study: analysts only,
    /// and the page shows them masked values, never names.
    public static func mayReviewLinkage(_ principal: Principal) -> AccessDecision {
        principal.role == .analyst ? .allowed : .forbidden
    }

    /// Who has an inbox of notifications at all.
    public static func mayListNotifications(_ principal: Principal) -> AccessDecision {
        [.regulator, .coordinator].contains(principal.role) ? .allowed : .forbidden
    }

    /// Who has a follow-up list at all.
    public static func mayListFollowUps(_ principal: Principal) -> AccessDecision {
        [.referrer, .authorityManager, .coordinator].contains(principal.role) ? .allowed : .forbidden
    }

    /// Notifications of unplaced children: a regulator sees its own country's, coordinators all.
    public static func mayReadNotification(_ principal: Principal, for regulator: Regulator) -> AccessDecision {
        switch principal.role {
        case .coordinator: .allowed
        case .regulator: principal.organisation.reference == regulator.rawValue ? .allowed : .hidden
        default: .forbidden
        }
    }

    /// Only the notified regulator acknowledges a notification.
    public static func mayAcknowledgeNotification(_ principal: Principal, for regulator: Regulator) -> AccessDecision {
        principal.role == .regulator && principal.organisation.reference == regulator.rawValue ? .allowed : .hidden
    }

    /// Follow-ups: the authority's own staff record them; coordinators may read them all.
    public static func mayReadFollowUps(_ principal: Principal, ofAuthority code: String) -> AccessDecision {
        switch principal.role {
        case .coordinator: .allowed
        case .referrer, .authorityManager: principal.localAuthorityCode == code ? .allowed : .hidden
        default: .forbidden
        }
    }

    public static func mayRecordFollowUp(_ principal: Principal, ofAuthority code: String) -> AccessDecision {
        [.referrer, .authorityManager].contains(principal.role) && principal.localAuthorityCode == code
            ? .allowed : .hidden
    }

    /// The warning list of children held without a court order is the coordinators'.
    public static func mayViewPlacementsWithoutOrder(_ principal: Principal) -> AccessDecision {
        principal.role == .coordinator ? .allowed : .forbidden
    }

    /// National allocation rounds weigh every open referral against every bed: coordinators only.
    public static func mayRunAllocation(_ principal: Principal) -> AccessDecision {
        principal.role == .coordinator ? .allowed : .forbidden
    }

    /// The acceptance model's report (pseudonymous history, coefficients by home): analysts
    /// and coordinators; analysts and coordinators may refit it.
    public static func mayViewAcceptanceModel(_ principal: Principal) -> AccessDecision {
        [.analyst, .coordinator].contains(principal.role) ? .allowed : .forbidden
    }

    /// The list of children at risk of no offer is for the coordinators who act on it.
    public static func mayViewChildrenAtRisk(_ principal: Principal) -> AccessDecision {
        principal.role == .coordinator ? .allowed : .forbidden
    }

    /// Every home's out-of-service records with the bed-days lost, as a CSV: coordinators.
    public static func mayExportOutages(_ principal: Principal) -> AccessDecision {
        principal.role == .coordinator ? .allowed : .forbidden
    }

    /// Statistics with exact small counts, before disclosure control: analysts only, a
    /// permission apart from any other, as government services keep reports that could identify
    /// a child apart from the rest. Everyone, signed in or not, may read the protected tables.
    public static func mayViewExactStatistics(_ principal: Principal) -> AccessDecision {
        principal.role == .analyst ? .allowed : .forbidden
    }
}
