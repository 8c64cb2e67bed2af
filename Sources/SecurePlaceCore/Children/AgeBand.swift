/// Age bands used in statistics and regulator notifications, so a child's exact age is not
/// disclosed.
public enum AgeBand: String, Codable, Sendable, CaseIterable, Comparable {
    case under13 = "under-13"
    case thirteenToFourteen = "13-14"
    case fifteen = "15"
    case sixteenToSeventeen = "16-17"

    public init(age: Int) {
        switch age {
        case ..<13: self = .under13
        case 13...14: self = .thirteenToFourteen
        case 15: self = .fifteen
        default: self = .sixteenToSeventeen
        }
    }

    public var name: String {
        switch self {
        case .under13: "Under 13"
        case .thirteenToFourteen: "13 to 14"
        case .fifteen: "15"
        case .sixteenToSeventeen: "16 to 17"
        }
    }

    public static func < (lhs: AgeBand, rhs: AgeBand) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
