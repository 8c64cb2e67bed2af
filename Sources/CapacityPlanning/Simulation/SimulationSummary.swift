/// The figures a planner reads from a set of replications, each with its confidence interval
/// across replications.
public struct SimulationSummary: Sendable {
    public struct RegionFigures: Sendable {
        public var name: String
        public var arrivalsPerReplication: Double
        public var placementRate: Estimate
        public var shareWithinThreshold: Estimate
    }

    public struct ProfileFigures: Sendable {
        public var profile: ChildProfile
        public var arrivalsPerReplication: Double
        public var placementRate: Estimate
        public var shareWithinThreshold: Estimate
        public var meanDaysToPlacement: Estimate
    }

    public struct HomeFigures: Sendable {
        public var name: String
        public var beds: Int
        public var occupancy: Estimate
    }

    public var replications: Int
    public var confidence: Double
    public var placementRate: Estimate
    public var shareWithinThreshold: Estimate
    public var distanceThresholdKilometres: Double
    public var meanDaysToPlacement: Estimate
    public var meanDistanceKilometres: Estimate
    public var regions: [RegionFigures]
    /// Profiles that arrived at all, most frequent first.
    public var profiles: [ProfileFigures]
    public var homes: [HomeFigures]
    public var eventsProcessed: Int
    public var tallies: [ReplicationTally]

    public init(model: SimulationModel, tallies: [ReplicationTally], confidence: Double = 0.95) {
        func estimate(_ value: (ReplicationTally) -> Double) -> Estimate {
            Estimate.mean(of: tallies.map(value), confidence: confidence)
        }
        func ratio(_ numerator: Int, _ denominator: Int) -> Double {
            denominator == 0 ? 0 : Double(numerator) / Double(denominator)
        }
        let count = Double(max(tallies.count, 1))
        replications = tallies.count
        self.confidence = confidence
        self.tallies = tallies
        distanceThresholdKilometres = model.distanceThresholdKilometres
        placementRate = estimate(\.placementRate)
        shareWithinThreshold = estimate(\.shareWithinThreshold)
        meanDaysToPlacement = estimate { $0.placed == 0 ? 0 : $0.totalWaitDays / Double($0.placed) }
        meanDistanceKilometres = estimate { $0.placed == 0 ? 0 : $0.totalDistanceKilometres / Double($0.placed) }
        regions = model.regions.indices.map { index in
            RegionFigures(
                name: model.regions[index].name,
                arrivalsPerReplication: Double(tallies.reduce(0) { $0 + $1.arrivalsByRegion[index] }) / count,
                placementRate: estimate { ratio($0.placedByRegion[index], $0.arrivalsByRegion[index]) },
                shareWithinThreshold: estimate {
                    ratio($0.placedWithinThresholdByRegion[index], $0.arrivalsByRegion[index])
                })
        }
        profiles = ChildProfile.all.compactMap { profile in
            let figures = GroupFigures(tallies: tallies, confidence: confidence) { $0 == profile }
            guard figures.arrivalsPerReplication > 0 else { return nil }
            return ProfileFigures(
                profile: profile, arrivalsPerReplication: figures.arrivalsPerReplication,
                placementRate: figures.placementRate, shareWithinThreshold: figures.shareWithinThreshold,
                meanDaysToPlacement: figures.meanDaysToPlacement)
        }.sorted { $0.arrivalsPerReplication > $1.arrivalsPerReplication }
        homes = model.homes.indices.map { index in
            let beds = model.homes[index].totalBeds
            return HomeFigures(
                name: model.homes[index].name, beds: beds,
                occupancy: estimate {
                    beds == 0 ? 0 : $0.occupiedBedDaysByHome[index] / (Double(beds) * model.measuredDays)
                })
        }
        eventsProcessed = tallies.reduce(0) { $0 + $1.eventsProcessed }
    }
}
