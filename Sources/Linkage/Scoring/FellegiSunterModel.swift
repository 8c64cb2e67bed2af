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
        var patterns: [ArraySlice<Int8>: Double] = [:]
        for (pattern, count) in chunkCounts { patterns[pattern, default: 0] += count }
        let distinct = Array(patterns.keys)
        let counts = distinct.map { patterns[$0]! }
        let levelCounts = fields.map(\.comparison.levelCount)
        // Start with matches agreeing and non-matches at the observed level frequencies.
        var m = levelCounts.map { count in
            (0..<count).map { level in level == count - 1 ? 0.8 : 0.2 / Double(count - 1) }
        }
        var u = levelCounts.map { Array(repeating: 0.0, count: $0) }
        for (pattern, count) in zip(distinct, counts) {
            for (field, level) in pattern.enumerated() where level >= 0 { u[field][Int(level)] += count }
        }
        u = u.map(normalised)
        var lambda = 0.1
        let floor = 1e-6
        var iteration = 0
        while iteration < maximumIterations {
            iteration += 1
            var newM = levelCounts.map { Array(repeating: floor, count: $0) }
            var newU = levelCounts.map { Array(repeating: floor, count: $0) }
            var matchTotal = 0.0
            var total = 0.0
            for (pattern, count) in zip(distinct, counts) {
                var logMatch = log(lambda)
                var logNonMatch = log(1 - lambda)
                for (field, level) in pattern.enumerated() where level >= 0 {
                    logMatch += log(m[field][Int(level)])
                    logNonMatch += log(u[field][Int(level)])
                }
                let g = 1 / (1 + exp(logNonMatch - logMatch))
                matchTotal += g * count
                total += count
                for (field, level) in pattern.enumerated() where level >= 0 {
                    newM[field][Int(level)] += g * count
                    newU[field][Int(level)] += (1 - g) * count
                }
            }
            newM = newM.map(normalised)
            newU = newU.map(normalised)
            let newLambda = min(max(matchTotal / max(total, 1), 1e-9), 1 - 1e-9)
            let change = zip(newM.joined(), m.joined()).map { abs($0 - $1) }.max() ?? 0
            m = newM
            u = newU
            let lambdaChange = abs(newLambda - lambda)
            lambda = newLambda
            if max(change, lambdaChange) < tolerance { break }
        }
        return (FellegiSunterModel(fields: fields, m: m, u: u, matchProportion: lambda), iteration)
    }

    private static func normalised(_ values: [Double]) -> [Double] {
        let sum = values.reduce(0, +)
        return sum > 0 ? values.map { $0 / sum } : values.map { _ in 1 / Double(values.count) }
    }
}
