import CapacityPlanning
import Foundation
import SecurePlaceCore
import Storage

/// The capacity model calibrated from the service's history, and the sites where a new home
/// could open (one per region, at the centre of its authorities).
public struct CapacityModelInputs: Sendable {
    public var history: PlanningHistory
    public var calibration: Calibration
    public var model: SimulationModel
    public var newHomeSites: [NewHomeSite]
}

public struct PrepareCapacityModel: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// How stays are drawn: the lognormal fitted to ended stays, or resampled from them.
    public enum StayModel: String, Sendable, CaseIterable {
        case lognormal
        case empirical
    }

    public func callAsFunction(
        months: Int? = nil, maximumWaitDays: Double = 14, distanceThresholdKilometres: Double = 100,
        measuredYears: Double = 3, stays: StayModel = .lognormal
    ) async throws -> CapacityModelInputs {
        let history = try await ReadPlanningHistory(store: store, now: now)(months: months)
        let calibration = try Calibration.estimate(from: history)
        var model = calibration.model(
            maximumWaitDays: maximumWaitDays, distanceThresholdKilometres: distanceThresholdKilometres,
            measuredDays: measuredYears * 365.25)
        if stays == .empirical { model.welfareStay = .empirical(days: calibration.stay.observedDays) }
        let authorities = try await store.localAuthorities()
        return CapacityModelInputs(
            history: history, calibration: calibration, model: model,
            newHomeSites: Self.newHomeSites(authorities: authorities, calibration: calibration))
    }

    /// A new home is assumed to offer as the average existing home does, to every profile its
    /// registration would allow if it took both sexes and ages 10 to 17.
    static func newHomeSites(authorities: [LocalAuthority], calibration: Calibration) -> [NewHomeSite] {
        let homes = calibration.homes
        let average = ChildProfile.all.map { profile in
            let allowing = homes.filter { $0.home.registrationAllows(profile) }
            guard !allowing.isEmpty else {
                return homes.map(\.offerRate.value).reduce(0, +) / Double(max(homes.count, 1))
            }
            return allowing.map { $0.offerProbabilities[profile.index] }.reduce(0, +) / Double(allowing.count)
        }
        return Region.allCases.compactMap { region in
            let own = authorities.filter { $0.region == region }
            guard !own.isEmpty else { return nil }
            let centre = Coordinate(
                latitude: own.map(\.centroid.latitude).reduce(0, +) / Double(own.count),
                longitude: own.map(\.centroid.longitude).reduce(0, +) / Double(own.count))
            return NewHomeSite(
                name: "New home in \(region.name)", region: region.name, location: centre, offerProbabilities: average)
        }
    }
}
