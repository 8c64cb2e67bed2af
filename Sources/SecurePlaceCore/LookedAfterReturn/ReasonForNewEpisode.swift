/// Why an episode of care began (SSDA903 RNE, domain.md §5).
public enum ReasonForNewEpisode: String, Codable, Sendable, CaseIterable {
    case startedToBeLookedAfter = "S"
    case legalStatusChangeOnly = "L"
    case placementAndCarerChange = "P"
    case placementChangeSameCarer = "T"
    case legalStatusAndPlacementAndCarerChange = "U"
    case legalStatusAndPlacementChangeSameCarer = "B"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .startedToBeLookedAfter: "Started to be looked after"
        case .legalStatusChangeOnly: "Change of legal status only"
        case .placementAndCarerChange: "Change of placement and carer"
        case .placementChangeSameCarer: "Change of placement, same carer"
        case .legalStatusAndPlacementAndCarerChange: "Change of legal status, placement and carer"
        case .legalStatusAndPlacementChangeSameCarer: "Change of legal status and placement, same carer"
        }
    }

    /// The episode begins a new placement (every reason but a change of legal status alone).
    public var beginsPlacement: Bool { self != .legalStatusChangeOnly }
}
