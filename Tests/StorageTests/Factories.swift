import Foundation
import SecurePlaceCore

func makeHome(reference: String = "SCH-T-01", name: String = "Test House", region: Region = .northWest) -> SecureHome {
    SecureHome(
        id: UUID(), reference: reference, name: name, region: region, localAuthorityCode: "E08000003",
        location: Coordinate(latitude: 53.48, longitude: -2.24), acceptedSexes: [.female], ages: 12...17,
        specialisms: [.sexualExploitation, .selfHarm], lastConfirmedAt: instant("2026-11-20T09:00:00Z"))
}

func makeBed(at home: SecureHome, _ kind: BedKind = .welfare, label: String = "Unit A, room 1") -> Bed {
    Bed(id: UUID(), homeID: home.id, label: label, kind: kind)
}

func makeChild(sex: Sex = .female) -> (Child, ChildIdentity) {
    let id = UUID()
    return (
        Child(
            id: id, pseudonym: "C-\(id.uuidString.prefix(6))", sex: sex, localAuthorityCode: "E08000003",
            flags: [.absconding, .selfHarm]),
        ChildIdentity(
            childID: id, givenName: "Test", familyName: "Child",
            dateOfBirth: CalendarDate(year: 2011, month: 5, day: 2)!,
            localAuthorityReference: "MCR-1")
    )
}

func makeReferral(for child: Child, state: ReferralState = .circulated) -> Referral {
    Referral(
        id: UUID(), reference: "R-2026-\(Int.random(in: 10000...99999))", childID: child.id,
        localAuthorityCode: child.localAuthorityCode,
        ageAtReferral: 15, legalBasis: .childrenAct1989Section25,
        courtOrder: CourtOrder(
            status: .interimOrder, startsOn: CalendarDate(year: 2026, month: 11, day: 1),
            endsOn: CalendarDate(year: 2026, month: 11, day: 29)),
        urgency: .emergency, dateNeeded: CalendarDate(year: 2026, month: 11, day: 1)!,
        summary: "Needs a secure bed today",
        state: state, createdAt: instant("2026-11-01T08:00:00Z"), submittedAt: instant("2026-11-01T09:00:00Z"))
}

func instant(_ iso: String) -> Date {
    ISO8601DateFormatter().date(from: iso)!
}
