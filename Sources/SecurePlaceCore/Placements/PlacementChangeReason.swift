/// Why a placement ended (SSDA903 REASON_PLACE_CHANGE, the full list in domain.md §5). There
/// is no custody code: a move into custody is a new episode in a custodial placement.
public enum PlacementChangeReason: String, Codable, Sendable, CaseIterable {
    case carePlan = "CARPL"
    case provisionClosed = "CLOSE"
    case allegation = "ALLEG"
    case standardsOfCareConcern = "STAND"
    case approvalRemoved = "APPRR"
    case carerRequestsEndBehaviour = "CREQB"
    case carerRequestsEndOther = "CREQO"
    case childRequestsEnd = "CHILD"
    case authorityRequestsEnd = "LAREQ"
    case placementStatusChangeOnly = "PLACE"
    case other = "OTHER"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .carePlan: "Care plan"
        case .provisionClosed: "Provision closed or resigned"
        case .allegation: "Allegation"
        case .standardsOfCareConcern: "Standards of care concern"
        case .approvalRemoved: "Approval removed"
        case .carerRequestsEndBehaviour: "Carer requests end because of the child's behaviour"
        case .carerRequestsEndOther: "Carer requests end for other reasons"
        case .childRequestsEnd: "Child requests end"
        case .authorityRequestsEnd: "Authority requests end"
        case .placementStatusChangeOnly: "Change of placement status only"
        case .other: "Other"
        }
    }
}
