import Foundation
import SecurePlaceCore
import Testing

@Suite("Domain values")
struct DomainValueTests {
    @Test(
        "ISO dates parse only when the day exists",
        arguments: [
            ("2026-02-28", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false),
            ("2026-1-01", false), ("26-01-01", false), ("2026-01-01T00:00", false), ("", false), ("tomorrow", false),
        ])
    func isoDates(text: String, valid: Bool) {
        #expect((CalendarDate(iso: text) != nil) == valid)
        if valid { #expect(CalendarDate(iso: text)!.iso == text) }
    }

    @Test("a reporting day is a day in Europe/London, summer time included")
    func londonDays() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
        #expect(CalendarDate(containing: instant("2026-06-30T23:30:00Z")).iso == "2026-07-01")
        #expect(CalendarDate(containing: instant("2026-12-31T23:30:00Z")).iso == "2026-12-31")
        let day = CalendarDate(year: 2026, month: 7, day: 1)!
        #expect(day.start == instant("2026-06-30T23:00:00Z"))
        #expect(day.end.timeIntervalSince(day.start) == 86_400)
        #expect(day.adding(days: 31).iso == "2026-08-01")
        #expect(day.days(until: CalendarDate(year: 2026, month: 8, day: 1)!) == 31)
    }

    @Test("a child's age turns over on the birthday")
    func ageOnBirthday() {
        let identity = ChildIdentity(
            childID: UUID(), givenName: "A", familyName: "B", dateOfBirth: CalendarDate(year: 2011, month: 3, day: 15)!,
            localAuthorityReference: "X")
        #expect(identity.age(on: CalendarDate(year: 2026, month: 3, day: 14)!) == 14)
        #expect(identity.age(on: CalendarDate(year: 2026, month: 3, day: 15)!) == 15)
    }

    @Test(
        "age bands",
        arguments: [
            (10, AgeBand.under13), (12, .under13), (13, .thirteenToFourteen), (15, .fifteen), (17, .sixteenToSeventeen),
        ])
    func ageBands(age: Int, band: AgeBand) {
        #expect(AgeBand(age: age) == band)
    }

    @Test("straight-line distance Manchester to Cardiff is about 230 km")
    func distance() {
        let manchester = Coordinate(latitude: 53.48, longitude: -2.24)
        let cardiff = Coordinate(latitude: 51.48, longitude: -3.18)
        #expect(abs(manchester.kilometres(to: cardiff) - 232) < 10)
        #expect(manchester.kilometres(to: manchester) == 0)
    }

    @Test("a decline needs a reason, and 'other' needs a note")
    func declineValidation() {
        #expect(throws: HomeAnswerError.noDeclineReason) { try HomeAnswer.decline(reasons: [], note: "").validated() }
        #expect(throws: HomeAnswerError.otherReasonWithoutNote) {
            try HomeAnswer.decline(reasons: [.other], note: "  ").validated()
        }
        #expect(throws: Never.self) { try HomeAnswer.decline(reasons: [.other], note: "Staff sickness").validated() }
        #expect(throws: Never.self) { try HomeAnswer.decline(reasons: [.riskToStaff], note: "").validated() }
    }

    @Test("the regulator and the statutory route follow the child's country")
    func countryRules() {
        #expect(Regulator(for: .england) == .ofsted)
        #expect(Regulator(for: .wales) == .careInspectorateWales)
        #expect(LegalBasis.statutory(for: .wales) == .socialServicesAndWellbeingWalesAct2014Section119)
        #expect(Region.wales.country == .wales)
        #expect(Region.allCases.filter { $0.country == .england }.count == 9)
    }

    @Test("need flags round-trip through their stored code list, and an unknown code is named")
    func flagCodes() throws {
        let flags: Set<NeedFlag> = [.trafficking, .sexualExploitation, .autism]
        #expect(flags.codeList == "sexual-exploitation,autism,trafficking")
        #expect(try Set<NeedFlag>.parsing(codeList: flags.codeList).get() == flags)
        #expect(throws: UnknownCodeError(list: "need flag", code: "gangs")) {
            try Set<NeedFlag>.parsing(codeList: "autism,gangs").get()
        }
    }

    @Test("supported accommodation is only for 16 and 17 year olds")
    func supportedAccommodationAge() {
        #expect(!AlternativeAccommodation.supportedAccommodation.isAllowed(forAge: 15))
        #expect(AlternativeAccommodation.supportedAccommodation.isAllowed(forAge: 16))
        #expect(AlternativeAccommodation.fosterCare.isAllowed(forAge: 12))
    }

    @Test("the seeded generator gives the same sequence for the same seed")
    func seededGenerator() {
        var first = SeededRandomNumberGenerator(seed: 42)
        var second = SeededRandomNumberGenerator(seed: 42)
        var third = SeededRandomNumberGenerator(seed: 43)
        let a = (0..<5).map { _ in first.next() }
        #expect(a == (0..<5).map { _ in second.next() })
        #expect(a != (0..<5).map { _ in third.next() })
    }
}
