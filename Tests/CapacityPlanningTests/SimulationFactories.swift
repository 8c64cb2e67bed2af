import SecurePlaceCore

@testable import CapacityPlanning

/// Small models for behaviour tests: places on a line west to east, one degree of longitude
/// apart (about 68 km at this latitude).
enum SimulationFactories {
    static func place(_ step: Double) -> Coordinate {
        Coordinate(latitude: 52.5, longitude: -3 + step)
    }

    static func home(
        _ name: String, at step: Double, in region: String = "Region", welfare: Int, justice: Int = 0,
        flexible: Int = 0, offers: (ChildProfile) -> Double = { _ in 1 }
    ) -> HomeCapacity {
        HomeCapacity(
            name: name, region: region, location: place(step), welfareBeds: welfare, justiceBeds: justice,
            flexibleBeds: flexible, offerProbabilities: ChildProfile.all.map(offers))
    }

    static func region(
        _ name: String = "Region", at step: Double = 0, perMonth: Double,
        profiles: [ProfileShare] = [
            ProfileShare(.anyWelfareChild, 1)
        ]
    ) -> RegionalDemand {
        RegionalDemand(
            name: name, referralsPerMonth: perMonth, origins: [WeightedLocation(place(step))], profileMix: profiles)
    }

    static func model(
        regions: [RegionalDemand], homes: [HomeCapacity], stayDays: Double = 60, waitDays: Double = 0
    ) -> SimulationModel {
        SimulationModel(
            regions: regions, homes: homes, welfareStay: .exponential(meanDays: stayDays),
            maximumWaitDays: waitDays, warmUpDays: 365, measuredDays: 5 * 365)
    }

    static let olderBoyWithOffending = ChildProfile(
        route: .welfare, sex: .male, ageBand: .sixteenToSeventeen, hasFlagAssociatedWithRefusal: true)
    static let youngerGirl = ChildProfile(
        route: .welfare, sex: .female, ageBand: .thirteenToFourteen, hasFlagAssociatedWithRefusal: false)
    static let justiceBoy = ChildProfile(
        route: .justice, sex: .male, ageBand: .fifteen, hasFlagAssociatedWithRefusal: true)
}
