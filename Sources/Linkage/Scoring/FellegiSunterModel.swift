import Foundation

/// The Fellegi–Sunter model: for each field and level, the probability of that level among
/// true matches (m) and among non-matches (u), and the share of pairs that match (the prior).
/// A pair's match weight is the sum over its fields of log2(m/u); a missing field adds 0.
public struct FellegiSunterModel: Hashable, Sendable, Codable {
    public var fields: [LinkageField]
    public var m: [[Double]]
    public var u: [[Double]]
    public var matchProportion: Double

    public init(fields: [LinkageField], m: [[Double]], u: [[Double]], matchProportion: Double) {
        self.fields = fields
        self.m = m
        self.u = u
        self.matchProportion = matchProportion
    }

    /// Each field's contribution to the weight (nil where the field is missing).
    public func contributions(_ levels: ArraySlice<Int8>) -> [Double?] {
        levels.enumerated().map { field, level in
            level < 0 ? nil : log2(m[field][Int(level)] / u[field][Int(level)])
        }
    }

    public func weight(_ levels: ArraySlice<Int8>) -> Double {
        contributions(levels).reduce(0) { $0 + ($1 ?? 0) }
    }

    /// The posterior probability of a match for a pair with this weight.
    public func probability(weight: Double) -> Double {
        let prior = log2(matchProportion / (1 - matchProportion))
        return 1 / (1 + exp2(-(weight + prior)))
    }

    /// Estimates m, u and the match share by expectation–maximisation over all candidate
    /// pairs at once, without labels. The linker uses `RuleByRuleEstimation`, which falls back
    /// on this for a field that every blocking rule uses.
    /// The work is done on distinct comparison patterns with their counts, which are few
    /// even for millions of pairs.
    public static func estimate(
        _ vectors: ComparisonVectors, fields: [LinkageField], maximumIterations: Int = 500, tolerance: Double = 1e-8
    ) -> (model: FellegiSunterModel, iterations: Int) {
        // Counted on all cores, a table per chunk, then added together.
        let chunkCounts = ChunkedWork.map(count: vectors.pairCount) { range in
            var counts: [ArraySlice<Int8>: Double] = [:]
            for pair in range { counts[vectors.pattern(of: pair), default: 0] += 1 }
            return Array(counts)
        }
        let patterns = PatternCount.merged(chunkCounts.map { PatternCount(levels: Array($0.key), count: $0.value) })
        let levelCounts = fields.map(\.comparison.levelCount)
        // Start with matches agreeing and non-matches at the observed level frequencies.
        let m = levelCounts.map { count in
            (0..<count).map { level in level == count - 1 ? 0.8 : 0.2 / Double(count - 1) }
        }
        var u = levelCounts.map { Array(repeating: 0.0, count: $0) }
        for pattern in patterns {
            for (field, level) in pattern.levels.enumerated() where level >= 0 { u[field][Int(level)] += pattern.count }
        }
        let fitted = expectationMaximisation(
            patterns, included: fields.map { _ in true }, m: m, u: u.map(normalised), holdingU: false,
            matchShare: 0.1, maximumIterations: maximumIterations, tolerance: tolerance)
        return (
            FellegiSunterModel(fields: fields, m: fitted.m, u: fitted.u, matchProportion: fitted.matchShare),
            fitted.iterations
        )
    }

    /// EM over distinct patterns: m of the included fields, u too unless it is held, and the
    /// share of the pairs that match. Excluded fields keep their m and count for nothing.
    static func expectationMaximisation(
        _ patterns: [PatternCount], included: [Bool], m start: [[Double]], u held: [[Double]], holdingU: Bool,
        matchShare: Double, maximumIterations: Int, tolerance: Double
    ) -> (m: [[Double]], u: [[Double]], matchShare: Double, iterations: Int) {
        var m = start
        var u = held
        var lambda = matchShare
        let floor = 1e-6
        var iteration = 0
        while iteration < maximumIterations {
            iteration += 1
            var newM = m.map { $0.map { _ in floor } }
            var newU = u.map { $0.map { _ in floor } }
            var matchTotal = 0.0
            var total = 0.0
            for pattern in patterns {
                var logMatch = log(lambda)
                var logNonMatch = log(1 - lambda)
                for (field, level) in pattern.levels.enumerated() where level >= 0 && included[field] {
                    logMatch += log(m[field][Int(level)])
                    logNonMatch += log(u[field][Int(level)])
                }
                let g = 1 / (1 + exp(logNonMatch - logMatch))
                matchTotal += g * pattern.count
                total += pattern.count
                for (field, level) in pattern.levels.enumerated() where level >= 0 && included[field] {
                    newM[field][Int(level)] += g * pattern.count
                    newU[field][Int(level)] += (1 - g) * pattern.count
                }
            }
            for field in newM.indices {
                newM[field] = included[field] ? normalised(newM[field]) : m[field]
                newU[field] = included[field] && !holdingU ? normalised(newU[field]) : u[field]
            }
            let newLambda = min(max(matchTotal / max(total, 1), 1e-9), 1 - 1e-9)
            let change = max(zip(newM.joined(), m.joined()).map { abs($0 - $1) }.max() ?? 0, abs(newLambda - lambda))
            m = newM
            u = newU
            lambda = newLambda
            if change < tolerance { break }
        }
        return (m, u, lambda, iteration)
    }

    static func normalised(_ values: [Double]) -> [Double] {
        let sum = values.reduce(0, +)
        return sum > 0 ? values.map { $0 / sum } : values.map { _ in 1 / Double(values.count) }
    }
}

/// A distinct comparison pattern and how many pairs have it: EM works on these, which are few
/// even for millions of pairs.
struct PatternCount: Sendable {
    var levels: [Int8]
    var count: Double

    /// Adds up the counts of equal patterns and puts them in a fixed order. The order matters:
    /// sums of doubles depend on it, and a dictionary's order changes from one run to the next,
    /// so without it two estimates on the same pairs could differ in the last digit.
    static func merged(_ patterns: [PatternCount]) -> [PatternCount] {
        var counts: [[Int8]: Double] = [:]
        for pattern in patterns { counts[pattern.levels, default: 0] += pattern.count }
        return counts.map { PatternCount(levels: $0.key, count: $0.value) }.sorted {
            $0.levels.lexicographicallyPrecedes($1.levels)
        }
    }
}
