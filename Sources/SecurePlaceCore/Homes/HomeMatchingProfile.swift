import Foundation

/// What a room offers, as the home records it for each bed.
public enum RoomFeature: String, Codable, Sendable, CaseIterable, Comparable {
    case singleRoom = "single-room"
    case enSuite = "en-suite"
    case stepFree = "step-free"
    case suitableForDisabledChild = "suitable-for-disabled-child"

    public var name: String {
        switch self {
        case .singleRoom: "Single room"
        case .enSuite: "En-suite"
        case .stepFree: "Step-free"
        case .suitableForDisabledChild: "Suitable for a disabled child"
        }
    }

    public static func < (lhs: RoomFeature, rhs: RoomFeature) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a home says it can and cannot take, beyond its registration: the needs it cannot meet
/// (from the domain's list of needs and risks), the youngest child it takes, what each room
/// offers, and notes. The home's manager keeps it; the ranking excludes a home for a child it
/// says it cannot take, and names the statement.
public struct HomeMatchingProfile: Hashable, Codable, Sendable {
    public var homeID: UUID
    /// A child with any of these is outside what the home says it can manage.
    public var cannotTake: Set<NeedFlag>
    /// The youngest child the home takes, when it is older than its registration allows.
    public var youngestAge: Int?
    public var rooms: [UUID: Set<RoomFeature>]
    public var notes: String

    public init(
        homeID: UUID, cannotTake: Set<NeedFlag> = [], youngestAge: Int? = nil, rooms: [UUID: Set<RoomFeature>] = [:],
        notes: String = ""
    ) {
        self.homeID = homeID
        self.cannotTake = cannotTake
        self.youngestAge = youngestAge
        self.rooms = rooms
        self.notes = notes
    }

    /// Why the home says it cannot take this child, in words; empty when it says nothing
    /// against it.
    public func statements(against flags: Set<NeedFlag>, age: Int) -> [String] {
        var statements = flags.intersection(cannotTake).sorted().map {
            "cannot take a child with \($0.name.lowercased())"
        }
        if let youngestAge, age < youngestAge { statements.append("takes no child under \(youngestAge)") }
        return statements
    }
}

/// A home an authority has decided not to use for its children, with its reason: the ranking
/// excludes the home for that authority's referrals and says why.
public struct AuthorityExclusion: Hashable, Codable, Sendable, Identifiable {
    public var id: UUID
    public var localAuthorityCode: String
    public var homeID: UUID
    public var reason: String
    public var recordedAt: Date
    public var recordedBy: UUID?

    public init(
        id: UUID, localAuthorityCode: String, homeID: UUID, reason: String, recordedAt: Date, recordedBy: UUID?
    ) {
        self.id = id
        self.localAuthorityCode = localAuthorityCode
        self.homeID = homeID
        self.reason = reason
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
