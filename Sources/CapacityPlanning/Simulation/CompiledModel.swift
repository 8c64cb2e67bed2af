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
    /// `offerProbability[home * ChildProfile.count + profile]`.
    let offerProbability: [Double]
    /// `distance[origin * homeCount + home]` in kilometres.
    let distance: [Double]
    /// `homesByDistance[origin * homeCount + rank]` is a home index.
    let homesByDistance: [Int]
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
        offerProbability = model.homes.flatMap(\.offerProbabilities)
        var distance: [Double] = []
        var order: [Int] = []
        distance.reserveCapacity(locations.count * model.homes.count)
        for origin in locations {
            let row = model.homes.map { origin.location.kilometres(to: $0.location) }
            distance.append(contentsOf: row)
            order.append(contentsOf: row.indices.sorted { (row[$0], $0) < (row[$1], $1) })
        }
        self.distance = distance
        homesByDistance = order
        homesApproached = min(max(model.homesApproached ?? model.homes.count, 0), model.homes.count)
        bedsByClass = model.homes.flatMap { [$0.welfareBeds, $0.justiceBeds, $0.flexibleBeds] }
    }
}
