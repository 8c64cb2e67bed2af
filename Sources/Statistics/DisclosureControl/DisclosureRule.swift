/// The small-number rule for tables that leave the service (domain.md §7): counts from 1 to
/// 4 are suppressed with every percentage built on them, further cells are suppressed so that
/// none can be derived from totals, and public tables may round the other counts to 5.
public struct DisclosureRule: Hashable, Sendable, Codable {
    /// The smallest and largest count suppressed as such (zero is shown: it discloses nothing
    /// about a person).
    public var smallestSuppressed: Int
    public var largestSuppressed: Int
    /// Round the counts that are shown to the nearest multiple of this (nil: shown exactly).
    public var roundingBase: Int?
    /// The fewest children a median or quartile may describe: of a handful, a median is one
    /// child's own figure.
    public var fewestSummarised: Int

    public init(
        smallestSuppressed: Int = 1, largestSuppressed: Int = 4, roundingBase: Int? = nil, fewestSummarised: Int = 10
    ) {
        precondition(smallestSuppressed >= 1 && smallestSuppressed <= largestSuppressed, "a range of counts")
        precondition(roundingBase.map { $0 >= 1 } ?? true, "a rounding base is positive")
        self.smallestSuppressed = smallestSuppressed
        self.largestSuppressed = largestSuppressed
        self.roundingBase = roundingBase
        self.fewestSummarised = max(fewestSummarised, largestSuppressed + 1)
    }

    /// The service's default for exports: 1 to 4 suppressed, exact otherwise.
    public static let standard = DisclosureRule()
    /// For public pages: as the standard rule, with other counts rounded to 5.
    public static let publicTables = DisclosureRule(roundingBase: 5)

    /// How wide the band a suppressed count could lie in must stay, given every other
    /// published figure: as wide as the band of counts suppressed, so that a hidden 1 cannot be
    /// told from a hidden 4.
    public var protectionWidth: Int { largestSuppressed - smallestSuppressed + 1 }

    public func isTooSmall(_ count: Int) -> Bool { (smallestSuppressed...largestSuppressed).contains(count) }

    public func rounded(_ count: Int) -> Int {
        guard let base = roundingBase else { return count }
        return Int((Double(count) / Double(base)).rounded(.toNearestOrAwayFromZero)) * base
    }
}

/// What a published cell holds, with the DfE markers for the rest.
public enum PublishedValue: Hashable, Sendable, CustomStringConvertible {
    case value(String)
    /// "c": suppressed to protect confidentiality.
    case suppressed
    /// "z": not applicable.
    case notApplicable
    /// "x": not available.
    case notAvailable

    public var description: String {
        switch self {
        case .value(let text): text
        case .suppressed: "c"
        case .notApplicable: "z"
        case .notAvailable: "x"
        }
    }
}
