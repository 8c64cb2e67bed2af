import Foundation
import SecurePlaceCore

/// The capacity model's inputs estimated from history, each with its uncertainty.
public struct Calibration: Sendable {
    public struct RegionEstimate: Sendable {
        public var name: String
        public var referrals: Int
        public var referralsPerMonth: Estimate
        public var origins: [WeightedLocation]
        public var profileMix: [ProfileShare]
    }

    public struct StayEstimate: Sendable {
        public var endedStays: Int
        /// Stays still running at the end of the period, left out of the fit because their
        /// length is not yet known; many of them means the fit leans short.
        public var ongoingStays: Int
        /// Mean and standard deviation of log(days) for a lognormal fit.
        public var logMean: Double
        public var logStandardDeviation: Double
        public var medianDays: Estimate
        public var meanDays: Double
        public var observedDays: [Double]

        public var distribution: StayDistribution {
            .logNormal(meanDays: meanDays, sigma: logStandardDeviation)
        }
    }

    public struct HomeEstimate: Sendable {
        public var home: PlanningHistory.Home
        /// Offers over responses that were about the child (not about a lack of beds).
        public var offerRate: Estimate
        public var responses: Int
        public var offerProbabilities: [Double]
    }

    public var observedDays: Double
    public var regions: [RegionEstimate]
    public var stay: StayEstimate
    public var homes: [HomeEstimate]
    /// Homes a referral reaches on average; nil when no referral has been circulated yet.
    public var homesApproached: Estimate?

    /// The simulation model these estimates describe. Justice-contracted beds are left out:
    /// the Youth Custody Service fills them outside these referrals, so no welfare child
    /// could use them and the model has no demand to put in them.
    public func model(
        maximumWaitDays: Double = 14, distanceThresholdKilometres: Double = 100, warmUpDays: Double = 365,
        measuredDays: Double = 3 * 365
    ) -> SimulationModel {
        SimulationModel(
            regions: regions.map {
                RegionalDemand(
                    name: $0.name, referralsPerMonth: $0.referralsPerMonth.value, origins: $0.origins,
                    profileMix: $0.profileMix)
            },
            homes: homes.map {
                HomeCapacity(
                    name: $0.home.name, region: $0.home.region, location: $0.home.location,
                    welfareBeds: Int($0.home.openWelfareBeds.rounded()),
                    justiceBeds: 0,
                    flexibleBeds: Int($0.home.openFlexibleBeds.rounded()),
                    offerProbabilities: $0.offerProbabilities)
            },
            welfareStay: stay.distribution, maximumWaitDays: maximumWaitDays, warmUpDays: warmUpDays,
            measuredDays: measuredDays, distanceThresholdKilometres: distanceThresholdKilometres,
            homesApproached: homesApproached.map { max(1, Int($0.value.rounded())) })
    }
}
