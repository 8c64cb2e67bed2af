/// The two nations whose secure children's homes SecurePlace covers; the law and the
/// regulator differ between them.
public enum Country: String, Codable, Sendable, CaseIterable, Comparable {
    case england
    case wales

    public var name: String {
        switch self {
        case .england: "England"
        case .wales: "Wales"
        }
    }

    public static func < (lhs: Country, rhs: Country) -> Bool {
        lhs.sortOrder < rhs.sortOrder
    }

    private var sortOrder: Int { self == .england ? 0 : 1 }
}
