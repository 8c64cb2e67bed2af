import Foundation

/// Estimates the model the way Splink does, because EM over all candidate pairs at once goes
/// wrong on large files: blocking makes the non-matches among the candidates agree on the
/// blocked fields, so EM learns that agreeing on a name says little, links namesakes who share
/// a date of birth and lets true pairs lose one-to-one contests.
///
/// - u comes from pairs drawn at random from the two files, nearly all non-matches.
/// - m is estimated rule by rule: EM over the pairs one blocking rule puts together, u held,
///   the rule's own fields left out (within its blocks they agree whether the pair matches or
///   not). A field's m is the mean over the rules that estimated it.
/// - The prior is the share of all pairs that match: the share at which the candidates'
///   expected matches, by their posterior probabilities, are that share of all pairs.
///
/// Then u is drawn again with the pairs that look like matches weighed out, and m and the
/// prior estimated once more.
struct RuleByRuleEstimation: Sendable {
    var fields: [LinkageField]
    var rules: [BlockingRule]
    /// How many random pairs u is estimated from (all pairs when there are fewer).
    var randomPairs = 1_000_000
    var seed: UInt64 = 0x5EC_0B1A_CE11

    private struct CandidateKey: Hashable {
        var rules: UInt64
        var levels: ArraySlice<Int8>
    }

    func estimate(
        vectors: ComparisonVectors, candidates: CandidatePairs, left: [PreparedRecord], right: [PreparedRecord]
    )
        -> (model: FellegiSunterModel, iterations: Int)
    {
        let byRule = candidatePatterns(vectors: vectors, candidates: candidates)
        let all = PatternCount.merged(byRule.map { PatternCount(levels: $0.levels, count: $0.count) })
        let deduplicating = candidates.deduplicating
        let random = randomPatterns(left: left, right: right, deduplicating: deduplicating)
        let allPairs = max(candidates.allPairs, 1)
        let levelCounts = fields.map(\.comparison.levelCount)
        var m = levelCounts.map { count in
            (0..<count).map { level in level == count - 1 ? 0.8 : 0.2 / Double(count - 1) }
        }
        var u = Self.nonMatchShares(random, weighedOut: nil, levelCounts: levelCounts)
        var prior = 0.0
        var iterations = 0
        var fallbackModel: FellegiSunterModel?
        for _ in 0..<2 {
            var sums = levelCounts.map { Array(repeating: 0.0, count: $0) }
            var sessions = Array(repeating: 0, count: fields.count)
            iterations = 0
            for (index, rule) in rules.prefix(64).enumerated() {
                let excluded = Set(rule.fieldNames.compactMap { name in fields.firstIndex { $0.name == name } })
                let included = fields.indices.map { !excluded.contains($0) }
                let patterns = PatternCount.merged(
                    byRule.filter { $0.rules & (1 << UInt64(index)) != 0 }.map { pattern in
                        PatternCount(
                            levels: pattern.levels.enumerated().map { included[$0.offset] ? $0.element : -1 },
                            count: pattern.count)
                    })
                guard !patterns.isEmpty, included.contains(true) else { continue }
                let session = Self.estimateM(patterns, included: included, u: u, start: m)
                iterations = max(iterations, session.iterations)
                for field in fields.indices where included[field] {
                    sessions[field] += 1
                    for level in 0..<levelCounts[field] { sums[field][level] += session.m[field][level] }
                }
            }
            let unestimated = Set(fields.indices.filter { sessions[$0] == 0 })
            for field in fields.indices where sessions[field] > 0 {
                m[field] = sums[field].map { $0 / Double(sessions[field]) }
            }
            if !unestimated.isEmpty {
                // No rule leaves these fields out: fall back on EM over all the candidates
                // (which does not depend on u, so once is enough).
                let fallback = fallbackModel ?? FellegiSunterModel.estimate(vectors, fields: fields).model
                fallbackModel = fallback
                for field in unestimated { m[field] = fallback.m[field] }
            }
            prior = Self.prior(
                all, m: m, u: u, allPairs: allPairs, start: min(Double(min(left.count, right.count)) / allPairs, 0.5))
            let model = FellegiSunterModel(fields: fields, m: m, u: u, matchProportion: prior)
            u = Self.nonMatchShares(random, weighedOut: model, levelCounts: levelCounts)
        }
        prior = Self.prior(all, m: m, u: u, allPairs: allPairs, start: prior)
        return (FellegiSunterModel(fields: fields, m: m, u: u, matchProportion: prior), iterations)
    }

    /// Each distinct pattern among the candidates with the rules that produced its pairs,
    /// counted on all cores.
    private func candidatePatterns(vectors: ComparisonVectors, candidates: CandidatePairs)
        -> [(rules: UInt64, levels: [Int8], count: Double)]
    {
        let chunks = ChunkedWork.map(count: vectors.pairCount) { range in
            var counts: [CandidateKey: Double] = [:]
            for pair in range {
                counts[
                    CandidateKey(rules: candidates.rules(producing: pair), levels: vectors.pattern(of: pair)),
                    default: 0] += 1
            }
            return Array(counts)
        }
        var counts: [CandidateKey: Double] = [:]
        for (key, count) in chunks { counts[key, default: 0] += count }
        return counts.map { (rules: $0.key.rules, levels: Array($0.key.levels), count: $0.value) }
    }

