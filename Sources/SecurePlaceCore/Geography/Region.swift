/// England's nine regions and Wales, identified by their ONS codes.
///
/// Wales is treated as one planning region, as the national secure-care statistics do.
public enum Region: String, Codable, Sendable, CaseIterable, Comparable {
    case northEast = "E12000001"
    case northWest = "E12000002"
    case yorkshireAndTheHumber = "E12000003"
    case eastMidlands = "E12000004"
    case westMidlands = "E12000005"
    case eastOfEngland = "E12000006"
    case london = "E12000007"
    case southEast = "E12000008"
    case southWest = "E12000009"
    case wales = "W92000004"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .northEast: "North East"
        case .northWest: "North West"
        case .yorkshireAndTheHumber: "Yorkshire and The Humber"
        case .eastMidlands: "East Midlands"
        case .westMidlands: "West Midlands"
        case .eastOfEngland: "East of England"
        case .london: "London"
        case .southEast: "South East"
        case .southWest: "South West"
        case .wales: "Wales"
        }
    }

    public var country: Country { self == .wales ? .wales : .england }

    public static func < (lhs: Region, rhs: Region) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
