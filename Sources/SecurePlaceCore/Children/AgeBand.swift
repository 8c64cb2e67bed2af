/// Age bands used in statistics and regulator notifications, so a child's exact age is not
/// disclosed.
public enum AgeBand: String, Codable, Sendable, CaseIterable, Comparable {
    case under13 = "under-13"
    case thirteenToFourteen = "13-14"
    case fifteen = "15"
    case sixteenToSeventeen = "16-17"
    /// Nobody is admitted at 18, but a record can hold an age past 17 (a child who turned 18
    /// while waiting): it must not be counted as 16 to 17.
    case eighteenOrOver = "18-or-over"

    public init(age: Int) {
        switch age {
        case ..<13: self = .under13
        case 13...14: self = .thirteenToFourteen
        case 15: self = .fifteen
        case 16...17: self = .sixteenToSeventeen
        default: self = .eighteenOrOver
        }
    }

    public var name: String {
        switch self {
        case .under13: "Under 13"
        case .thirteenToFourteen: "13 to 14"
        case .fifteen: "15"
        case .sixteenToSeventeen: "16 to 17"
        case .eighteenOrOver: "18 or over"
        }
    }

    public static func < (lhs: AgeBand, rhs: AgeBand) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
