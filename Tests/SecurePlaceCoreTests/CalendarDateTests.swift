import Foundation
import Testing

@testable import SecurePlaceCore

/// Dates are counted by arithmetic; Foundation's Gregorian calendar in Europe/London is the
/// reference they must agree with on every day they are checked on.
@Suite("Calendar dates counted by arithmetic")
struct CalendarDateTests {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        return calendar
    }()

    static func reference(_ date: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    @Test("every day from 1896 to 2104 agrees with the calendar: its number, its neighbours, a month on, a year on")
    func agreesWithTheCalendar() {
        var day = CalendarDate(year: 1896, month: 1, day: 1)!
        let last = CalendarDate(year: 2104, month: 12, day: 31)!
        let origin = CalendarDate(year: 1970, month: 1, day: 1)!
        var mismatches: [String] = []
        var count = 0
        while day <= last {
            let start = Self.calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
            let expectedNext = Self.reference(Self.calendar.date(byAdding: .day, value: 1, to: start)!)
            let expectedMonth = Self.reference(Self.calendar.date(byAdding: .month, value: 1, to: start)!)
            let expectedBack = Self.reference(Self.calendar.date(byAdding: .month, value: -13, to: start)!)
            let expectedDays = Self.calendar.dateComponents([.day], from: origin.start, to: start).day!
            if day.adding(days: 1) != expectedNext || day.adding(months: 1) != expectedMonth
                || day.adding(months: -13) != expectedBack || origin.days(until: day) != expectedDays
                || day.days(until: origin) != -expectedDays
            {
                mismatches.append(day.iso)
            }
            day = expectedNext
            count += 1
        }
        #expect(count > 76_000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test(
        "the UK day of an instant agrees with the time-zone database each half hour from 1995 to 2045, and around each change of the clocks"
    )
    func ukDayOfAnInstant() {
        var mismatches: [String] = []
        var instant = Self.calendar.date(from: DateComponents(year: 1995, month: 1, day: 1))!
        let end = Self.calendar.date(from: DateComponents(year: 2046, month: 1, day: 1))!
        while instant < end {
            for offset in [0.0, 1_799.999] {
                let moment = instant.addingTimeInterval(offset)
                if CalendarDate(containing: moment) != Self.reference(moment) { mismatches.append("\(moment)") }
            }
            instant.addTimeInterval(1_800)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(CalendarDate.ukDay(containing: Date(timeIntervalSince1970: -1e12)) == nil)
    }

    @Test("days that do not exist are refused, leap days where the calendar has them")
    func existence() {
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2025, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2025, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2025, month: 1, day: 0) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29)!.anniversary.iso == "2025-03-01")
        #expect(CalendarDate(year: 2025, month: 1, day: 31)!.adding(months: 1).iso == "2025-02-28")
        #expect(
            CalendarDate(year: 2025, month: 3, day: 30)!.adding(days: 1).iso == "2025-03-31",
            "across the clocks going forward")
    }
}
