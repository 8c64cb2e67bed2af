import FluentKit

extension Migrations {
    /// Every migration, in the order they must run. Append; never reorder or edit one that
    /// has shipped.
    public func addSecurePlaceMigrations() {
        add(CreateReferenceData(), to: .secureplace)
        add(CreateOrganisationsAndUsers(), to: .secureplace)
        add(CreateHomesAndBeds(), to: .secureplace)
        add(CreateChildrenAndReferrals(), to: .secureplace)
        add(CreatePlacementsAndOutcomes(), to: .secureplace)
        add(CreateAuditTrail(), to: .secureplace)
        add(AddSignIn(), to: .secureplace)
        add(AddReferralJourney(), to: .secureplace)
        add(AddFollowUpsAndLeases(), to: .secureplace)
        add(AddPlanningRuns(), to: .secureplace)
        add(AddLinkageReviews(), to: .secureplace)
        add(AddCourtOrdersAndJourneyRules(), to: .secureplace)
        add(AddAcceptanceModels(), to: .secureplace)
        add(AddCapacityOverDates(), to: .secureplace)
        add(AddMatchingProfiles(), to: .secureplace)
        add(AddCirculationWaves(), to: .secureplace)
        add(AddReferralRoomNeeds(), to: .secureplace)
    }
}
