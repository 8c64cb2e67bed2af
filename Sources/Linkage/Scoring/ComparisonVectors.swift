/// The level of every field for every candidate pair, as one flat array (pair-major), with
/// -1 for a field missing on either side.
public struct ComparisonVectors: Sendable {
    public var fieldCount: Int
    public var levels: [Int8]

    public var pairCount: Int { fieldCount == 0 ? 0 : levels.count / fieldCount }

    public init(fieldCount: Int, levels: [Int8]) {
        self.fieldCount = fieldCount
        self.levels = levels
    }

    public init(pairs: CandidatePairs, left: [PreparedRecord], right: [PreparedRecord], fields: [LinkageField]) {
        fieldCount = fields.count
        var levels = [Int8](repeating: -1, count: pairs.pairs.count * fields.count)
        for (index, pair) in pairs.pairs.enumerated() {
            let a = left[Int(pair.left)].values
            let b = right[Int(pair.right)].values
            for (f, field) in fields.enumerated() {
                if let level = field.comparison.level(a[f], b[f]) { levels[index * fields.count + f] = Int8(level) }
            }
        }
        self.levels = levels
    }

    public func pattern(of pair: Int) -> ArraySlice<Int8> {
        levels[(pair * fieldCount)..<((pair + 1) * fieldCount)]
    }
}
