import SecurePlaceCore

/// Where referrals come from: one planning region, its referral rate and who its children are.
public struct RegionalDemand: Hashable, Codable, Sendable {
    public var name: String
    public var referralsPerMonth: Double
    /// Relative swing of the rate over the year (0 = flat, 0.2 = ±20%), peaking on `peakDayOfYear`.
    public var seasonalAmplitude: Double
    public var peakDayOfYear: Double
    /// The places children are referred from (local authority centroids) with their shares.
    public var origins: [WeightedLocation]
    /// The profiles of referred children with their shares.
    public var profileMix: [ProfileShare]

    public init(
        name: String, referralsPerMonth: Double, seasonalAmplitude: Double = 0, peakDayOfYear: Double = 0,
        origins: [WeightedLocation], profileMix: [ProfileShare] = [ProfileShare(.anyWelfareChild, 1)]
    ) {
        self.name = name
        self.referralsPerMonth = referralsPerMonth
        self.seasonalAmplitude = seasonalAmplitude
        self.peakDayOfYear = peakDayOfYear
        self.origins = origins
        self.profileMix = profileMix
    }
}

public struct WeightedLocation: Hashable, Codable, Sendable {
    public var location: Coordinate
    public var weight: Double

    public init(_ location: Coordinate, _ weight: Double = 1) {
        self.location = location
        self.weight = weight
    }
}

public struct ProfileShare: Hashable, Codable, Sendable {
    public var profile: ChildProfile
    public var weight: Double

    public init(_ profile: ChildProfile, _ weight: Double) {
        self.profile = profile
        self.weight = weight
    }
}

/// A secure children's home as the model sees it: where it is, its open beds by kind, and
/// how likely it is to offer a bed to each profile of child.
public struct HomeCapacity: Hashable, Codable, Sendable {
    public var name: String
    public var region: String
    public var location: Coordinate
    public var welfareBeds: Int
    public var justiceBeds: Int
    /// Beds that may take either a welfare or a justice placement.
    public var flexibleBeds: Int
    /// Probability of offering a vacant suitable bed, indexed by `ChildProfile.index`.
    public var offerProbabilities: [Double]

    public init(
        name: String, region: String, location: Coordinate, welfareBeds: Int, justiceBeds: Int = 0,
        flexibleBeds: Int = 0, offerProbabilities: [Double] = Array(repeating: 1, count: ChildProfile.count)
    ) {
        precondition(offerProbabilities.count == ChildProfile.count, "one offer probability per profile")
        self.name = name
        self.region = region
        self.location = location
        self.welfareBeds = welfareBeds
        self.justiceBeds = justiceBeds
        self.flexibleBeds = flexibleBeds
        self.offerProbabilities = offerProbabilities
    }

    public var totalBeds: Int { welfareBeds + justiceBeds + flexibleBeds }
}

/// Everything one simulation run needs; a value, so the optimiser can change a copy.
public struct SimulationModel: Hashable, Codable, Sendable {
    public var regions: [RegionalDemand]
    public var homes: [HomeCapacity]
    public var welfareStay: StayDistribution
    public var justiceStay: StayDistribution
    /// How long a referral stays open waiting for an offer before it is closed unplaced;
    /// zero means a child not placed on arrival is turned away (a pure loss system).
    public var maximumWaitDays: Double
    /// Days simulated before measuring, so the beds start from a typical occupancy.
    public var warmUpDays: Double
    /// Days over which arrivals are measured.
    public var measuredDays: Double
    /// The distance for "placed within D km" figures.
    public var distanceThresholdKilometres: Double
    /// How many homes with a suitable vacancy a referral reaches, nearest first, counting
    /// homes asked again when a bed frees up while the child waits. Nil: every home.
    public var homesApproached: Int?
    public var circulation: CirculationPolicy

    public init(
        regions: [RegionalDemand], homes: [HomeCapacity], welfareStay: StayDistribution,
        justiceStay: StayDistribution? = nil, maximumWaitDays: Double = 0, warmUpDays: Double = 365,
        measuredDays: Double = 3 * 365, distanceThresholdKilometres: Double = 100, homesApproached: Int? = nil,
        circulation: CirculationPolicy = .broadcast
    ) {
        self.regions = regions
        self.homes = homes
        self.welfareStay = welfareStay
        self.justiceStay = justiceStay ?? welfareStay
        self.maximumWaitDays = maximumWaitDays
        self.warmUpDays = warmUpDays
        self.measuredDays = measuredDays
        self.distanceThresholdKilometres = distanceThresholdKilometres
        self.homesApproached = homesApproached
        self.circulation = circulation
    }

    public static let daysPerMonth = 365.25 / 12

    /// One home, every child accepted at once or turned away, exponential stays: the
    /// M/M/c/c queue whose blocking probability is Erlang-B of `load`.
    public static func lossSystem(
        beds: Int, load: Double, stay: StayDistribution = .exponential(meanDays: 30), measuredDays: Double
    ) -> SimulationModel {
        let place = Coordinate(latitude: 52.5, longitude: -1.9)
        let arrivalsPerDay = load / stay.meanDays
        return SimulationModel(
            regions: [
                RegionalDemand(
                    name: "All", referralsPerMonth: arrivalsPerDay * daysPerMonth, origins: [WeightedLocation(place)])
            ],
            homes: [HomeCapacity(name: "Home", region: "All", location: place, welfareBeds: beds)],
            welfareStay: stay, maximumWaitDays: 0, warmUpDays: 10 * stay.meanDays, measuredDays: measuredDays)
    }
}
