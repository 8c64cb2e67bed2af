import Foundation
import Testing

@testable import Linkage

@Suite("Fellegi–Sunter with EM")
struct FellegiSunterTests {
    /// A small generator of our own: the Linkage tests import nothing else of ours.
    struct SplitMix {
        var state: UInt64
        mutating func unit() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return (Double((z ^ (z >> 31)) >> 11) + 0.5) / Double(1 << 53)
        }
        mutating func level(_ probabilities: [Double]) -> Int8 {
            var target = unit()
            for (level, p) in probabilities.enumerated() {
                target -= p
                if target < 0 { return Int8(level) }
            }
            return Int8(probabilities.count - 1)
        }
    }

    static let fields = [
        LinkageField(name: "sex", kind: .sex), LinkageField(name: "surname", kind: .name),
        LinkageField(name: "date_of_birth", kind: .date),
    ]
    static let trueM: [[Double]] = [[0.05, 0.95], [0.03, 0.07, 0.2, 0.7], [0.02, 0.05, 0.03, 0.9]]
    static let trueU: [[Double]] = [[0.5, 0.5], [0.85, 0.1, 0.04, 0.01], [0.9, 0.08, 0.015, 0.005]]

    /// Pairs drawn from known m and u, a fifth of them matches, some fields missing.
    static func vectors(pairs: Int, matchShare: Double, seed: UInt64) -> ComparisonVectors {
        var random = SplitMix(state: seed)
        var levels: [Int8] = []
        for _ in 0..<pairs {
            let isMatch = random.unit() < matchShare
            for field in 0..<3 {
                levels.append(random.unit() < 0.05 ? -1 : random.level((isMatch ? trueM : trueU)[field]))
            }
        }
        return ComparisonVectors(fieldCount: 3, levels: levels)
    }

    @Test func emRecoversTheProbabilitiesItWasNotTold() {
        let (model, iterations) = FellegiSunterModel.estimate(
            Self.vectors(pairs: 60_000, matchShare: 0.2, seed: 3), fields: Self.fields)
        #expect(iterations < 500)
        #expect(abs(model.matchProportion - 0.2) < 0.01)
        for field in 0..<3 {
            for level in Self.trueM[field].indices {
                #expect(abs(model.m[field][level] - Self.trueM[field][level]) < 0.02, "m[\(field)][\(level)]")
                #expect(abs(model.u[field][level] - Self.trueU[field][level]) < 0.02, "u[\(field)][\(level)]")
            }
        }
    }

    @Test func weightsAreLogRatiosAndMissingFieldsAddNothing() {
        let model = FellegiSunterModel(
            fields: Self.fields, m: Self.trueM, u: Self.trueU, matchProportion: 0.2)
        let levels: [Int8] = [1, 3, -1]
        let contributions = model.contributions(levels[...])
        #expect(abs(contributions[0]! - log2(0.95 / 0.5)) < 1e-12)
        #expect(abs(contributions[1]! - log2(0.7 / 0.01)) < 1e-12)
        #expect(contributions[2] == nil)
        let weight = model.weight(levels[...])
        #expect(abs(weight - (log2(1.9) + log2(70))) < 1e-12)
        // Posterior odds are prior odds times the likelihood ratio.
        let odds = 0.25 * 1.9 * 70
        #expect(abs(model.probability(weight: weight) - odds / (1 + odds)) < 1e-12)
    }
}
