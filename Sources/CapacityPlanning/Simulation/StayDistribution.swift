import Foundation
import SecurePlaceCore

/// How long a placed child stays, in days.
public enum StayDistribution: Hashable, Codable, Sendable {
    case exponential(meanDays: Double)
    /// Lognormal with the given mean and log-scale spread, so models that differ only in
    /// shape can share a mean.
    case logNormal(meanDays: Double, sigma: Double)
    /// Resampled from observed stays.
    case empirical(days: [Double])

    public var meanDays: Double {
        switch self {
        case .exponential(let mean), .logNormal(let mean, _): mean
        case .empirical(let days): days.isEmpty ? 0 : days.reduce(0, +) / Double(days.count)
        }
    }

    /// The median of a lognormal is its mean divided by exp(σ²/2).
    public static func logNormal(medianDays: Double, sigma: Double) -> StayDistribution {
        .logNormal(meanDays: medianDays * exp(sigma * sigma / 2), sigma: sigma)
    }

    /// For a lognormal, its median; zero for the other shapes.
    var logNormalMedian: Double {
        guard case .logNormal(let mean, let sigma) = self else { return 0 }
        return mean * exp(-sigma * sigma / 2)
    }

    func draw(using generator: inout some RandomNumberGenerator) -> Double {
        switch self {
        case .exponential(let mean):
            return generator.nextExponential(mean: mean)
        case .logNormal(_, let sigma):
            return generator.nextLogNormal(median: logNormalMedian, sigma: sigma)
        case .empirical(let days):
            guard !days.isEmpty else { return 0 }
            return days[Int(generator.nextUnitInterval() * Double(days.count))]
        }
    }
}
