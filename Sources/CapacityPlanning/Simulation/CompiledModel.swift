import Foundation

/// The model laid out as flat arrays for the event loop: cumulative weights for drawing
/// origins and profiles, the distance from every origin to every home, and each origin's
/// homes from nearest to farthest. Built once and shared by every replication.
struct CompiledModel: Sendable {
    let model: SimulationModel
    let regionCount: Int
    let homeCount: Int
    let arrivalsPerDay: [Double]
    let seasonalAmplitude: [Double]
    let peakDay: [Double]
    /// Per region, the global indices of its origins and their cumulative weights.
    let originStart: [Int]
    let originCumulativeWeight: [Double]
    let originRegion: [Int]
    let profileStart: [Int]
    let profileCumulativeWeight: [Double]
    let profileIndex: [Int]
    /// `offerProbability[profile * homeCount + home]`: profile-major, because a scan asks
    /// many homes about one child, whose profile is fixed, so its reads stay in one row.
    let offerProbability: [Double]
    /// A home in an origin's list, with its distance from the origin beside it: the scan
    /// that finds the home has the distance in the same cache line, where a look-up in the
    /// distance table at 1,500 homes missed the cache on almost every placement (measured:
    /// a sixth of the event loop's time). Eight bytes, as a bare home index was.
    struct RankedHome {
        var home: Int32
        var kilometres: Float
    }

    /// `distance[origin * homeCount + home]` in kilometres, for placements that do not come
    /// from a scan. Single precision (centimetres at these distances) halves the table and
    /// agrees with the lists' figures.
    let distance: [Float]
    /// `homesByDistance[origin * homeCount + rank]`: only for broadcast.
    let homesByDistance: [RankedHome]
    /// For ranked waves, per (origin, profile) that a region can draw, the homes that may
    /// offer at all, best-ranked first: `rankedHomes[rankedStart[key]..<rankedEnd[key]]`
    /// with `key = origin * ChildProfile.count + profile`.
    let rankedHomes: [RankedHome]
    let rankedStart: [Int]
    let rankedEnd: [Int]
    /// How many of the nearest homes a referral reaches.
    let homesApproached: Int
    let bedsByClass: [Int]

    init(_ model: SimulationModel) {
        self.model = model
        regionCount = model.regions.count
        homeCount = model.homes.count
        arrivalsPerDay = model.regions.map { $0.referralsPerMonth / SimulationModel.daysPerMonth }
        seasonalAmplitude = model.regions.map { min(max($0.seasonalAmplitude, 0), 1) }
        peakDay = model.regions.map(\.peakDayOfYear)
        var originStart = [0]
        var originWeights: [Double] = []
        var originRegion: [Int] = []
        var locations: [WeightedLocation] = []
        var profileStart = [0]
        var profileWeights: [Double] = []
        var profileIndex: [Int] = []
        for (regionIndex, region) in model.regions.enumerated() {
            var running = 0.0
            for origin in region.origins {
                running += max(origin.weight, 0)
                originWeights.append(running)
                originRegion.append(regionIndex)
                locations.append(origin)
            }
            originStart.append(originWeights.count)
            running = 0
            for share in region.profileMix {
                running += max(share.weight, 0)
                profileWeights.append(running)
                profileIndex.append(share.profile.index)
            }
            profileStart.append(profileWeights.count)
        }
        self.originStart = originStart
        originCumulativeWeight = originWeights
        self.originRegion = originRegion
        self.profileStart = profileStart
        profileCumulativeWeight = profileWeights
        self.profileIndex = profileIndex
        let offers = model.homes.flatMap(\.offerProbabilities)
        let homes = model.homes
        offerProbability = (0..<ChildProfile.count).flatMap { profile in
            homes.map { $0.offerProbabilities[profile] }
        }
        var distance: [Double] = []
        var order: [RankedHome] = []
        let broadcasts = model.circulation == .broadcast
        distance.reserveCapacity(locations.count * model.homes.count)
        for origin in locations {
            let row = model.homes.map { origin.location.kilometres(to: $0.location) }
            distance.append(contentsOf: row)
            if broadcasts {
                order.append(
                    contentsOf: row.indices.sorted { (row[$0], $0) < (row[$1], $1) }
                        .map { RankedHome(home: Int32($0), kilometres: Float(row[$0])) })
            }
        }
        self.distance = distance.map(Float.init)
        homesByDistance = order
        var rankedHomes: [RankedHome] = []
        var rankedStart = [Int](repeating: 0, count: locations.count * ChildProfile.count)
        var rankedEnd = rankedStart
        if case .rankedWaves(let waves) = model.circulation {
            let homeCount = model.homes.count
            for (regionIndex, region) in model.regions.enumerated() {
                let profiles = Set(region.profileMix.map(\.profile.index))
                for origin in originStart[regionIndex]..<originStart[regionIndex + 1] {
                    for profile in profiles.sorted() {
                        let key = origin * ChildProfile.count + profile
                        let score = (0..<homeCount).map { home in
                            waves.pointsForCertainOffer * offers[home * ChildProfile.count + profile]
                                - waves.pointsPerHundredKilometres * distance[origin * homeCount + home] / 100
                        }
                        rankedStart[key] = rankedHomes.count
                        rankedHomes.append(
                            contentsOf: (0..<homeCount).filter { offers[$0 * ChildProfile.count + profile] > 0 }
                                .sorted { (score[$1], $0) < (score[$0], $1) }
                                .map {
                                    RankedHome(home: Int32($0), kilometres: Float(distance[origin * homeCount + $0]))
                                })
                        rankedEnd[key] = rankedHomes.count
                    }
                }
            }
        }
        self.rankedHomes = rankedHomes
        self.rankedStart = rankedStart
        self.rankedEnd = rankedEnd
        homesApproached = min(max(model.homesApproached ?? model.homes.count, 0), model.homes.count)
        bedsByClass = model.homes.flatMap { [$0.welfareBeds, $0.justiceBeds, $0.flexibleBeds] }
    }
}
