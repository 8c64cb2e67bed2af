/// The main reason a child is looked after (SSDA903 CIN, N1 to N8).
public enum CategoryOfNeed: String, Codable, Sendable, CaseIterable {
    case abuseOrNeglect = "N1"
    case childsDisability = "N2"
    case parentalIllnessOrDisability = "N3"
    case familyInAcuteStress = "N4"
    case familyDysfunction = "N5"
    case sociallyUnacceptableBehaviour = "N6"
    case lowIncome = "N7"
    case absentParenting = "N8"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .abuseOrNeglect: "Abuse or neglect"
        case .childsDisability: "Child's disability"
        case .parentalIllnessOrDisability: "Parental illness or disability"
        case .familyInAcuteStress: "Family in acute stress"
        case .familyDysfunction: "Family dysfunction"
        case .sociallyUnacceptableBehaviour: "Socially unacceptable behaviour"
        case .lowIncome: "Low income"
        case .absentParenting: "Absent parenting"
        }
    }
}
