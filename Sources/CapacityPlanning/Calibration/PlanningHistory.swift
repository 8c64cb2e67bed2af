import SecurePlaceCore

/// What the service's own records say, reduced to the facts the capacity model needs: no
/// names, no identifiers, only what happened and when. Times are days from the start of
/// the observed period.
public struct PlanningHistory: Sendable {
    public struct Referral: Sendable {
        public var region: String
        /// The referring authority's centroid.
        public var origin: Coordinate
        public var profile: ChildProfile
        public var day: Double

        public init(region: String, origin: Coordinate, profile: ChildProfile, day: Double) {
            self.region = region
            self.origin = origin
            self.profile = profile
            self.day = day
        }
    }

    public struct Stay: Sendable {
        public var days: Double
        /// False while the child is still in the home: the stay is at least `days` long.
        public var hasEnded: Bool

        public init(days: Double, hasEnded: Bool) {
            self.days = days
            self.hasEnded = hasEnded
        }
    }

    public struct Response: Sendable {
        public var home: String
        public var profile: ChildProfile
        public var offered: Bool
        /// A decline whose only reasons were about beds (none vacant, closed): the model
        /// accounts for vacancies itself, so these say nothing about willingness to offer.
        public var declinedOnlyForLackOfBeds: Bool

        public init(home: String, profile: ChildProfile, offered: Bool, declinedOnlyForLackOfBeds: Bool) {
            self.home = home
            self.profile = profile
            self.offered = offered
            self.declinedOnlyForLackOfBeds = declinedOnlyForLackOfBeds
        }
    }

    public struct Home: Sendable {
        public var name: String
        public var region: String
        public var location: Coordinate
        /// Beds open on an average day over the period, by kind (registered beds that were
        /// closed for staffing or repair do not count).
        public var openWelfareBeds: Double
        public var openJusticeBeds: Double
        public var openFlexibleBeds: Double
        public var registeredBeds: Int
        public var acceptedSexes: Set<Sex>
        public var ages: ClosedRange<Int>

        public init(
            name: String, region: String, location: Coordinate, openWelfareBeds: Double, openJusticeBeds: Double,
            openFlexibleBeds: Double, registeredBeds: Int, acceptedSexes: Set<Sex>, ages: ClosedRange<Int>
        ) {
            self.name = name
            self.region = region
            self.location = location
            self.openWelfareBeds = openWelfareBeds
            self.openJusticeBeds = openJusticeBeds
            self.openFlexibleBeds = openFlexibleBeds
            self.registeredBeds = registeredBeds
            self.acceptedSexes = acceptedSexes
            self.ages = ages
        }

        /// Whether the home's registration allows a child of this sex and age band at all.
        public func registrationAllows(_ profile: ChildProfile) -> Bool {
            guard acceptedSexes.contains(profile.sex) else { return false }
            let band: ClosedRange<Int> =
                switch profile.ageBand {
                case .under13: 10...12
                case .thirteenToFourteen: 13...14
                case .fifteen: 15...15
                case .sixteenToSeventeen: 16...17
                case .eighteenOrOver: 18...18
                }
            return band.overlaps(ages)
        }
    }

    public var observedDays: Double
    public var regions: [String]
    public var referrals: [Referral]
    public var stays: [Stay]
    public var responses: [Response]
    public var homes: [Home]
    /// For each referral that no home offered to, how many homes with a vacancy it reached
    /// (answers other than "no bed"): the breadth of circulation, which placed referrals
    /// understate because circulation stops at an offer.
    public var homesApproachedPerReferral: [Int]

    public init(
        observedDays: Double, regions: [String], referrals: [Referral], stays: [Stay], responses: [Response],
        homes: [Home], homesApproachedPerReferral: [Int] = []
    ) {
        self.observedDays = observedDays
        self.regions = regions
        self.referrals = referrals
        self.stays = stays
        self.responses = responses
        self.homes = homes
        self.homesApproachedPerReferral = homesApproachedPerReferral
    }
}
