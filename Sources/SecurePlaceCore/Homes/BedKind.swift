/// Who a bed is open to: local-authority (welfare) placements, children placed by the Youth
/// Custody Service, or either.
public enum BedKind: String, Codable, Sendable, CaseIterable {
    case welfare
    case justice
    case either

    public var name: String {
        switch self {
        case .welfare: "Welfare"
        case .justice: "Justice (YCS contracted)"
        case .either: "Welfare or justice"
        }
    }

    /// Whether a welfare referral may be offered this bed.
    public var takesWelfarePlacements: Bool { self != .justice }
}
