/// Why a home declined a referral (domain.md §4); a home gives one or more, with a note.
public enum DeclineReason: String, Codable, Sendable, CaseIterable, Comparable {
    case noVacancyOfRequiredKind = "no-vacancy"
    case bedClosedStaffing = "bed-closed-staffing"
    case bedClosedRepair = "bed-closed-repair"
    case compatibilityWithCurrentChildren = "compatibility"
    case riskToOtherChildren = "risk-to-children"
    case riskToStaff = "risk-to-staff"
    case needsBeyondSpecialism = "needs-beyond-specialism"
    case ageOrSexOutsideRegistration = "outside-registration"
    case legalAuthorityNotInPlace = "no-legal-authority"
    case insufficientInformation = "insufficient-information"
    case historyCannotBeManaged = "history-cannot-be-managed"
    case other

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .noVacancyOfRequiredKind: "No vacancy of the required kind"
        case .bedClosedStaffing: "Bed closed (staffing)"
        case .bedClosedRepair: "Bed closed (repair or refurbishment)"
        case .compatibilityWithCurrentChildren: "Compatibility with the children currently placed"
        case .riskToOtherChildren: "Risk to other children"
        case .riskToStaff: "Risk to staff"
        case .needsBeyondSpecialism: "Needs beyond the home's specialism or registration"
        case .ageOrSexOutsideRegistration: "Age or sex outside the home's registration"
        case .legalAuthorityNotInPlace: "Legal authority not in place"
        case .insufficientInformation: "Insufficient information in the referral"
        case .historyCannotBeManaged: "Child's history (violence or harmful sexual behaviour) cannot be managed"
        case .other: "Other (note required)"
        }
    }

    /// Reasons about beds (none vacant, closed), not about the child: they say nothing about
    /// whether the home would take a child like this when it has a bed.
    public var isAboutBeds: Bool {
        [.noVacancyOfRequiredKind, .bedClosedStaffing, .bedClosedRepair].contains(self)
    }

    /// The reason's place in the list, counted from 0: the order forms and tables give them in.
    public var position: Int { Self.ordered.firstIndex(of: self)! }

    // Made once: `allCases` is built afresh at each use.
    private static let ordered = allCases

    public static func < (lhs: DeclineReason, rhs: DeclineReason) -> Bool { lhs.position < rhs.position }
}
