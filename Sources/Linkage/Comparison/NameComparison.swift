/// How two people's names are compared: the ways a true match's names differ in records each
/// get a level of their own, so that EM learns from the files how often each happens among
/// matches (m) and among non-matches (u) instead of one threshold deciding it.
///
/// The levels, highest first (a pair takes the first that holds):
/// - **same**: the normalised names are equal;
/// - **given and family names swapped** (with `swappedWith`): this name is the other
///   record's name in the partner field and the partner field is this one (each the same or
///   similar at the lowest threshold, the first letters the same), as when a form is filled in family name first;
/// - **a known short form** (with `knownForms`): one is a nickname or short form of the
///   other on the open list in `KnownNameForms` (Bill and William);
/// - **similar**: Jaro–Winkler at or above the first (highest) threshold;
/// - **one part the same** (with `parts`): one name has two or more parts (hyphenated or
///   double) and one of them is the other name or one of its parts (Smith-Jones and Jones);
/// - **similar** at each lower threshold;
/// - **initial only** (with `initials`): one side is a single letter, the first letter of
///   the other;
/// - **different**.
public struct NameComparison: Hashable, Sendable, Codable {
    /// Jaro–Winkler thresholds, highest first.
    public let thresholds: [Double]
    /// The other name field of the record (the family name for a given name).
    public let swappedWith: String?
    public let knownForms: Bool
    public let parts: Bool
    public let initials: Bool
    /// The agreements this comparison tells apart, highest first.
    public let agreements: [Agreement]

    public init(
        thresholds: [Double] = [0.92, 0.8], swappedWith: String? = nil, knownForms: Bool = true, parts: Bool = true,
        initials: Bool = true
    ) {
        self.thresholds = thresholds
        self.swappedWith = swappedWith
        self.knownForms = knownForms
        self.parts = parts
        self.initials = initials
        var agreements: [Agreement] = [.same]
        if swappedWith != nil { agreements.append(.swapped) }
        if knownForms { agreements.append(.knownForm) }
        if let highest = thresholds.first { agreements.append(.similar(highest)) }
        if parts { agreements.append(.onePart) }
        agreements += thresholds.dropFirst().map(Agreement.similar)
        if initials { agreements.append(.initial) }
        self.agreements = agreements + [.different]
    }

    private enum CodingKeys: String, CodingKey {
        case thresholds, swappedWith, knownForms, parts, initials
    }

    /// A configuration file need give only what differs from the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            thresholds: try container.decodeIfPresent([Double].self, forKey: .thresholds) ?? [0.92, 0.8],
            swappedWith: try container.decodeIfPresent(String.self, forKey: .swappedWith),
            knownForms: try container.decodeIfPresent(Bool.self, forKey: .knownForms) ?? true,
            parts: try container.decodeIfPresent(Bool.self, forKey: .parts) ?? true,
            initials: try container.decodeIfPresent(Bool.self, forKey: .initials) ?? true)
    }

    /// One way two names can agree.
    public enum Agreement: Hashable, Sendable {
        case same
        case swapped
        case knownForm
        case similar(Double)
        case onePart
        case initial
        case different

        public var name: String {
            switch self {
            case .same: "same"
            case .swapped: "given and family names swapped"
            case .knownForm: "a known short form"
            case .similar(let threshold): "similar (Jaro–Winkler ≥ \(threshold))"
            case .onePart: "one part the same"
            case .initial: "initial only"
            case .different: "different"
            }
        }
    }

    /// The level (0 for different, up to `agreements.count - 1` for same) of two normalised
    /// names; `partners` are the two records' values of the `swappedWith` field. Written out
    /// rather than looped over `agreements`: this runs for every candidate and random pair.
    public func level(_ left: String, _ right: String, partners: (left: String?, right: String?)) -> Int {
        var level = agreements.count - 1
        if left == right { return level }
        if swappedWith != nil {
            level -= 1
            if let leftPartner = partners.left, let rightPartner = partners.right,
                isSwapped(left, right, leftPartner: leftPartner, rightPartner: rightPartner)
            {
                return level
            }
        }
        if knownForms {
            level -= 1
            if KnownNameForms.standard.areForms(left, right) { return level }
        }
        let similarity = StringSimilarity.jaroWinkler(left, right)
        for (index, threshold) in thresholds.enumerated() {
            if index == 1 && parts {
                level -= 1
                if Self.shareAPart(left, right) { return level }
            }
            level -= 1
            if similarity >= threshold { return level }
        }
        if thresholds.count < 2 && parts {
            level -= 1
            if Self.shareAPart(left, right) { return level }
        }
        if initials {
            level -= 1
            if Self.isInitial(of: left, right) { return level }
        }
        return 0
    }

    /// Whether each name is the other record's partner name, or within the lowest similarity
    /// threshold of it (a slip in a swapped name is still a swap). Most pairs
    /// differ in a first letter, which is checked before any similarity is measured.
    func isSwapped(_ left: String, _ right: String, leftPartner: String, rightPartner: String) -> Bool {
        guard left.unicodeScalars.first == rightPartner.unicodeScalars.first,
            leftPartner.unicodeScalars.first == right.unicodeScalars.first
        else {
            return false
        }
        if left == rightPartner && leftPartner == right { return true }
        guard let threshold = thresholds.last else { return false }
        return StringSimilarity.jaroWinkler(left, rightPartner) >= threshold
            && StringSimilarity.jaroWinkler(leftPartner, right) >= threshold
    }

    /// Whether a name has more than one part, found without walking a generic sequence.
    static func hasSpace(_ name: String) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { $0.contains(32) } ?? name.utf8.contains(32)
    }

    /// Whether one name is a single letter and the other starts with it.
    static func isInitial(of left: String, _ right: String) -> Bool {
        let (a, b) = (left.unicodeScalars, right.unicodeScalars)
        guard let first = a.first, first == b.first else { return false }
        return a.index(after: a.startIndex) == a.endIndex || b.index(after: b.startIndex) == b.endIndex
    }

    /// Whether one name has more than one part and one of its parts is a part of the other.
    static func shareAPart(_ left: String, _ right: String) -> Bool {
        guard hasSpace(left) || hasSpace(right) else { return false }
        let leftParts = left.split(separator: " ")
        let rightParts = right.split(separator: " ")
        guard leftParts.count > 1 || rightParts.count > 1 else { return false }
        return leftParts.contains { part in part.count > 1 && rightParts.contains(part) }
    }
}