    /// The patterns of random pairs (of every pair when the files are small; of two different
    /// records when one file is searched for duplicates), compared on all cores. The pairs are
    /// drawn first, in order, so the answer does not depend on the number of cores.
    private func randomPatterns(left: [PreparedRecord], right: [PreparedRecord], deduplicating: Bool) -> [PatternCount]
    {
        let total = deduplicating ? left.count * max(left.count - 1, 0) / 2 : left.count * right.count
        guard total > 0 else { return [] }
        let count = min(total, randomPairs)
        var drawn: [(left: Int32, right: Int32)] = []
        drawn.reserveCapacity(count)
        if total <= randomPairs {
            for l in left.indices {
                for r in (deduplicating ? l + 1 : 0)..<right.count { drawn.append((Int32(l), Int32(r))) }
            }
        } else {
            var generator = SplitMix(state: seed)
            for _ in 0..<count {
                let l = Int(generator.next() % UInt64(left.count))
                var r = Int(generator.next() % UInt64(deduplicating ? right.count - 1 : right.count))
                if deduplicating && r >= l { r += 1 }
                drawn.append((Int32(l), Int32(r)))
            }
        }
        let comparer = FieldComparer(fields: fields)
        let pairs = drawn
        guard comparer.canPack else {
            let chunks = ChunkedWork.map(count: pairs.count) { range in
                var counts: [[Int8]: Double] = [:]
                for index in range {
                    let levels = comparer.levels(
                        left[Int(pairs[index].left)].values, right[Int(pairs[index].right)].values)
                    counts[levels, default: 0] += 1
                }
                return Array(counts)
            }
            return PatternCount.merged(chunks.map { PatternCount(levels: $0.key, count: $0.value) })
        }
        let chunks = ChunkedWork.map(count: pairs.count) { range in
            var counts: [UInt64: Double] = [:]
            for index in range {
                let pair = pairs[index]
                counts[comparer.packedLevels(left[Int(pair.left)].values, right[Int(pair.right)].values), default: 0] +=
                    1
            }
            return Array(counts)
        }
        return PatternCount.merged(chunks.map { PatternCount(levels: comparer.unpacked($0.key), count: $0.value) })
    }

    /// u: each level's share among random pairs, each pair weighed by the chance that it is
    /// not a match under `model` (all weigh 1 without one). One pair added to every level
    /// keeps a level never seen among non-matches from giving an infinite weight.
    static func nonMatchShares(_ patterns: [PatternCount], weighedOut model: FellegiSunterModel?, levelCounts: [Int])
        -> [[Double]]
    {
        var counts = levelCounts.map { Array(repeating: 1.0, count: $0) }
        for pattern in patterns {
            let weight = model.map { 1 - $0.probability(weight: $0.weight(pattern.levels[...])) } ?? 1
            for (field, level) in pattern.levels.enumerated() where level >= 0 {
                counts[field][Int(level)] += weight * pattern.count
            }
        }
        return counts.map { row in
            let sum = row.reduce(0, +)
            return row.map { $0 / sum }
        }
    }

    /// EM over one rule's patterns with u held: m of the included fields and the share of
    /// the rule's pairs that match.
    static func estimateM(
        _ patterns: [PatternCount], included: [Bool], u: [[Double]], start: [[Double]], maximumIterations: Int = 500,
        tolerance: Double = 1e-7
    ) -> (m: [[Double]], iterations: Int) {
        let fitted = FellegiSunterModel.expectationMaximisation(
            patterns, included: included, m: start, u: u, holdingU: true, matchShare: 0.5,
            maximumIterations: maximumIterations, tolerance: tolerance)
        return (fitted.m, fitted.iterations)
    }

    /// The share of all pairs that match: where the candidates' expected number of matches,
    /// by their posterior probabilities at that share, is that share of all pairs (pairs no
    /// rule puts together are taken to be non-matches).
    static func prior(_ patterns: [PatternCount], m: [[Double]], u: [[Double]], allPairs: Double, start: Double)
        -> Double
    {
        let model = FellegiSunterModel(fields: [], m: m, u: u, matchProportion: 0.5)
        let weights = patterns.map { model.weight($0.levels[...]) }
        var share = min(max(start, 1e-12), 0.5)
        for _ in 0..<500 {
            let odds = log2(share / (1 - share))
            let expected = zip(patterns, weights).reduce(0.0) { sum, item in
                sum + item.0.count / (1 + exp2(-(item.1 + odds)))
            }
            let next = min(max(expected / allPairs, 1e-12), 0.5)
            defer { share = next }
            if abs(next - share) <= 1e-9 * share { break }
        }
        return share
    }
}

/// SplitMix64: the random pairs for u must be the same on every run and machine.
private struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
