import Foundation

/// The chi-squared distribution, for exact Poisson intervals (Garwood's, through the
/// relation between the Poisson and gamma distributions).
public enum ChiSquared {
    /// The chance of a value at or below `value` with `degreesOfFreedom`: the regularised
    /// lower incomplete gamma function P(k/2, x/2).
    public static func cumulativeProbability(_ value: Double, degreesOfFreedom: Double) -> Double {
        precondition(degreesOfFreedom > 0, "positive degrees of freedom")
        guard value > 0 else { return 0 }
        return regularisedLowerGamma(degreesOfFreedom / 2, value / 2)
    }

    /// The quantile, found by bisection to a relative width of 1e-13 (the distribution
    /// function is increasing, so this cannot fail to converge).
    public static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
        precondition(probability > 0 && probability < 1, "a probability strictly between 0 and 1")
        precondition(degreesOfFreedom > 0, "positive degrees of freedom")
        var low = 0.0
        var high = max(1.0, degreesOfFreedom)
        while cumulativeProbability(high, degreesOfFreedom: degreesOfFreedom) < probability { high *= 2 }
        while high - low > 1e-13 * high {
            let middle = (low + high) / 2
            if cumulativeProbability(middle, degreesOfFreedom: degreesOfFreedom) < probability {
                low = middle
            } else {
                high = middle
            }
        }
        return (low + high) / 2
    }

    /// P(a, x) by its series below a + 1 and by Lentz's continued fraction for the upper
    /// function above (Numerical Recipes, 6.2): each converges fast on its side.
    static func regularisedLowerGamma(_ a: Double, _ x: Double) -> Double {
        let logPrefactor = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<10_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return min(1, sum * exp(logPrefactor))
        }
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for step in 1..<10_000 {
            let an = -Double(step) * (Double(step) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let change = d * c
            fraction *= change
            if abs(change - 1) < 1e-16 { break }
        }
        return max(0, 1 - exp(logPrefactor) * fraction)
    }
}
