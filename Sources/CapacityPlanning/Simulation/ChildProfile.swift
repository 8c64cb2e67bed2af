import SecurePlaceCore

/// Whether a child comes through a local authority (welfare) or the Youth Custody Service
/// (justice); it decides which beds the child may take.
public enum PlacementRoute: Int, Hashable, Codable, Sendable, CaseIterable {
    case welfare
    case justice

    public var name: String { self == .welfare ? "Welfare" : "Justice" }
}

/// The facts about a child that change whether a home offers: the ones the national study
/// found mattered. Every profile has a dense index so the engine can keep per-profile
/// figures in flat arrays.
public struct ChildProfile: Hashable, Codable, Sendable, CustomStringConvertible {
    public var route: PlacementRoute
    public var sex: Sex
    public var ageBand: AgeBand
    /// Offending history, gang association or harmful sexual behaviour.
    public var hasFlagAssociatedWithRefusal: Bool

    public init(route: PlacementRoute, sex: Sex, ageBand: AgeBand, hasFlagAssociatedWithRefusal: Bool) {
        self.route = route
        self.sex = sex
        self.ageBand = ageBand
        self.hasFlagAssociatedWithRefusal = hasFlagAssociatedWithRefusal
    }

    public static let count = PlacementRoute.allCases.count * Sex.allCases.count * AgeBand.allCases.count * 2

    public static let all: [ChildProfile] = (0..<count).map(ChildProfile.init(index:))

    /// A welfare profile that stands for "any child" in models that do not distinguish.
    public static let anyWelfareChild = ChildProfile(
        route: .welfare, sex: .female, ageBand: .fifteen, hasFlagAssociatedWithRefusal: false)

    public init(index: Int) {
        precondition((0..<Self.count).contains(index), "profile index out of range")
        hasFlagAssociatedWithRefusal = index % 2 == 1
        ageBand = AgeBand.allCases[(index / 2) % AgeBand.allCases.count]
        sex = Sex.allCases[(index / Self.perSex) % Sex.allCases.count]
        route = PlacementRoute.allCases[index / Self.perRoute]
    }

    public var index: Int {
        let age = AgeBand.allCases.firstIndex(of: ageBand)!
        let sexIndex = Sex.allCases.firstIndex(of: sex)!
        return route.rawValue * Self.perRoute + sexIndex * Self.perSex + age * 2
            + (hasFlagAssociatedWithRefusal ? 1 : 0)
    }

    private static let perSex = AgeBand.allCases.count * 2
    private static let perRoute = Sex.allCases.count * perSex

    public var description: String {
        "\(route.name.lowercased()), \(sex.name.lowercased()), \(ageBand.name.lowercased())"
            + (hasFlagAssociatedWithRefusal ? ", offending/gang/HSB flag" : "")
    }
}
