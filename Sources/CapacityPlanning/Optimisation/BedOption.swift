import SecurePlaceCore

/// A place a new home could be built: a site in a region, with the offer behaviour the
/// planners assume for it (by default, the national average).
public struct NewHomeSite: Hashable, Codable, Sendable {
    public var name: String
    public var region: String
    public var location: Coordinate
    public var offerProbabilities: [Double]

    public init(name: String, region: String, location: Coordinate, offerProbabilities: [Double]) {
        self.name = name
        self.region = region
        self.location = location
        self.offerProbabilities = offerProbabilities
    }
}

/// Where one step of the plan puts its beds.
public enum BedOption: Hashable, Sendable {
    case existingHome(index: Int)
    case newHome(NewHomeSite)

    /// The model with `beds` more welfare beds here, and the index of the home that got them.
    func adding(_ beds: Int, to model: SimulationModel) -> (model: SimulationModel, home: Int) {
        var changed = model
        switch self {
        case .existingHome(let index):
            changed.homes[index].welfareBeds += beds
            return (changed, index)
        case .newHome(let site):
            changed.homes.append(
                HomeCapacity(
                    name: site.name, region: site.region, location: site.location, welfareBeds: beds,
                    offerProbabilities: site.offerProbabilities))
            return (changed, changed.homes.count - 1)
        }
    }
}
