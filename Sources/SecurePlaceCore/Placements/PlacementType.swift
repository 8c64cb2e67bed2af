/// Kinds of placement, with their SSDA903 PLACE codes: the full list in domain.md §5.
public enum PlacementType: String, Codable, Sendable, CaseIterable {
    case secureChildrensHome = "K1"
    case childrensHome = "K2"
    case residentialCareHome = "R1"
    case healthEstablishment = "R2"
    case familyCentreOrMotherAndBabyUnit = "R3"
    case youngOffenderInstitution = "R5"
    case fosterWithRelativeOrFriend = "U1"
    case fosterWithRelativeOrFriendForAdoption = "U2"
    case fosterWithRelativeOrFriendShortTerm = "U3"
    case fosterWithOtherCarer = "U4"
    case fosterWithOtherCarerForAdoption = "U5"
    case fosterWithOtherCarerShortTerm = "U6"
    case withParents = "P1"
    case independentLiving = "P2"
    case residentialEmployment = "P3"
    case residentialSchool = "S1"
    case semiIndependentLiving = "H5"
    case adoptionWithConsentCurrentCarer = "A3"
    case adoptionWithConsentOtherCarer = "A4"
    case adoptionWithPlacementOrderCurrentCarer = "A5"
    case adoptionWithPlacementOrderOtherCarer = "A6"
    case temporaryMove = "T0"
    case temporaryHospital = "T1"
    case temporaryHoliday = "T2"
    case temporaryWhileCarerOnHoliday = "T3"
    case temporaryOther = "T4"
    case other = "Z1"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .secureChildrensHome: "Secure children's home"
        case .childrensHome: "Children's home"
        case .residentialCareHome: "Residential care home"
        case .healthEstablishment: "NHS or other health establishment"
        case .familyCentreOrMotherAndBabyUnit: "Family centre or mother and baby unit"
        case .youngOffenderInstitution: "Young offender institution"
        case .fosterWithRelativeOrFriend: "Foster placement with relative or friend, long term"
        case .fosterWithRelativeOrFriendForAdoption: "Foster placement with relative or friend, fostering for adoption"
        case .fosterWithRelativeOrFriendShortTerm: "Foster placement with relative or friend, not long term"
        case .fosterWithOtherCarer: "Foster placement with other carer, long term"
        case .fosterWithOtherCarerForAdoption: "Foster placement with other carer, fostering for adoption"
        case .fosterWithOtherCarerShortTerm: "Foster placement with other carer, not long term"
        case .withParents: "With parent(s)"
        case .independentLiving: "Independent living"
        case .residentialEmployment: "Residential employment"
        case .residentialSchool: "Residential school"
        case .semiIndependentLiving: "Semi-independent living accommodation"
        case .adoptionWithConsentCurrentCarer: "Placed for adoption with consent, with current foster carer"
        case .adoptionWithConsentOtherCarer: "Placed for adoption with consent, not with current foster carer"
        case .adoptionWithPlacementOrderCurrentCarer:
            "Placed for adoption with placement order, with current foster carer"
        case .adoptionWithPlacementOrderOtherCarer:
            "Placed for adoption with placement order, not with current foster carer"
        case .temporaryMove: "Temporary move"
        case .temporaryHospital: "Temporary period in hospital"
        case .temporaryHoliday: "Temporary absence on holiday"
        case .temporaryWhileCarerOnHoliday: "Temporary accommodation while the foster carer is on holiday"
        case .temporaryOther: "Temporary accommodation of seven days or less"
        case .other: "Other placement"
        }
    }

    /// Custody: a young offender institution. A secure children's home is secure but not
    /// custody on its own (children are held there on welfare orders too).
    public var isCustody: Bool { self == .youngOffenderInstitution }
}
