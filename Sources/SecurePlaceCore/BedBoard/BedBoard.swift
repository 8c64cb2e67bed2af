import Foundation

/// The national picture of secure beds at one moment: per region, per home, beds by kind and
/// status. Built from bed status intervals, so the picture for any past moment can be rebuilt.
public struct BedBoard: Hashable, Codable, Sendable {
    public struct HomeEntry: Hashable, Codable, Sendable, Identifiable {
        public var id: UUID
        public var reference: String
        public var name: String
        public var region: Region
        public var localAuthorityCode: String
        public var acceptedSexes: [Sex]
        public var minimumAge: Int
        public var maximumAge: Int
        public var lastConfirmedAt: Date?
        public var beds: BedCountsByKind

        public var welfareVacancies: Int { beds.welfareVacancies }
    }

    public struct RegionEntry: Hashable, Codable, Sendable {
        public var region: Region
        public var homes: [HomeEntry]

        public var beds: BedCountsByKind { homes.reduce(BedCountsByKind()) { $0 + $1.beds } }
    }

    /// The moment the picture is for.
    public var asOf: Date
    /// The reporting day that moment falls in.
    public var day: CalendarDate
    /// Every region, including those with no secure home, in the ONS order.
    public var regions: [RegionEntry]

    public var homes: [HomeEntry] { regions.flatMap(\.homes) }
    public var national: BedCountsByKind { regions.reduce(BedCountsByKind()) { $0 + $1.beds } }

    /// Builds the board from the homes, their beds and the status intervals in force.
    /// A bed with no interval covering `instant` was not registered then and is not counted.
    public static func build(
        homes: [SecureHome], beds: [Bed], intervals: [BedStatusInterval], at instant: Date
    ) -> BedBoard {
        var statusByBed: [UUID: BedStatus] = [:]
        for interval in intervals where interval.covers(instant) {
            statusByBed[interval.bedID] = interval.status
        }
        var countsByHome: [UUID: BedCountsByKind] = [:]
        for bed in beds {
            guard let status = statusByBed[bed.id] else { continue }
            countsByHome[bed.homeID, default: BedCountsByKind()][bed.kind].count(status)
        }
        let entries = homes.map { home in
            HomeEntry(
                id: home.id, reference: home.reference, name: home.name, region: home.region,
                localAuthorityCode: home.localAuthorityCode,
                acceptedSexes: Sex.allCases.filter(home.acceptedSexes.contains),
                minimumAge: home.ages.lowerBound, maximumAge: home.ages.upperBound,
                lastConfirmedAt: home.lastConfirmedAt, beds: countsByHome[home.id] ?? BedCountsByKind())
        }
        let regions = Region.allCases.map { region in
            RegionEntry(
                region: region,
                homes: entries.filter { $0.region == region }.sorted { $0.name < $1.name })
        }
        return BedBoard(asOf: instant, day: CalendarDate(containing: instant), regions: regions)
    }
}
