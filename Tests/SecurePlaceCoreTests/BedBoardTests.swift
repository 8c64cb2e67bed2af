import Foundation
import SecurePlaceCore
import Testing

@Suite("Bed board")
struct BedBoardTests {
    let home = makeHome(name: "Aldersyke House", region: .northEast)
    let other = makeHome(name: "Tŷ Derwen", region: .wales)

    func bed(_ kind: BedKind, at home: SecureHome) -> Bed {
        Bed(id: UUID(), homeID: home.id, label: "room", kind: kind)
    }

    @Test("counts each bed by kind and status at the moment asked, and never counts a bed twice")
    func countsAtAMoment() {
        let welfare = bed(.welfare, at: home)
        let closed = bed(.welfare, at: home)
        let either = bed(.either, at: home)
        let justice = bed(.justice, at: other)
        let noon = instant("2026-06-01T12:00:00Z")
        let intervals = [
            BedStatusInterval(bedID: welfare.id, status: .vacant, from: instant("2026-01-01T00:00:00Z"), to: noon),
            BedStatusInterval(bedID: welfare.id, status: .occupied, from: noon),
            BedStatusInterval(bedID: closed.id, status: .closed(.staffing), from: instant("2026-05-01T00:00:00Z")),
            BedStatusInterval(bedID: either.id, status: .vacant, from: instant("2026-01-01T00:00:00Z")),
            BedStatusInterval(bedID: justice.id, status: .reserved, from: instant("2026-05-30T00:00:00Z")),
        ]
        let board = BedBoard.build(
            homes: [home, other], beds: [welfare, closed, either, justice], intervals: intervals, at: noon)

        let entry = board.homes.first { $0.id == home.id }!
        #expect(entry.beds.welfare.registered == 2)
        #expect(entry.beds.welfare.occupied == 1, "the interval starting at noon holds at noon")
        #expect(entry.beds.welfare.closedForStaffing == 1)
        #expect(entry.beds.welfare.open == 1, "registered is not open")
        #expect(entry.welfareVacancies == 1, "the either bed is vacant and open to welfare referrals")
        #expect(board.national.justice.reserved == 1)
        #expect(board.national.all.registered == 4)
        #expect(board.regions.count == Region.allCases.count, "regions with no home are shown too")
        #expect(board.regions.first { $0.region == .london }!.homes.isEmpty)
    }

    @Test("a bed with no interval at that moment was not registered then and is not counted")
    func bedsNotYetRegistered() {
        let newBed = bed(.welfare, at: home)
        let intervals = [BedStatusInterval(bedID: newBed.id, status: .vacant, from: instant("2026-06-01T00:00:00Z"))]
        let before = BedBoard.build(
            homes: [home], beds: [newBed], intervals: intervals, at: instant("2026-05-31T23:59:59Z"))
        let after = BedBoard.build(
            homes: [home], beds: [newBed], intervals: intervals, at: instant("2026-06-01T00:00:00Z"))
        #expect(before.national.all.registered == 0)
        #expect(after.national.all.registered == 1)
    }

    @Test("counts encode open and closed totals for the API")
    func encodesDerivedTotals() throws {
        var counts = BedCounts()
        counts.count(.vacant)
        counts.count(.closed(.repair))
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(counts)) as! [String: Int]
        #expect(json["registered"] == 2)
        #expect(json["open"] == 1)
        #expect(json["closed"] == 1)
        #expect(try JSONDecoder().decode(BedCounts.self, from: JSONEncoder().encode(counts)) == counts)
    }
}
