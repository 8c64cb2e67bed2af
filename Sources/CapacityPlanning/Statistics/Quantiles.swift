import Foundation

/// Quantiles of the normal and Student's t distributions, enough for confidence intervals.
public enum Quantiles {
    /// The standard normal quantile by Acklam's rational approximation (relative error
    /// below 1.2e-9 over (0, 1)).
    public static func normal(_ probability: Double) -> Double {
        precondition(probability > 0 && probability < 1, "probability must lie in (0, 1)")
        let a = [
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
        ]
        let b = [
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01,
        ]
        let c = [
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
        ]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let lowTail = 0.02425
        if probability < lowTail {
            let q = sqrt(-2 * log(probability))
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if probability > 1 - lowTail {
            return -normal(1 - probability)
        }
        let q = probability - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }

    /// Student's t quantile. Exact closed forms for one and two degrees of freedom, and the
    /// Cornish–Fisher expansion (Abramowitz & Stegun 26.7.5) above, which is within 0.1% of
    /// the tables from three degrees of freedom on.
    public static func studentT(_ probability: Double, degreesOfFreedom: Int) -> Double {
        precondition(degreesOfFreedom >= 1, "at least one degree of freedom")
        switch degreesOfFreedom {
        case 1:
            return tan(Double.pi * (probability - 0.5))
        case 2:
            let alpha = 4 * probability * (1 - probability)
            return 2 * (probability - 0.5) * sqrt(2 / alpha)
        default:
            let z = normal(probability)
            let n = Double(degreesOfFreedom)
            let z2 = z * z
            let g1 = (z2 + 1) * z / 4
            let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
            let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
            let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
            return z + g1 / n + g2 / (n * n) + g3 / (n * n * n) + g4 / (n * n * n * n)
        }
    }
}
