/// What the optimiser maximises.
public enum PlanningObjective: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The share of referred children who are placed.
    case placementRate
    /// The share of referred children placed within this many kilometres of home.
    case placedWithinKilometres(Double)

    /// Reads `placement-rate` or `placed-within-km=100`.
    public init?(argument: String) {
        if argument == "placement-rate" {
            self = .placementRate
            return
        }
        let prefix = "placed-within-km="
        guard argument.hasPrefix(prefix), let kilometres = Double(argument.dropFirst(prefix.count)),
            kilometres > 0, kilometres.isFinite
        else { return nil }
        self = .placedWithinKilometres(kilometres)
    }

    public var argument: String {
        switch self {
        case .placementRate: "placement-rate"
        case .placedWithinKilometres(let kilometres): "placed-within-km=\(Self.format(kilometres))"
        }
    }

    public var description: String {
        switch self {
        case .placementRate: "share of children placed"
        case .placedWithinKilometres(let kilometres): "share of children placed within \(Self.format(kilometres)) km"
        }
    }

    /// The model with its distance threshold set for this objective.
    func applied(to model: SimulationModel) -> SimulationModel {
        guard case .placedWithinKilometres(let kilometres) = self else { return model }
        var changed = model
        changed.distanceThresholdKilometres = kilometres
        return changed
    }

    /// The objective in one replication, nationally or for one region.
    func value(in tally: ReplicationTally, region: Int? = nil) -> Double {
        let arrivals = region.map { tally.arrivalsByRegion[$0] } ?? tally.arrivals
        guard arrivals > 0 else { return 0 }
        let successes: Int
        switch self {
        case .placementRate: successes = region.map { tally.placedByRegion[$0] } ?? tally.placed
        case .placedWithinKilometres:
            successes = region.map { tally.placedWithinThresholdByRegion[$0] } ?? tally.placedWithinThreshold
        }
        return Double(successes) / Double(arrivals)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
