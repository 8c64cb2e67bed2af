import Foundation

/// How common each value of a field is across both files. Agreeing on a rare surname is
/// stronger evidence than agreeing on "smith": for an exact agreement on such a field the
/// weight uses the value's own frequency in place of the field's average u.
public struct TermFrequencies: Sendable, Codable {
    /// For each field index adjusted, each value's share of the records that have the field.
    public var shares: [Int: [FieldValue: Double]]

    public init(fieldIndices: [Int], left: [PreparedRecord], right: [PreparedRecord]) {
        var shares: [Int: [FieldValue: Double]] = [:]
        for field in fieldIndices {
            var counts: [FieldValue: Double] = [:]
            var total = 0.0
            for record in left + right {
                guard let value = record.values[field] else { continue }
                counts[value, default: 0] += 1
                total += 1
            }
            shares[field] = counts.mapValues { $0 / max(total, 1) }
        }
        self.shares = shares
    }

    /// The contributions of a pair's fields with exact agreements on adjusted fields weighed
    /// by how common the value is.
    public func contributions(
        _ levels: ArraySlice<Int8>, value: (Int) -> FieldValue?, model: FellegiSunterModel
    ) -> [Double?] {
        var contributions = model.contributions(levels)
        for (field, table) in shares {
            let level = levels[levels.startIndex + field]
            guard Int(level) == model.fields[field].comparison.levelCount - 1, let agreed = value(field),
                let share = table[agreed]
            else { continue }
            contributions[field] = log2(model.m[field][Int(level)] / max(share, 1e-9))
        }
        return contributions
    }
}
