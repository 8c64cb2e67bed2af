import Foundation
import SecurePlaceCore
import Testing

@Suite("The 72 hours, for the child across every stay")
struct TimeWithoutOrderTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    func hoursAgo(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }

    @Test("stays under different referrals add up; time an order covered does not count")
    func staysAddUpLessOrders() {
        let stays: [(from: Date, to: Date?)] = [(hoursAgo(100), hoursAgo(70)), (hoursAgo(30), nil)]
        let orders: [(from: Date, to: Date?)] = [(hoursAgo(90), hoursAgo(80))]
        let time = SeventyTwoHourRule.account(stays: stays, authorisedDuring: orders, at: now)
        #expect(time.used == (20 + 30) * 3600, "30 h, less the 10 h the order covered, and 30 h now")
        #expect(time.left == 22 * 3600)
        #expect(time.periods.count == 3, "the first stay is split by the order")
        #expect(!time.isCloseToLimit)
    }

    @Test("an order with no end stops the clock from its start; only the last 28 days count")
    func orderStopsTheClockAndTheWindowSlides() {
        let stays: [(from: Date, to: Date?)] = [(hoursAgo(29 * 24), hoursAgo(27 * 24)), (hoursAgo(10), nil)]
        let time = SeventyTwoHourRule.account(stays: stays, authorisedDuring: [(hoursAgo(5), nil)], at: now)
        #expect(time.used == (24 + 5) * 3600, "the day inside the window and the 5 hours before the order")
    }

    @Test("past the limit the child's time is exhausted, and the explanation says when it was used")
    func exhausted() {
        let time = SeventyTwoHourRule.account(stays: [(hoursAgo(80), nil)], authorisedDuring: [], at: now)
        #expect(time.isExhausted && time.isCloseToLimit)
        #expect(time.left == -8 * 3600)
        #expect(time.explanation.hasPrefix("80 hours without a court order in the last 28 days ("))
    }
}

@Suite("Routes and court orders, as the law allows them")
struct CourtOrderRuleTests {
    let today = CalendarDate(year: 2026, month: 11, day: 20)!
    var nov20: CalendarDate { today }

    func problems(
        _ order: CourtOrder, route: LegalBasis = .childrenAct1989Section25, country: Country = .england,
        needed: CalendarDate? = nil
    ) -> [String] {
        CourtOrderRules.problems(
            route: route, order: order, country: country, dateNeeded: needed ?? today, today: today
        )
        .map(\.field)
    }

