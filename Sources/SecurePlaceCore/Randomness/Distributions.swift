import Foundation

/// Draws from the few distributions the demo data and the planning models need, from any
/// generator the caller passes in.
extension RandomNumberGenerator {
    /// Uniform on the open interval (0, 1), so logarithms are always defined.
    public mutating func nextUnitInterval() -> Double {
        (Double(next() >> 11) + 0.5) / Double(1 << 53)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        nextUnitInterval() < probability
    }

    public mutating func nextExponential(mean: Double) -> Double {
        -mean * log(nextUnitInterval())
    }

    /// Standard normal by the Box–Muller transform.
    public mutating func nextStandardNormal() -> Double {
        let u1 = nextUnitInterval()
        let u2 = nextUnitInterval()
        return sqrt(-2 * log(u1)) * cos(2 * .pi * u2)
    }

    public mutating func nextLogNormal(median: Double, sigma: Double) -> Double {
        median * exp(sigma * nextStandardNormal())
    }

    /// Poisson by counting exponential gaps; fine for the small means used here.
    public mutating func nextPoisson(mean: Double) -> Int {
        let limit = exp(-mean)
        var product = nextUnitInterval()
        var count = 0
        while product > limit {
            product *= nextUnitInterval()
            count += 1
        }
        return count
    }

    /// One of `choices`, each with probability proportional to its weight.
    public mutating func choose<T>(weighted choices: [(T, Double)]) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var target = nextUnitInterval() * total
        for (value, weight) in choices {
            target -= weight
            if target < 0 { return value }
        }
        return choices[choices.count - 1].0
    }
}
