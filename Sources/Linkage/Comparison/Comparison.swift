/// How one field of two records is compared: into a few ordered levels of agreement, from
/// 0 (disagree) up to `levelCount - 1` (exact). A field missing on either side gives no
/// level, and Fellegi–Sunter then leaves it out of the weight.
public enum Comparison: Hashable, Sendable {
    /// Equal or not.
    case exact
    /// Exact; Jaro–Winkler at or above each threshold (highest first); else disagree.
    case jaroWinkler(thresholds: [Double])
    /// Exact; within each number of edits (lowest first); else disagree.
    case levenshtein(maximumEdits: [Int])
    /// Exact; day and month swapped; one of day, month or year different; else disagree.
    case date
    /// Full postcode; same sector; same district; else disagree.
    case postcode
    /// Bloom-filter encodings: Dice similarity at or above each threshold (highest first),
    /// the top one counting as agreement; else disagree.
    case dice(thresholds: [Double])
    /// People's names: same, swapped, known short form, similar, one part the same, initial
    /// only, different (`NameComparison`).
    case name(NameComparison)

    public var levelCount: Int {
        switch self {
        case .exact: 2
        case .jaroWinkler(let thresholds): thresholds.count + 2
        case .levenshtein(let edits): edits.count + 2
        case .date: 4
        case .postcode: 4
        case .dice(let thresholds): thresholds.count + 1
        case .name(let name): name.agreements.count
        }
    }

    /// The names of the levels, disagree first, for reports and the review page.
    public var levelNames: [String] {
        switch self {
        case .exact: ["different", "same"]
        case .jaroWinkler(let thresholds):
            ["different"] + thresholds.reversed().map { "similar (Jaro–Winkler ≥ \($0))" } + ["same"]
        case .levenshtein(let edits):
            ["different"] + edits.reversed().map { "within \($0) edit\($0 == 1 ? "" : "s")" } + ["same"]
        case .date: ["different", "one part different", "day and month swapped", "same"]
        case .postcode: ["different", "same district", "same sector", "same"]
        case .dice(let thresholds): ["different"] + thresholds.reversed().map { "Dice ≥ \($0)" }
        case .name(let name): name.agreements.reversed().map(\.name)
        }
    }

    /// The level of two dates: same, day and month swapped, one of the three parts different,
    /// different.
    static func dateLevel(_ a: LinkageDate, _ b: LinkageDate) -> Int {
        if a == b { return 3 }
        if a.year == b.year && a.month == b.day && a.day == b.month { return 2 }
        let differing = (a.year != b.year ? 1 : 0) + (a.month != b.month ? 1 : 0) + (a.day != b.day ? 1 : 0)
        return differing == 1 ? 1 : 0
    }

    /// The level of agreement of two normalised values. `partners` are the two records'
    /// values of the field a name comparison checks for names written the wrong way round.
    public func level(
        _ left: FieldValue?, _ right: FieldValue?, partners: (left: FieldValue?, right: FieldValue?) = (nil, nil)
    ) -> Int? {
        guard let left, let right else { return nil }
        switch (self, left, right) {
        case (.name(let name), .text(let a), .text(let b)):
            return name.level(a, b, partners: (partners.left?.text, partners.right?.text))
        case (.date, .date(let a), .date(let b)):
            return Self.dateLevel(a, b)
        case (.dice(let thresholds), .bloom(let a), .bloom(let b)):
            let similarity = a.dice(b)
            for (index, threshold) in thresholds.enumerated() where similarity >= threshold {
                return levelCount - 1 - index
            }
            return 0
        case (.postcode, .postcode(let a), .postcode(let b)):
            if a == b { return 3 }
            if a.sector == b.sector { return 2 }
            return a.district == b.district ? 1 : 0
        case (_, .text(let a), .text(let b)):
            if a == b { return levelCount - 1 }
            switch self {
            case .jaroWinkler(let thresholds):
                let similarity = StringSimilarity.jaroWinkler(a, b)
                // Thresholds are given highest first; the highest met gives the highest level.
                for (index, threshold) in thresholds.enumerated() where similarity >= threshold {
                    return levelCount - 2 - index
                }
                return 0
            case .levenshtein(let edits):
                guard let distance = StringSimilarity.levenshtein(a, b, bound: edits.max() ?? 0) else { return 0 }
                for (index, limit) in edits.enumerated() where distance <= limit { return levelCount - 2 - index }
                return 0
            default:
                return 0
            }
        default:
            return left == right ? levelCount - 1 : 0
        }
    }
}

/// A field's value after normalisation.
public enum FieldValue: Hashable, Sendable, Codable {
    case text(String)
    case date(LinkageDate)
    case postcode(Postcode)
    case bloom(BloomFilter)

    var text: String? {
        if case .text(let text) = self { text } else { nil }
    }
}
