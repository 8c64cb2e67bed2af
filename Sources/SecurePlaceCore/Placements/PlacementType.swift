/// Kinds of placement, with their SSDA903 PLACE codes (domain.md §5).
public enum PlacementType: String, Codable, Sendable, CaseIterable {
    case secureChildrensHome = "K1"
    case childrensHome = "K2"
    case residentialCareHome = "R1"
    case healthEstablishment = "R2"
    case youngOffenderInstitution = "R5"
    case fosterWithRelativeOrFriend = "U1"
    case fosterWithOtherCarer = "U4"
    case withParents = "P1"
    case independentLiving = "P2"
    case residentialSchool = "S1"
    case other = "Z1"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .secureChildrensHome: "Secure children's home"
        case .childrensHome: "Children's home"
        case .residentialCareHome: "Residential care home"
        case .healthEstablishment: "NHS or other health establishment"
        case .youngOffenderInstitution: "Young offender institution"
        case .fosterWithRelativeOrFriend: "Foster placement with relative or friend"
        case .fosterWithOtherCarer: "Foster placement with other carer"
        case .withParents: "With parent(s)"
        case .independentLiving: "Independent living"
        case .residentialSchool: "Residential school"
        case .other: "Other placement"
        }
    }
}
