import Foundation

/// Why a registered bed is out of service: the coded reason of a closure and of its record.
public enum BedClosureReason: String, Codable, Sendable, CaseIterable {
    case staffing
    case repair
    case refurbishment
    case incident
    case other

    public var name: String {
        switch self {
        case .staffing: "Closed (staffing)"
        case .repair: "Closed (repair)"
        case .refurbishment: "Closed (refurbishment)"
        case .incident: "Closed (after an incident)"
        case .other: "Closed (other reason)"
        }
    }
}

/// The state of one bed at a moment.
public enum BedStatus: Hashable, Codable, Sendable {
    case vacant
    case occupied
    /// Held for an accepted offer until the child is admitted.
    case reserved
    case closed(BedClosureReason)

    public var isOpen: Bool { closureReason == nil }

    /// The status without its reason: `vacant`, `occupied`, `reserved` or `closed`, as stored
    /// and as the API speaks it.
    public var code: String {
        switch self {
        case .vacant: "vacant"
        case .occupied: "occupied"
        case .reserved: "reserved"
        case .closed: "closed"
        }
    }

    public var closureReason: BedClosureReason? {
        if case .closed(let reason) = self { return reason }
        return nil
    }

    /// Rebuilds a status from its code and, for a closed bed, the reason; nil when they do
    /// not make a status.
    public init?(code: String, closureReason: BedClosureReason?) {
        switch (code, closureReason) {
        case ("vacant", nil): self = .vacant
        case ("occupied", nil): self = .occupied
        case ("reserved", nil): self = .reserved
        case ("closed", let reason?): self = .closed(reason)
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .vacant: "Vacant"
        case .occupied: "Occupied"
        case .reserved: "Reserved"
        case .closed(let reason): reason.name
        }
    }
}

/// A bed's status over a half-open interval of time, `from..<to`; `to` is nil while the status
/// holds. The board for any past moment is rebuilt from these intervals.
public struct BedStatusInterval: Hashable, Codable, Sendable {
    public var bedID: UUID
    public var status: BedStatus
    public var from: Date
    public var to: Date?

    public init(bedID: UUID, status: BedStatus, from: Date, to: Date? = nil) {
        self.bedID = bedID
        self.status = status
        self.from = from
        self.to = to
    }

    public func covers(_ instant: Date) -> Bool {
        from <= instant && (to.map { instant < $0 } ?? true)
    }
}
