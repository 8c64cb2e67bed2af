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
    /// For a home's manager whose beds are not confirmed today: the home to confirm.
    var unconfirmedHome: HomeRow?

    init(
        board: BedBoard, isDemo: Bool, signedIn: SignedInRequest?, today: CalendarDate, dateValue: String,
        dateError: String?
    ) {
        chrome = PageChrome(title: "National bed board", isDemo: isDemo, hasError: dateError != nil, signedIn: signedIn)
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
                        id: home.id, name: home.name, registeredFor: home.registeredFor, counts: CountsView(home.beds),
                        lastConfirmed: home.lastConfirmed, confirmedToday: home.wasConfirmed(on: today))
                },
                total: CountsView(region.beds))
        }
        let ownHome = signedIn?.principal.role == .homeManager ? signedIn?.principal.homeReference : nil
        let ownEntry = board.homes.first { $0.reference == ownHome }
        unconfirmedHome =
            isToday && ownEntry?.wasConfirmed(on: today) == false
            ? regions.flatMap(\.homes).first { $0.id == ownEntry?.id } : nil
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
        var closedForOtherReasons: Int
    }

    struct BedRow: Encodable {
        var id: UUID
        /// For an occupied bed: its placement, for the expected discharge.
        var placementID: UUID?
        var expectedDischargeOn: String?
        var dischargeError: String?
        var canReopen: Bool
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
    /// The home's own manager, looking at today's board, may change its beds.
    var canManage: Bool
    var notice: String?
    var closureReasons: [BedClosureReasonChoice]
    var calendar: [CalendarWeek] = []
    var outages: [OutageRow] = []
    /// Ended records not shown (all of them are in the coordinators' CSV and the API).
    var olderOutages = 0
    static let endedOutagesShown = 10
    var errors: [FieldErrorView] = []
    var messages: [String: String] = [:]
    /// The out-of-service form's values, kept when it is shown again with its errors.
    var outageForm: [String: String] = [:]
    var vacantBeds: [Choice] = []

    struct CalendarWeek: Encodable {
        var label: String
        var days: [CalendarDay]
    }

    struct CalendarDay: Encodable {
        var label: String
        var vacant: Int
        var outOfService: Int
        var expectedToFreeUp: Int
    }

    struct OutageRow: Encodable {
        var id: UUID
        var bed: String
        var reason: String
        var startsOn: String
        var expectedEndOn: String
        var expectedEndValue: String
        var endedOn: String?
        var bedDaysLost: Int
        var note: String
        var revisions: [String]
        var isPlanned: Bool
        var canRevise: Bool
        var reviseError: String?
    }

    struct BedClosureReasonChoice: Encodable {
        var value: String
        var label: String
    }

    init(
        _ home: HomeBeds, authorityName: String, isDemo: Bool, signedIn: SignedInRequest?, today: CalendarDate,
        dateValue: String
    ) {
        let entry = home.entry
        chrome = PageChrome(title: home.home.name, isDemo: isDemo, signedIn: signedIn)
        id = home.home.id
        name = home.home.name
        reference = home.home.reference
        region = home.home.region.name
        localAuthority = authorityName
        registeredFor = entry.registeredFor
        specialisms = home.home.specialisms.sorted().map(\.name)
        lastConfirmed = entry.lastConfirmed
        confirmedToday = entry.wasConfirmed(on: today)
        let day = CalendarDate(containing: home.asOf)
        asOf = day == today ? DisplayFormat.dateTime(home.asOf) : "the end of \(day.longForm)"
        self.dateValue = dateValue
        kinds = BedKind.allCases.map { kind in
            let counts = entry.beds[kind]
            return KindRow(
                kind: kind.name, registered: counts.registered, open: counts.open, occupied: counts.occupied,
                reserved: counts.reserved, vacant: counts.vacant, closedForStaffing: counts.closedForStaffing,
                closedForRepair: counts.closedForRepair, closedForOtherReasons: counts.closedForOtherReasons)
        }
        let canManage =
            day == today && signedIn?.principal.role == .homeManager
            && signedIn?.principal.homeReference == home.home.reference
        self.canManage = canManage
        notice = nil
        closureReasons = BedClosureReason.allCases.map { .init(value: $0.rawValue, label: $0.name) }
        beds = home.beds.map { line in
            BedRow(
                id: line.bed.id, placementID: nil,
                expectedDischargeOn: nil, dischargeError: nil,
                canReopen: canManage && !line.status.isOpen, label: line.bed.label, kind: line.bed.kind.name,
                status: line.status.name,
                statusTag: line.status.code, since: DisplayFormat.dateTime(line.since))
        }
    }
}

extension BedBoard.HomeEntry {
    /// Such as "Girls and boys, 10 to 17".
    var registeredFor: String {
        DisplayFormat.sexesAndAges(sexes: acceptedSexes, minimumAge: minimumAge, maximumAge: maximumAge)
    }

    var lastConfirmed: String { lastConfirmedAt.map(DisplayFormat.dateTime) ?? "Never" }

    /// A home that has not confirmed its beds today is shown as unconfirmed.
    func wasConfirmed(on day: CalendarDate) -> Bool {
        lastConfirmedAt.map { CalendarDate(containing: $0) == day } ?? false
    }
}
