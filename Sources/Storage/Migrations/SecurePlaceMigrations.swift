import FluentKit

/// Every migration, in the order they must run. Append; never reorder or edit one that has
/// shipped.
let secureplaceMigrations: [any Migration] = [
    CreateReferenceData(),
    CreateOrganisationsAndUsers(),
    CreateHomesAndBeds(),
    CreateChildrenAndReferrals(),
    CreatePlacementsAndOutcomes(),
    CreateAuditTrail(),
    AddSignIn(),
    AddReferralJourney(),
    AddFollowUpsAndLeases(),
    AddPlanningRuns(),
    AddLinkageReviews(),
    AddCourtOrdersAndJourneyRules(),
    AddAcceptanceModels(),
    AddCapacityOverDates(),
    AddMatchingProfiles(),
    AddCirculationWaves(),
    AddReferralRoomNeeds(),
    AddReferenceCounters(),
    CorrectPlacementChangeReasons(),
    AddLookedAfterReturns(),
    AddAlertOutbox(),
]

extension Migrations {
    public func addSecurePlaceMigrations() {
        add(secureplaceMigrations, to: .secureplace)
    }
}
