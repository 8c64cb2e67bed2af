import Coordination
import Foundation
import SecurePlaceCore

/// The numbers one table row shows, already added up.
struct CountsView: Encodable {
    var registered: Int
    var open: Int
    var occupied: Int
    var reserved: Int
    var closed: Int
    var vacant: Int
    var welfareVacancies: Int
    var justiceVacancies: Int

    init(_ counts: BedCountsByKind) {
        let all = counts.all
        registered = all.registered
        open = all.open
        occupied = all.occupied
        reserved = all.reserved
        closed = all.closed
        vacant = all.vacant
        welfareVacancies = counts.welfareVacancies
        justiceVacancies = counts.justice.vacant
    }
}

struct BoardPage: Encodable {
    struct HomeRow: Encodable {
        var id: UUID
        var name: String
        var registeredFor: String
        var counts: CountsView
        var lastConfirmed: String
        var confirmedToday: Bool
    }

    struct RegionSection: Encodable {
        var code: String
        var name: String
        var homes: [HomeRow]
        var total: CountsView
    }

    var chrome: PageChrome
    var dateValue: String
    var dateError: String?
    var isToday: Bool
    var asOf: String
    var national: CountsView
    var homeCount: Int
    var regions: [RegionSection]

    init(board: BedBoard, isDemo: Bool, today: CalendarDate, dateValue: String, dateError: String?) {
        chrome = PageChrome(title: "National bed board", isDemo: isDemo, hasError: dateError != nil)
        self.dateValue = dateValue
        self.dateError = dateError
        isToday = board.day == today
        asOf = isToday ? DisplayFormat.dateTime(board.asOf) : "the end of \(board.day.longForm)"
        national = CountsView(board.national)
        homeCount = board.homes.count
        regions = board.regions.map { region in
            RegionSection(
                code: region.region.code, name: region.region.name,
                homes: region.homes.map { home in
                    HomeRow(
                        id: home.id, name: home.name,
                        registeredFor: DisplayFormat.sexesAndAges(
                            sexes: home.acceptedSexes, minimumAge: home.minimumAge, maximumAge: home.maximumAge),
                        counts: CountsView(home.beds),
                        lastConfirmed: home.lastConfirmedAt.map(DisplayFormat.dateTime) ?? "Never",
                        confirmedToday: home.lastConfirmedAt.map { CalendarDate(containing: $0) == today } ?? false)
                },
                total: CountsView(region.beds))
        }
    }
}

struct HomePage: Encodable {
    struct KindRow: Encodable {
        var kind: String
        var registered: Int
        var open: Int
        var occupied: Int
        var reserved: Int
        var vacant: Int
        var closedForStaffing: Int
        var closedForRepair: Int
    }

    struct BedRow: Encodable {
        var label: String
        var kind: String
        var status: String
        var statusTag: String
        var since: String
    }

    var chrome: PageChrome
    var id: UUID
    var name: String
    var reference: String
    var region: String
    var localAuthority: String
    var registeredFor: String
    var specialisms: [String]
    var lastConfirmed: String
    var confirmedToday: Bool
    var asOf: String
    var dateValue: String
    var kinds: [KindRow]
    var beds: [BedRow]

    init(_ home: HomeBeds, authorityName: String, isDemo: Bool, today: CalendarDate, dateValue: String) {
        let entry = home.entry
        chrome = PageChrome(title: home.home.name, isDemo: isDemo)
        id = home.home.id
        name = home.home.name
        reference = home.home.reference
        region = home.home.region.name
        localAuthority = authorityName
        registeredFor = DisplayFormat.sexesAndAges(
            sexes: entry.acceptedSexes, minimumAge: entry.minimumAge, maximumAge: entry.maximumAge)
        specialisms = home.home.specialisms.sorted().map(\.name)
        lastConfirmed = entry.lastConfirmedAt.map(DisplayFormat.dateTime) ?? "Never"
        confirmedToday = entry.lastConfirmedAt.map { CalendarDate(containing: $0) == today } ?? false
        let day = CalendarDate(containing: home.asOf)
        asOf = day == today ? DisplayFormat.dateTime(home.asOf) : "the end of \(day.longForm)"
        self.dateValue = dateValue
        kinds = BedKind.allCases.map { kind in
            let counts = entry.beds[kind]
            return KindRow(
                kind: kind.name, registered: counts.registered, open: counts.open, occupied: counts.occupied,
                reserved: counts.reserved, vacant: counts.vacant, closedForStaffing: counts.closedForStaffing,
                closedForRepair: counts.closedForRepair)
        }
        beds = home.beds.map { line in
            let (status, tag): (String, String) =
                switch line.status {
                case .vacant: ("Vacant", "vacant")
                case .occupied: ("Occupied", "occupied")
                case .reserved: ("Reserved", "reserved")
                case .closed(let reason): (reason.name, "closed")
                }
            return BedRow(
                label: line.bed.label, kind: line.bed.kind.name, status: status, statusTag: tag,
                since: DisplayFormat.dateTime(line.since))
        }
    }
}
