/// Compares two prepared records field by field. A name may be compared with the record's
/// other name as well (to see given and family names written the wrong way round), so a
/// field's level can depend on a second field: every place that compares goes through this.
struct FieldComparer: Sendable {
    let fields: [LinkageField]
    /// For each field, the index of the field its comparison also reads, if any.
    private let partners: [Int?]
    /// Each field's name comparison, if it is one, to call without a switch on every pair;
    /// held by reference so that a pair's comparison does not copy its arrays.
    private let names: [NameComparer?]
    private let kinds: [Kind]

    private enum Kind {
        case date, exact, other
    }

    init(fields: [LinkageField]) {
        self.fields = fields
        partners = fields.map { field in
            guard case .name(let name) = field.comparison, let other = name.swappedWith else { return nil }
            return fields.firstIndex { $0.name == other }
        }
        kinds = fields.map { field in
            switch field.comparison {
            case .date: .date
            case .exact: .exact
            default: .other
            }
        }
        names = fields.map { field in
            if case .name(let name) = field.comparison { NameComparer(comparison: name) } else { nil }
        }
    }

    func level(_ field: Int, _ left: [FieldValue?], _ right: [FieldValue?]) -> Int? {
        // Dates and exact fields, in every pair, are compared here without copying the
        // comparison and both values into a tuple to switch on.
        switch kinds[field] {
        case .date:
            if case .date(let a) = left[field], case .date(let b) = right[field] { return Comparison.dateLevel(a, b) }
        case .exact:
            if case .text(let a) = left[field], case .text(let b) = right[field] { return a == b ? 1 : 0 }
        case .other: break
        }
        if let name = names[field] {
            guard case .text(let a) = left[field], case .text(let b) = right[field] else {
                return left[field] == nil || right[field] == nil ? nil : 0
            }
            let partner = partners[field]
            return name.comparison.level(
                a, b, partners: (partner.flatMap { left[$0]?.text }, partner.flatMap { right[$0]?.text }))
        }
        guard let partner = partners[field] else { return fields[field].comparison.level(left[field], right[field]) }
        return fields[field].comparison.level(left[field], right[field], partners: (left[partner], right[partner]))
    }

    /// Every field's level, -1 where the field is missing on either side.
    func levels(_ left: [FieldValue?], _ right: [FieldValue?]) -> [Int8] {
        fields.indices.map { Int8(level($0, left, right) ?? -1) }
    }

    /// Every field's level packed four bits a field (level + 1, so missing is 0), for counting
    /// patterns without making an array for each of a million random pairs; only for fields
    /// that `canPack`.
    func packedLevels(_ left: [FieldValue?], _ right: [FieldValue?]) -> UInt64 {
        var packed: UInt64 = 0
        for field in fields.indices {
            packed = packed << 4 | UInt64(truncatingIfNeeded: (level(field, left, right) ?? -1) + 1)
        }
        return packed
    }

    /// Whether `packedLevels` can hold every pattern of these fields.
    var canPack: Bool {
        fields.count <= 16 && fields.allSatisfy { $0.comparison.levelCount < 15 }
    }

    /// The levels of a packed pattern.
    func unpacked(_ packed: UInt64) -> [Int8] {
        fields.indices.map { field in
            Int8(truncatingIfNeeded: (packed >> UInt64(4 * (fields.count - 1 - field))) & 0xF) - 1
        }
    }
}

private final class NameComparer: Sendable {
    let comparison: NameComparison

    init(comparison: NameComparison) {
        self.comparison = comparison
    }
}
