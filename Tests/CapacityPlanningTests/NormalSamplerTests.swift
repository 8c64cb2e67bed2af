import Foundation
import SecurePlaceCore
import Testing

@testable import CapacityPlanning

@Suite("Ziggurat normal draws")
struct NormalSamplerTests {
    /// A million draws: the mean and variance, and the share beyond ±1, ±2, ±3 and the
    /// ziggurat's last edge (3.44, where the sampler switches to its tail method), on each side,
    /// each within four standard errors of the standard normal's.
    @Test func drawsFollowTheStandardNormal() {
        let sampler = NormalSampler()
        var generator = SeededRandomNumberGenerator(seed: 29)
        let count = 1_000_000
        var sum = 0.0
        var sumOfSquares = 0.0
        let thresholds = [1.0, 2.0, 3.0, 3.45]
        var above = [Double: Int]()
        var below = [Double: Int]()
        for _ in 0..<count {
            let x = sampler.next(using: &generator)
            sum += x
            sumOfSquares += x * x
            for threshold in thresholds {
                if x > threshold { above[threshold, default: 0] += 1 }
                if x < -threshold { below[threshold, default: 0] += 1 }
            }
        }
        let mean = sum / Double(count)
        #expect(abs(mean) < 4 / Double(count).squareRoot())
        // The variance of a sample variance from a normal is 2σ⁴/n.
        #expect(abs(sumOfSquares / Double(count) - mean * mean - 1) < 4 * (2 / Double(count)).squareRoot())
        for threshold in thresholds {
            let p = 0.5 * erfc(threshold / 2.0.squareRoot())
            let standardError = (p * (1 - p) / Double(count)).squareRoot()
            for (side, observed) in [("above", above[threshold] ?? 0), ("below", below[threshold] ?? 0)] {
                #expect(
                    abs(Double(observed) / Double(count) - p) < 4 * standardError,
                    "P(X \(side == "above" ? ">" : "<") \(side == "above" ? "" : "-")\(threshold))")
            }
        }
    }
}
