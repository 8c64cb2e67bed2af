/// One row of an authority's SSDA903 episodes file: a period with one legal status and one
/// placement. `childReference` is the authority's own CHILD identifier.
public struct LookedAfterEpisode: Hashable, Codable, Sendable {
    public var childReference: String
    public var startedOn: CalendarDate
    public var reasonForNewEpisode: ReasonForNewEpisode
    public var legalStatus: LegalStatus
    public var categoryOfNeed: CategoryOfNeed
    public var placement: PlacementType
    public var provider: PlacementProvider?
    public var endedOn: CalendarDate?
    public var reasonCeased: ReasonEpisodeCeased?
    public var reasonPlacementChanged: PlacementChangeReason?
    /// The first half of the child's home postcode and the placement's (the return holds no
    /// more than the outward code and a sector digit).
    public var homePostcode: String?
    public var placementPostcode: String?
    /// The regulator's unique reference number of the home, for a placement in one.
    public var homeReference: String?

    public init(
        childReference: String, startedOn: CalendarDate, reasonForNewEpisode: ReasonForNewEpisode,
        legalStatus: LegalStatus, categoryOfNeed: CategoryOfNeed, placement: PlacementType,
        provider: PlacementProvider? = nil, endedOn: CalendarDate? = nil, reasonCeased: ReasonEpisodeCeased? = nil,
        reasonPlacementChanged: PlacementChangeReason? = nil, homePostcode: String? = nil,
        placementPostcode: String? = nil, homeReference: String? = nil
    ) {
        self.childReference = childReference
        self.startedOn = startedOn
        self.reasonForNewEpisode = reasonForNewEpisode
        self.legalStatus = legalStatus
        self.categoryOfNeed = categoryOfNeed
        self.placement = placement
        self.provider = provider
        self.endedOn = endedOn
        self.reasonCeased = reasonCeased
        self.reasonPlacementChanged = reasonPlacementChanged
        self.homePostcode = homePostcode
        self.placementPostcode = placementPostcode
        self.homeReference = homeReference
    }

    /// The episode puts the child in custody: a young offender institution, or an episode that
    /// ended because the child was sentenced to custody.
    public var isCustodial: Bool { placement.isCustody || reasonCeased == .sentencedToCustody }
}

/// One row of an authority's SSDA903 header file: the child's own details.
public struct LookedAfterChild: Hashable, Codable, Sendable {
    public var childReference: String
    public var sex: Sex
    public var dateOfBirth: CalendarDate
    public var ethnicity: Ethnicity
    /// The unique pupil number, or one of the UN1-UN10 reasons it is missing.
    public var uniquePupilNumber: String?

    public init(
        childReference: String, sex: Sex, dateOfBirth: CalendarDate, ethnicity: Ethnicity,
        uniquePupilNumber: String? = nil
    ) {
        self.childReference = childReference
        self.sex = sex
        self.dateOfBirth = dateOfBirth
        self.ethnicity = ethnicity
        self.uniquePupilNumber = uniquePupilNumber
    }
}
