/// How many beds are in each state. Registered is not open: a registered bed may be closed
/// for staffing, repair or another reason, so the board shows registered, open and occupied apart.
public struct BedCounts: Hashable, Codable, Sendable {
    public var registered = 0
    public var occupied = 0
    public var reserved = 0
    public var vacant = 0
    public var closedForStaffing = 0
    /// Repair or refurbishment.
    public var closedForRepair = 0
    /// After an incident, or for another reason.
    public var closedForOtherReasons = 0

    public init() {}

    public var closed: Int { closedForStaffing + closedForRepair + closedForOtherReasons }
    /// Beds that can be used today: registered less closed.
    public var open: Int { registered - closed }

    public mutating func count(_ status: BedStatus) {
        registered += 1
        switch status {
        case .vacant: vacant += 1
        case .occupied: occupied += 1
        case .reserved: reserved += 1
        case .closed(.staffing): closedForStaffing += 1
        case .closed(.repair), .closed(.refurbishment): closedForRepair += 1
        case .closed(.incident), .closed(.other): closedForOtherReasons += 1
        }
    }

    public static func + (lhs: BedCounts, rhs: BedCounts) -> BedCounts {
        var sum = lhs
        sum.registered += rhs.registered
        sum.occupied += rhs.occupied
        sum.reserved += rhs.reserved
        sum.vacant += rhs.vacant
        sum.closedForStaffing += rhs.closedForStaffing
        sum.closedForRepair += rhs.closedForRepair
        sum.closedForOtherReasons += rhs.closedForOtherReasons
        return sum
    }

    enum CodingKeys: String, CodingKey {
        case registered, open, occupied, reserved, vacant, closed, closedForStaffing, closedForRepair
        case closedForOtherReasons
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        registered = try container.decode(Int.self, forKey: .registered)
        occupied = try container.decode(Int.self, forKey: .occupied)
        reserved = try container.decode(Int.self, forKey: .reserved)
        vacant = try container.decode(Int.self, forKey: .vacant)
        closedForStaffing = try container.decode(Int.self, forKey: .closedForStaffing)
        closedForRepair = try container.decode(Int.self, forKey: .closedForRepair)
        closedForOtherReasons = try container.decodeIfPresent(Int.self, forKey: .closedForOtherReasons) ?? 0
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(registered, forKey: .registered)
        try container.encode(open, forKey: .open)
        try container.encode(occupied, forKey: .occupied)
        try container.encode(reserved, forKey: .reserved)
        try container.encode(vacant, forKey: .vacant)
        try container.encode(closed, forKey: .closed)
        try container.encode(closedForStaffing, forKey: .closedForStaffing)
        try container.encode(closedForRepair, forKey: .closedForRepair)
        try container.encode(closedForOtherReasons, forKey: .closedForOtherReasons)
    }
}

/// Bed counts split by who the beds are open to.
public struct BedCountsByKind: Hashable, Codable, Sendable {
    public var welfare = BedCounts()
    public var justice = BedCounts()
    public var either = BedCounts()

    public init() {}

    public var all: BedCounts { welfare + justice + either }

    /// Vacant beds a welfare referral could be offered now.
    public var welfareVacancies: Int { welfare.vacant + either.vacant }

    public subscript(kind: BedKind) -> BedCounts {
        get {
            switch kind {
            case .welfare: welfare
            case .justice: justice
            case .either: either
            }
        }
        set {
            switch kind {
            case .welfare: welfare = newValue
            case .justice: justice = newValue
            case .either: either = newValue
            }
        }
    }

    public static func + (lhs: BedCountsByKind, rhs: BedCountsByKind) -> BedCountsByKind {
        var sum = BedCountsByKind()
        for kind in BedKind.allCases { sum[kind] = lhs[kind] + rhs[kind] }
        return sum
    }
}
