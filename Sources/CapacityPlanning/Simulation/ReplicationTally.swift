/// What one replication counted, over the children who arrived in the measured period.
public struct ReplicationTally: Sendable, Equatable {
    public var arrivalsByRegion: [Int]
    public var placedByRegion: [Int]
    public var placedWithinThresholdByRegion: [Int]
    public var arrivalsByProfile: [Int]
    public var placedByProfile: [Int]
    public var placedWithinThresholdByProfile: [Int]
    /// Days from referral to placement, summed over the children placed, by profile.
    public var waitDaysByProfile: [Double]
    public var totalWaitDays = 0.0
    public var totalDistanceKilometres = 0.0
    /// Occupied bed-days per home over the measured period.
    public var occupiedBedDaysByHome: [Double]
    /// Events taken off the queue, the unit of the engine's speed.
    public var eventsProcessed = 0

    init(regions: Int, homes: Int) {
        arrivalsByRegion = Array(repeating: 0, count: regions)
        placedByRegion = Array(repeating: 0, count: regions)
        placedWithinThresholdByRegion = Array(repeating: 0, count: regions)
        arrivalsByProfile = Array(repeating: 0, count: ChildProfile.count)
        placedByProfile = Array(repeating: 0, count: ChildProfile.count)
        placedWithinThresholdByProfile = Array(repeating: 0, count: ChildProfile.count)
        waitDaysByProfile = Array(repeating: 0, count: ChildProfile.count)
        occupiedBedDaysByHome = Array(repeating: 0, count: homes)
    }

    public var arrivals: Int { arrivalsByRegion.reduce(0, +) }
    public var placed: Int { placedByRegion.reduce(0, +) }
    public var placedWithinThreshold: Int { placedWithinThresholdByRegion.reduce(0, +) }

    public var placementRate: Double { arrivals == 0 ? 0 : Double(placed) / Double(arrivals) }
    public var shareWithinThreshold: Double {
        arrivals == 0 ? 0 : Double(placedWithinThreshold) / Double(arrivals)
    }
}
