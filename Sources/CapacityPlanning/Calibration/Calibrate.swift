import Foundation
import SecurePlaceCore

/// Why history cannot calibrate a model.
public enum CalibrationError: Error, Equatable, Sendable, CustomStringConvertible {
    case noObservedPeriod
    case noEndedStays
    case noHomes

    public var description: String {
        switch self {
        case .noObservedPeriod: "The history covers no time: load referrals before calibrating."
        case .noEndedStays: "No placement has ended yet, so lengths of stay cannot be estimated."
        case .noHomes: "There are no homes to model."
        }
    }
}

extension Calibration {
    /// How many responses a profile's own offer rate counts for against the home's overall
    /// rate: with few responses for a profile the estimate leans on the home's general
    /// behaviour instead of swinging to 0 or 1.
    public static let profilePriorWeight = 5.0

    public static func estimate(from history: PlanningHistory, confidence: Double = 0.95) throws(CalibrationError)
        -> Calibration
    {
        guard history.observedDays > 0 else { throw .noObservedPeriod }
        guard !history.homes.isEmpty else { throw .noHomes }
        let months = history.observedDays / SimulationModel.daysPerMonth
        let regions = history.regions.map { name in
            let referrals = history.referrals.filter { $0.region == name }
            var originCounts: [Coordinate: Double] = [:]
            var profileCounts: [ChildProfile: Double] = [:]
            for referral in referrals {
                originCounts[referral.origin, default: 0] += 1
                profileCounts[referral.profile, default: 0] += 1
            }
            return RegionEstimate(
                name: name, referrals: referrals.count,
                referralsPerMonth: .poissonRate(events: referrals.count, exposure: months, confidence: confidence),
                origins: originCounts.sorted { ($0.value, $0.key.latitude) > ($1.value, $1.key.latitude) }
                    .map { WeightedLocation($0.key, $0.value) },
                profileMix: profileCounts.sorted { ($0.value, $0.key.index) > ($1.value, $1.key.index) }
                    .map { ProfileShare($0.key, $0.value) })
        }
        return Calibration(
            observedDays: history.observedDays, regions: regions, stay: try stayEstimate(history.stays, confidence),
            homes: history.homes.map { homeEstimate($0, history.responses, confidence) },
            homesApproached: history.homesApproachedPerReferral.isEmpty
                ? nil : Estimate.mean(of: history.homesApproachedPerReferral.map(Double.init), confidence: confidence))
    }

    private static func stayEstimate(_ stays: [PlanningHistory.Stay], _ confidence: Double) throws(CalibrationError)
        -> StayEstimate
    {
        let ended = stays.filter(\.hasEnded).map { max($0.days, 0.5) }
        guard !ended.isEmpty else { throw .noEndedStays }
        let logs = ended.map { log($0) }
        let logMean = Estimate.mean(of: logs, confidence: confidence)
        let count = Double(logs.count)
        let variance =
            logs.count > 1 ? logs.reduce(0) { $0 + ($1 - logMean.value) * ($1 - logMean.value) } / (count - 1) : 0
        let sigma = variance.squareRoot()
        return StayEstimate(
            endedStays: ended.count, ongoingStays: stays.count - ended.count, logMean: logMean.value,
            logStandardDeviation: sigma,
            medianDays: Estimate(
                value: exp(logMean.value), lower: exp(logMean.lower), upper: exp(logMean.upper),
                confidence: confidence),
            meanDays: exp(logMean.value + variance / 2), observedDays: ended.sorted())
    }

    private static func homeEstimate(
        _ home: PlanningHistory.Home, _ responses: [PlanningHistory.Response], _ confidence: Double
    ) -> HomeEstimate {
        let relevant = responses.filter { $0.home == home.name && !$0.declinedOnlyForLackOfBeds }
        let offers = relevant.filter(\.offered).count
        let overall = Estimate.proportion(successes: offers, trials: relevant.count, confidence: confidence)
        // With no responses at all, assume the home offers whenever its registration allows.
        let prior = relevant.isEmpty ? 1 : overall.value
        let probabilities = ChildProfile.all.map { profile -> Double in
            guard home.registrationAllows(profile) else { return 0 }
            let own = relevant.filter { $0.profile == profile }
            let ownOffers = Double(own.filter(\.offered).count)
            return (ownOffers + profilePriorWeight * prior) / (Double(own.count) + profilePriorWeight)
        }
        return HomeEstimate(
            home: home, offerRate: overall, responses: relevant.count, offerProbabilities: probabilities)
    }
}
