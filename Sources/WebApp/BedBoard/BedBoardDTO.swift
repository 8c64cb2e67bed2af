import Coordination
import Foundation
import SecurePlaceCore
import Vapor

/// The bed board as the API speaks it (see openapi.json, schema BedBoard).
struct BedBoardDTO: Content {
    struct Counts: Content {
        var welfare: BedCounts
        var justice: BedCounts
        var either: BedCounts
        var all: BedCounts
        var welfareVacancies: Int

        init(_ counts: BedCountsByKind) {
            welfare = counts.welfare
            justice = counts.justice
            either = counts.either
            all = counts.all
            welfareVacancies = counts.welfareVacancies
        }
    }

    struct Home: Content {
        var id: UUID
        var reference: String
        var name: String
        var localAuthorityCode: String
        var acceptedSexes: [Sex]
        var minimumAge: Int
        var maximumAge: Int
        var lastConfirmedAt: Date?
        var beds: Counts
    }

    struct Region: Content {
        var code: String
        var name: String
        var beds: Counts
        var homes: [Home]
    }

    /// "synthetic demo data" when the database holds the demo, otherwise absent.
    var dataset: String?
    var asOf: Date
    var day: String
    var national: Counts
    var regions: [Region]

    init(_ board: BedBoard, dataset: String?) {
        self.dataset = dataset
        asOf = board.asOf
        day = board.day.iso
        national = Counts(board.national)
        regions = board.regions.map { region in
            Region(
                code: region.region.code, name: region.region.name, beds: Counts(region.beds),
                homes: region.homes.map { home in
                    Home(
                        id: home.id, reference: home.reference, name: home.name,
                        localAuthorityCode: home.localAuthorityCode, acceptedSexes: home.acceptedSexes,
                        minimumAge: home.minimumAge, maximumAge: home.maximumAge, lastConfirmedAt: home.lastConfirmedAt,
                        beds: Counts(home.beds))
                })
        }
    }
}

/// One home and its beds, as the API speaks it (schema HomeBeds).
struct HomeBedsDTO: Content {
    struct Line: Content {
        var id: UUID
        var label: String
        var kind: BedKind
        var status: String
        var closureReason: BedClosureReason?
        var since: Date
    }

    var dataset: String?
    var asOf: Date
    var home: BedBoardDTO.Home
    var specialisms: [NeedFlag]
    var beds: [Line]

    init(_ beds: HomeBeds, dataset: String?) {
        let entry = beds.entry
        self.dataset = dataset
        asOf = beds.asOf
        home = BedBoardDTO.Home(
            id: entry.id, reference: entry.reference, name: entry.name, localAuthorityCode: entry.localAuthorityCode,
            acceptedSexes: entry.acceptedSexes, minimumAge: entry.minimumAge, maximumAge: entry.maximumAge,
            lastConfirmedAt: entry.lastConfirmedAt, beds: BedBoardDTO.Counts(entry.beds))
        specialisms = beds.home.specialisms.sorted()
        self.beds = beds.beds.map { line in
            Line(
                id: line.bed.id, label: line.bed.label, kind: line.bed.kind, status: line.status.code,
                closureReason: line.status.closureReason, since: line.since)
        }
    }
}
