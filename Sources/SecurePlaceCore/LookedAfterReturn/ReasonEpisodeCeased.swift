/// Why an episode of care ended (SSDA903 REC, the 2022-23 list in domain.md §5).
public enum ReasonEpisodeCeased: String, Codable, Sendable, CaseIterable {
    case adoptedUnopposed = "E11"
    case adoptedConsentDispensed = "E12"
    case died = "E2"
    case careTakenByAnotherAuthority = "E3"
    case returnedHomePlanned = "E4A"
    case returnedHomeNotPlanned = "E4B"
    case leftToLiveWithoutParentalResponsibility = "E13"
    case residenceOrChildArrangementsOrder = "E41"
    case specialGuardianshipFormerFosterCarerRelative = "E45"
    case specialGuardianshipFormerFosterCarerOther = "E46"
    case specialGuardianshipCarerRelative = "E47"
    case specialGuardianshipCarerOther = "E48"
    case independentLivingWithSupport = "E5"
    case independentLivingWithoutSupport = "E6"
    case adultResidentialCare = "E7"
    case otherReason = "E8"
    case sentencedToCustody = "E9"
    case remandEnded = "E14"
    case ageAssessedAsAdult = "E15"
    case movedAbroad = "E16"
    case stayingPut = "E17"
    case newEpisodeSameDay = "X1"

    public var code: String { rawValue }

    // E4A and E4B follow the Department's guidance (E4A returned home as part of the care
    // planning process, E4B not).
    public var name: String {
        switch self {
        case .adoptedUnopposed: "Adopted, application unopposed"
        case .adoptedConsentDispensed: "Adopted, consent dispensed with by the court"
        case .died: "Died"
        case .careTakenByAnotherAuthority: "Care taken by another local authority"
        case .returnedHomePlanned: "Returned home as part of the care plan"
        case .returnedHomeNotPlanned: "Returned home, not as part of the care plan"
        case .leftToLiveWithoutParentalResponsibility: "Left care to live with someone without parental responsibility"
        case .residenceOrChildArrangementsOrder: "Residence or child arrangements order"
        case .specialGuardianshipFormerFosterCarerRelative:
            "Special guardianship, former foster carer who is a relative or friend"
        case .specialGuardianshipFormerFosterCarerOther: "Special guardianship, other former foster carer"
        case .specialGuardianshipCarerRelative: "Special guardianship, other carer who is a relative or friend"
        case .specialGuardianshipCarerOther: "Special guardianship, other carer"
        case .independentLivingWithSupport: "Independent living with formal support"
        case .independentLivingWithoutSupport: "Independent living without formal support"
        case .adultResidentialCare: "Residential care funded by adult social services"
        case .otherReason: "Ceased for any other reason"
        case .sentencedToCustody: "Sentenced to custody"
        case .remandEnded: "Accommodation on remand ended"
        case .ageAssessedAsAdult: "Age assessed as 18 or over"
        case .movedAbroad: "Moved abroad"
        case .stayingPut: "Aged 18 and stayed with current carers"
        case .newEpisodeSameDay: "Episode ceased and a new one began the same day"
        }
    }
}
