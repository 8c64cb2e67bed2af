/// Needs and risk flags a referral records for a child (domain.md §4); a child has any number.
public enum NeedFlag: String, Codable, Sendable, CaseIterable, Comparable {
    case sexualExploitation = "sexual-exploitation"
    case criminalExploitation = "criminal-exploitation"
    case gangAssociation = "gang-association"
    case offendingHistory = "offending-history"
    case harmfulSexualBehaviour = "harmful-sexual-behaviour"
    case violenceToOthers = "violence-to-others"
    case selfHarm = "self-harm"
    case suicidalIdeation = "suicidal-ideation"
    case absconding = "absconding"
    case substanceMisuse = "substance-misuse"
    case mentalHealthNeed = "mental-health-need"
    case learningDisability = "learning-disability"
    case autism = "autism"
    case physicalHealthNeed = "physical-health-need"
    case trafficking = "trafficking"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .sexualExploitation: "Sexual exploitation"
        case .criminalExploitation: "Criminal exploitation (including county lines)"
        case .gangAssociation: "Gang association"
        case .offendingHistory: "Offending history"
        case .harmfulSexualBehaviour: "Harmful sexual behaviour"
        case .violenceToOthers: "Violence to others"
        case .selfHarm: "Self-harm"
        case .suicidalIdeation: "Suicidal ideation"
        case .absconding: "Absconding or missing episodes"
        case .substanceMisuse: "Substance misuse"
        case .mentalHealthNeed: "Mental health need"
        case .learningDisability: "Learning disability"
        case .autism: "Autism"
        case .physicalHealthNeed: "Physical health need"
        case .trafficking: "Trafficking"
        }
    }

    /// The flags that the national study found made a refusal more likely.
    public static let associatedWithRefusal: Set<NeedFlag> = [
        .offendingHistory, .gangAssociation, .harmfulSexualBehaviour,
    ]

    public static func < (lhs: NeedFlag, rhs: NeedFlag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

extension Set where Element == NeedFlag {
    /// Flags as one comma-separated list of codes, in a stable order, for storage and CSV.
    public var codeList: String { sorted().map(\.code).joined(separator: ",") }

    /// Reads a list written by `codeList`; returns the first unknown code as the failure.
    public static func parsing(codeList: String) -> Result<Set<NeedFlag>, UnknownCodeError> {
        var flags: Set<NeedFlag> = []
        for part in codeList.split(separator: ",") {
            let code = part.trimmingCharacters(in: .whitespaces)
            guard let flag = NeedFlag(rawValue: code) else {
                return .failure(UnknownCodeError(list: "need flag", code: code))
            }
            flags.insert(flag)
        }
        return .success(flags)
    }
}
