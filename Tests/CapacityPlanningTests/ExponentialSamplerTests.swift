import Foundation
import SecurePlaceCore
import Testing

@testable import CapacityPlanning

@Suite("Ziggurat exponential draws")
struct ExponentialSamplerTests {
    /// A million draws: the mean, and the tail beyond 1, 3 and the ziggurat's last edge
    /// (7.7, where the sampler switches to its fallback), each within four standard errors.
    @Test func drawsFollowTheUnitExponential() {
        let sampler = ExponentialSampler()
        var generator = SeededRandomNumberGenerator(seed: 17)
        let count = 1_000_000
        var sum = 0.0
        var beyond = [1.0: 0, 3.0: 0, 7.7: 0]
        for _ in 0..<count {
            let x = sampler.next(using: &generator)
            #expect(x >= 0)
            sum += x
            for threshold in beyond.keys where x > threshold { beyond[threshold]! += 1 }
        }
        #expect(abs(sum / Double(count) - 1) < 4 / Double(count).squareRoot())
        for (threshold, observed) in beyond {
            let p = exp(-threshold)
            let standardError = (p * (1 - p) / Double(count)).squareRoot()
            #expect(abs(Double(observed) / Double(count) - p) < 4 * standardError, "P(X > \(threshold))")
        }
    }
}
