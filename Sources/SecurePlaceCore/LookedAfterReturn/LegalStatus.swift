/// The legal status of a looked-after child in an episode (SSDA903 LS, domain.md §5).
public enum LegalStatus: String, Codable, Sendable, CaseIterable {
    case interimCareOrder = "C1"
    case fullCareOrder = "C2"
    case freeingOrder = "D1"
    case placementOrder = "E1"
    case accommodatedSingleDefinedPeriod = "V2"
    case shortBreaksEpisodesRecorded = "V3"
    case shortBreaksAgreementsRecorded = "V4"
    case policeProtection = "L1"
    case emergencyProtectionOrder = "L2"
    case childAssessmentOrder = "L3"
    case remanded = "J1"
    case policeAndCriminalEvidenceAct = "J2"
    case youthRehabilitationOrder = "J3"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .interimCareOrder: "Interim care order"
        case .fullCareOrder: "Full care order"
        case .freeingOrder: "Freeing order"
        case .placementOrder: "Placement order"
        case .accommodatedSingleDefinedPeriod: "Single period accommodated under section 20"
        case .shortBreaksEpisodesRecorded: "Short breaks, episodes recorded"
        case .shortBreaksAgreementsRecorded: "Short breaks, agreements recorded"
        case .policeProtection: "Police protection"
        case .emergencyProtectionOrder: "Emergency protection order"
        case .childAssessmentOrder: "Child assessment order"
        case .remanded: "Remanded to local authority or youth detention accommodation"
        case .policeAndCriminalEvidenceAct: "Placed in local authority accommodation under PACE"
        case .youthRehabilitationOrder: "Youth rehabilitation order with residence or intensive fostering requirement"
        }
    }
}