    @Test("the route is the authority's country's, or the inherent jurisdiction")
    func routeByCountry() {
        let none = CourtOrder(status: .noneYet)
        #expect(
            problems(none, route: .socialServicesAndWellbeingWalesAct2014Section119, country: .england) == [
                "legalBasis"
            ])
        #expect(problems(none, route: .childrenAct1989Section25, country: .wales) == ["legalBasis"])
        #expect(problems(none, route: .socialServicesAndWellbeingWalesAct2014Section119, country: .wales).isEmpty)
        #expect(
            problems(CourtOrder(status: .applicationMade), route: .inherentJurisdictionDeprivationOfLiberty).isEmpty)
    }

    @Test("a DoL order only under the inherent jurisdiction, which needs one or an application")
    func deprivationOfLibertyOrders() {
        let dol = CourtOrder(status: .deprivationOfLibertyOrder, startsOn: nov20, endsOn: nov20.adding(months: 9))
        let shortDoL = CourtOrder(status: .deprivationOfLibertyOrder, startsOn: nov20, endsOn: nov20.adding(months: 1))
        #expect(problems(shortDoL, route: .childrenAct1989Section25) == ["orderStatus"])
        #expect(
            problems(dol, route: .inherentJurisdictionDeprivationOfLiberty).isEmpty,
            "no statutory maximum for a DoL order")
        #expect(
            problems(CourtOrder(status: .noneYet), route: .inherentJurisdictionDeprivationOfLiberty) == ["orderStatus"])
    }

    @Test("an order must not have ended, and must last until the bed is needed")
    func orderDates() {
        let ended = CourtOrder(status: .interimOrder, startsOn: nov20.adding(days: -30), endsOn: nov20.adding(days: -1))
        #expect(problems(ended) == ["orderEndsOn"])
        let short = CourtOrder(status: .interimOrder, startsOn: nov20, endsOn: nov20.adding(days: 5))
        #expect(problems(short, needed: nov20.adding(days: 6)) == ["orderEndsOn"])
        #expect(problems(short, needed: nov20.adding(days: 5)).isEmpty)
        let backwards = CourtOrder(status: .orderGranted, startsOn: nov20, endsOn: nov20)
        #expect(problems(backwards) == ["orderEndsOn"])
        #expect(problems(CourtOrder(status: .orderGranted, startsOn: nov20)) == ["orderEndsOn"])
    }

    @Test("a first order runs at most 3 months (reg 11), a further one at most 6 (reg 12)")
    func longestOrders() {
        let threeMonths = CourtOrder(status: .orderGranted, startsOn: nov20, endsOn: CalendarDate(iso: "2027-02-19"))
        #expect(problems(threeMonths).isEmpty)
        let aDayMore = CourtOrder(status: .orderGranted, startsOn: nov20, endsOn: CalendarDate(iso: "2027-02-20"))
        #expect(problems(aDayMore) == ["orderEndsOn"])
        var renewal = CourtOrder(status: .orderGranted, startsOn: nov20, endsOn: CalendarDate(iso: "2027-05-19"))
        #expect(problems(renewal) == ["orderEndsOn"], "six months is too long for a first order")
        renewal.isRenewal = true
        #expect(problems(renewal).isEmpty)
        renewal.endsOn = CalendarDate(iso: "2027-05-20")
        #expect(problems(renewal) == ["orderEndsOn"])
    }

    @Test("an order authorises the days it runs, both included")
    func authorisedDays() {
        let order = CourtOrder(status: .interimOrder, startsOn: nov20, endsOn: nov20.adding(days: 2))
        #expect(order.authorises(on: nov20) && order.authorises(on: nov20.adding(days: 2)))
        #expect(!order.authorises(on: nov20.adding(days: 3)) && !order.authorises(on: nov20.adding(days: -1)))
        #expect(order.hasEnded(by: nov20.adding(days: 3)) && !order.hasEnded(by: nov20.adding(days: 2)))
        #expect(!CourtOrder(status: .applicationMade).authorises(on: nov20))
        #expect(order.authorisedPeriod?.to == nov20.adding(days: 3).start)
    }
}

@Suite("Ages and unlawful settings")
struct AgeAndSettingTests {
    @Test(
        "ages past 17 never fall into the 16 to 17 band",
        arguments: [
            (16, AgeBand.sixteenToSeventeen), (17, .sixteenToSeventeen), (18, .eighteenOrOver), (19, .eighteenOrOver),
        ])
    func bands(age: Int, band: AgeBand) {
        #expect(AgeBand(age: age) == band)
    }

    @Test("a birthday on 29 February comes on 1 March in other years")
    func leapDayBirthdays() {
        let born = CalendarDate(iso: "2008-02-29")!
        #expect(ChildIdentity.age(bornOn: born, on: CalendarDate(iso: "2026-02-28")!) == 17)
        #expect(ChildIdentity.age(bornOn: born, on: CalendarDate(iso: "2026-03-01")!) == 18)
    }

    @Test("unregistered settings, and under-16s in supported accommodation in England, are for urgent attention")
    func urgentAttention() {
        #expect(AlternativeAccommodation.unregisteredSetting.urgentAttention(age: 16, country: .wales) != nil)
        #expect(
            AlternativeAccommodation.deprivationOfLibertyUnregistered.urgentAttention(age: 14, country: .england) != nil
        )
        #expect(AlternativeAccommodation.supportedAccommodation.urgentAttention(age: 15, country: .england) != nil)
        #expect(AlternativeAccommodation.supportedAccommodation.urgentAttention(age: 16, country: .england) == nil)
        #expect(AlternativeAccommodation.supportedAccommodation.urgentAttention(age: 15, country: .wales) == nil)
        #expect(
            AlternativeAccommodation.deprivationOfLibertyRegistered.urgentAttention(age: 14, country: .england) == nil)
        #expect(AlternativeAccommodation.fosterCare.urgentAttention(age: 12, country: .england) == nil)
    }
}
