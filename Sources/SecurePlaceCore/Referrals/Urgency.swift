/// How soon a bed is needed; it sets how long homes have to answer.
public enum Urgency: String, Codable, Sendable, CaseIterable, Comparable {
    /// Today: the child is at immediate risk.
    case emergency
    /// Within the next few days.
    case urgent
    /// A planned move on a known date.
    case planned

    public var name: String {
        switch self {
        case .emergency: "Emergency (today)"
        case .urgent: "Urgent (within 3 days)"
        case .planned: "Planned"
        }
    }

    public static func < (lhs: Urgency, rhs: Urgency) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
