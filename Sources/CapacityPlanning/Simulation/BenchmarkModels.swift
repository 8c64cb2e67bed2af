import SecurePlaceCore

/// The models the benchmarks time, here so the benchmark targets and the tests build the
/// same thing.
public enum BenchmarkModels {
    /// The M/M/c/c loss system with `beds` beds at 0.9 load per bed, run long enough for
    /// `arrivals` arrivals after warm-up.
    public static func lossSystem(beds: Int, arrivals: Int) -> SimulationModel {
        let load = Double(beds) * 0.9
        let meanStay = 30.0
        return .lossSystem(
            beds: beds, load: load, stay: .exponential(meanDays: meanStay),
            measuredDays: Double(arrivals) / load * meanStay)
    }

    /// A national-style system of `homes` homes of eight welfare beds spread over England and
    /// Wales in ten regions, demand at 0.9 load per bed, referrals circulated to the six
    /// nearest homes with a vacancy, each offering to half of the children, and children
    /// waiting up to 14 days: every feature of the engine in use, so its cost per event shows.
    /// With `circulation` set to ranked waves, the referrals go out in its waves instead.
    public static func nationalSystem(
        homes: Int, years: Double, circulation: CirculationPolicy = .broadcast
    ) -> SimulationModel {
        let regionCount = 10
        let stay = StayDistribution.logNormal(meanDays: 120, sigma: 0.5)
        var generator = SeededRandomNumberGenerator(seed: 2026)
        func somewhere() -> Coordinate {
            Coordinate(
                latitude: 50.5 + generator.nextUnitInterval() * 4.5,
                longitude: -4.5 + generator.nextUnitInterval() * 6)
        }
        let homeList = (0..<homes).map { index in
            HomeCapacity(
                name: "Home \(index + 1)", region: "Region \(index % regionCount + 1)", location: somewhere(),
                welfareBeds: 8, offerProbabilities: Array(repeating: 0.5, count: ChildProfile.count))
        }
        let bedsPerRegion = Double(homes * 8) / Double(regionCount)
        let perMonth = bedsPerRegion * 0.9 / stay.meanDays * SimulationModel.daysPerMonth
        let regions = (0..<regionCount).map { index in
            RegionalDemand(
                name: "Region \(index + 1)", referralsPerMonth: perMonth,
                origins: (0..<20).map { _ in WeightedLocation(somewhere()) })
        }
        return SimulationModel(
            regions: regions, homes: homeList, welfareStay: stay, maximumWaitDays: 14, warmUpDays: 365,
            measuredDays: years * 365.25, homesApproached: 6, circulation: circulation)
    }

    /// The waves the service's referral page sends: three homes, a day apart.
    public static let serviceWaves = CirculationPolicy.rankedWaves(.init(homesPerWave: 3, daysPerWave: 1))
}
