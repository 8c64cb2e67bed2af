import Foundation
import SecurePlaceCore

func makeReferral(state: ReferralState = .draft, age: Int = 15) -> Referral {
    Referral(
        id: UUID(), reference: "R-2026-00001", childID: UUID(), localAuthorityCode: "E08000003", ageAtReferral: age,
        legalBasis: .childrenAct1989Section25, courtOrder: CourtOrder(status: .applicationMade), urgency: .urgent,
        dateNeeded: CalendarDate(year: 2026, month: 11, day: 24)!, summary: "Test referral", state: state,
        createdAt: Date(timeIntervalSince1970: 1_790_000_000))
}

func makeHome(
    id: UUID = UUID(), name: String = "Test House", region: Region = .northWest, sexes: Set<Sex> = [.male, .female],
    ages: ClosedRange<Int> = 10...17
) -> SecureHome {
    SecureHome(
        id: id, reference: "SCH-TEST-\(name.count)", name: name, region: region, localAuthorityCode: "E08000003",
        location: Coordinate(latitude: 53.48, longitude: -2.24), acceptedSexes: sexes, ages: ages, specialisms: [])
}

func instant(_ iso: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: iso)!
}
