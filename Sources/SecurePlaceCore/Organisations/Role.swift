/// What a user does in the service (PRODUCT.md, "Who uses it").
public enum Role: String, Codable, Sendable, CaseIterable {
    case referrer = "la-referrer"
    case authorityManager = "la-manager"
    case homeManager = "home-manager"
    case coordinator
    case regulator
    case analyst
    case admin

    public var name: String {
        switch self {
        case .referrer: "Local authority referrer"
        case .authorityManager: "Local authority manager"
        case .homeManager: "Home manager"
        case .coordinator: "Coordinator"
        case .regulator: "Regulator"
        case .analyst: "Analyst"
        case .admin: "Administrator"
        }
    }

    /// The kind of organisation a user with this role belongs to.
    public var organisationKind: OrganisationKind {
        switch self {
        case .referrer, .authorityManager: .localAuthority
        case .homeManager: .secureHome
        case .coordinator: .coordinatingUnit
        case .regulator: .regulator
        case .analyst, .admin: .service
        }
    }
}
