/// The law under which a child's liberty is restricted (domain.md §2).
public enum LegalBasis: String, Codable, Sendable, CaseIterable {
    /// England: section 25 Children Act 1989.
    case childrenAct1989Section25 = "s25-children-act-1989"
    /// Wales: section 119 Social Services and Well-being (Wales) Act 2014.
    case socialServicesAndWellbeingWalesAct2014Section119 = "s119-sswb-wales-act-2014"
    /// The High Court's inherent jurisdiction: a deprivation-of-liberty order.
    case inherentJurisdictionDeprivationOfLiberty = "inherent-jurisdiction-dol"

    public var code: String { rawValue }

    public var name: String {
        switch self {
        case .childrenAct1989Section25: "Section 25, Children Act 1989"
        case .socialServicesAndWellbeingWalesAct2014Section119:
            "Section 119, Social Services and Well-being (Wales) Act 2014"
        case .inherentJurisdictionDeprivationOfLiberty: "High Court inherent jurisdiction (DoL order)"
        }
    }

    /// The statutory secure-accommodation route for a child's home country.
    public static func statutory(for country: Country) -> LegalBasis {
        country == .england ? .childrenAct1989Section25 : .socialServicesAndWellbeingWalesAct2014Section119
    }
}
