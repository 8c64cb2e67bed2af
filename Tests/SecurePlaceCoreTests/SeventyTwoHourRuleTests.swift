import Foundation
import SecurePlaceCore
import Testing

@Suite("72-hour rule")
struct SeventyTwoHourRuleTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    func hoursAgo(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }

    @Test("time held without an order counts down from 72 hours")
    func countdown() {
        #expect(SeventyTwoHourRule.timeLeft(periods: [(hoursAgo(10), nil)], at: now) == 62 * 3600)
    }

    @Test("separate periods add up, but only inside the last 28 days")
    func window() {
        let periods: [(from: Date, to: Date?)] = [
            (hoursAgo(29 * 24 + 30), hoursAgo(29 * 24)),  // entirely before the window
            (hoursAgo(28 * 24 + 5), hoursAgo(28 * 24 - 5)),  // half inside
            (hoursAgo(48), hoursAgo(24)),
        ]
        #expect(SeventyTwoHourRule.timeLeft(periods: periods, at: now) == (72 - 5 - 24) * 3600)
    }

    @Test("past the limit the time left is negative, so it can be shown as overrun")
    func overrun() {
        #expect(SeventyTwoHourRule.timeLeft(periods: [(hoursAgo(80), nil)], at: now) == -8 * 3600)
    }

    @Test("follow-ups fall due at 7, 28 and 90 days and 12 months")
    func followUps() {
        let referral = makeReferral(state: .closedUnplaced)
        let day = CalendarDate(year: 2026, month: 1, day: 1)!
        let checks = FollowUp.schedule(for: referral, endedOn: day, ids: { UUID() })
        #expect(checks.map(\.dueOn.iso) == ["2026-01-08", "2026-01-29", "2026-04-01", "2027-01-01"])
    }
}
