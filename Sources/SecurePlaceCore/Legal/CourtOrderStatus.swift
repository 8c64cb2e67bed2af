/// Where the court's authority for a referral stands (domain.md §2).
public enum CourtOrderStatus: String, Codable, Sendable, CaseIterable {
    /// No order yet: a placement is limited to 72 hours in any 28 days.
    case noneYet = "none-yet"
    case applicationMade = "application-made"
    case interimOrder = "interim-order"
    case orderGranted = "order-granted"
    case deprivationOfLibertyOrder = "dol-order"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .noneYet: "No order yet (72-hour rule)"
        case .applicationMade: "Application made"
        case .interimOrder: "Interim order"
        case .orderGranted: "Order granted"
        case .deprivationOfLibertyOrder: "Deprivation of liberty order"
        }
    }

    /// Whether a court has authorised the restriction of liberty.
    public var isAuthorised: Bool {
        switch self {
        case .interimOrder, .orderGranted, .deprivationOfLibertyOrder: true
        case .noneYet, .applicationMade: false
        }
    }
}
