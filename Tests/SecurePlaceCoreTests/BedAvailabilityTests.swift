import Foundation
import SecurePlaceCore
import Testing

@Suite("A home's beds over dates")
struct BedAvailabilityTests {
    static let today = CalendarDate(iso: "2026-12-01")!
    static let homeID = UUID()

    static func bed(_ label: String, _ kind: BedKind = .welfare) -> Bed {
        Bed(id: UUID(), homeID: homeID, label: label, kind: kind)
    }

    static func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) }

    static func outage(
        _ bed: Bed, _ reason: BedClosureReason = .repair, from start: Int, expectedEnd: Int? = nil, ended: Int? = nil
    ) -> BedOutage {
        BedOutage(
            id: UUID(), bedID: bed.id, homeID: homeID, reason: reason, startsOn: day(start),
            expectedEndOn: expectedEnd.map(day), endedOn: ended.map(day))
    }

    @Test(
        "today's statuses carried forward: a discharge frees the bed the day after, an outage takes it while it lasts")
    func projection() {
        let leaving = Self.bed("Room 1")
        let staying = Self.bed("Room 2")
        let reserved = Self.bed("Room 3")
        let refurbished = Self.bed("Room 4")
        let justice = Self.bed("Room 5", .justice)
        let beds = [
            BedAvailability.BedToday(bed: leaving, status: .occupied, expectedDischargeOn: Self.day(2)),
            BedAvailability.BedToday(bed: staying, status: .occupied),
            BedAvailability.BedToday(bed: reserved, status: .reserved),
            BedAvailability.BedToday(bed: refurbished, status: .vacant),
            BedAvailability.BedToday(bed: justice, status: .vacant),
        ]
        let outages = [Self.outage(refurbished, .refurbishment, from: 4, expectedEnd: 5)]
        let days = BedAvailability.project(
            beds, outages: outages, today: Self.today, from: Self.day(-3), through: Self.day(6))
        #expect(days.first?.day == Self.today, "nothing before today")
        #expect(days.count == 7)
        #expect(days.map(\.vacantForWelfare) == [1, 1, 1, 2, 1, 1, 2])
        #expect(days.map(\.vacant) == [2, 2, 2, 3, 2, 2, 3])
        #expect(days.map(\.outOfService) == [0, 0, 0, 0, 1, 1, 0])
        #expect(days.map(\.expectedToFreeUp) == [0, 0, 1, 0, 0, 0, 0])
        #expect(days.map(\.reserved) == Array(repeating: 1, count: 7))
        #expect(days.allSatisfy { $0.open == $0.registered - $0.outOfService && $0.registered == 5 })
    }

    @Test("a bed closed today stays closed until a record says when it is back; an overdue expected end is not trusted")
    func closedBeds() {
        let unrecorded = Self.bed("Room 1")
        let recorded = Self.bed("Room 2")
        let overdue = Self.bed("Room 3")
        let beds = [
            BedAvailability.BedToday(bed: unrecorded, status: .closed(.staffing)),
            BedAvailability.BedToday(bed: recorded, status: .closed(.staffing)),
            BedAvailability.BedToday(bed: overdue, status: .closed(.incident)),
        ]
        let outages = [
            Self.outage(recorded, .staffing, from: -10, expectedEnd: 1),
            Self.outage(overdue, .incident, from: -10, expectedEnd: -2),
        ]
        let days = BedAvailability.project(
            beds, outages: outages, today: Self.today, from: Self.today, through: Self.day(3))
        #expect(days.map(\.outOfService) == [3, 3, 2, 2])
        #expect(BedAvailability.status(of: beds[1], on: Self.day(2), today: Self.today, outages: outages) == .vacant)
        #expect(
            BedAvailability.status(of: beds[2], on: Self.day(30), today: Self.today, outages: outages)
                == .closed(.incident))
    }

    @Test("bed-days lost count the days out of service so far, both ends included, none still to come")
    func bedDaysLost() {
        let bed = Self.bed("Room 1")
        #expect(Self.outage(bed, from: -9, ended: -5).bedDaysLost(asOf: Self.today) == 5)
        #expect(Self.outage(bed, from: -2, expectedEnd: 10).bedDaysLost(asOf: Self.today) == 3)
        #expect(Self.outage(bed, from: 3, expectedEnd: 10).bedDaysLost(asOf: Self.today) == 0, "planned")
        #expect(Self.outage(bed, from: 0, ended: -1).bedDaysLost(asOf: Self.today) == 0, "reopened the same day")
        #expect(Self.outage(bed, from: -3).covers(Self.day(400), today: Self.today), "no end known")
    }

    @Test("a short date form for calendars")
    func shortForm() {
        #expect(Self.today.shortForm == "Tue 1 Dec")
        #expect(CalendarDate(iso: "2027-02-28")!.shortForm == "Sun 28 Feb")
    }
}
