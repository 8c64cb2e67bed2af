/// Who provides a placement (SSDA903 PLACE_PROVIDER, PR0 to PR5).
public enum PlacementProvider: String, Codable, Sendable, CaseIterable {
    case parents = "PR0"
    case ownAuthority = "PR1"
    case otherAuthority = "PR2"
    case otherPublic = "PR3"
    case privateProvider = "PR4"
    case voluntary = "PR5"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .parents: "Parent or other person with parental responsibility"
        case .ownAuthority: "The authority's own provision"
        case .otherAuthority: "Another authority's provision"
        case .otherPublic: "Other public provision"
        case .privateProvider: "Private provision"
        case .voluntary: "Voluntary or third sector provision"
        }
    }
}
