import Foundation

/// A day as people in England and Wales speak of it: an ISO date in Europe/London.
/// Instants are stored in UTC; reports and the bed board work in these days.
public struct CalendarDate: Hashable, Codable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The time zone every reporting day is in.
    public static let timeZone = TimeZone(identifier: "Europe/London")!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// Creates a date, or returns nil when the day does not exist (30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The proleptic Gregorian calendar's month lengths: days are counted by arithmetic, not by
    /// asking a calendar, so that a million dates cost little.
    static func daysIn(month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The UK's day by arithmetic, for the years the summer-time rule of 1996 covers (from 01:00
    /// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October); nil
    /// outside them, where the time-zone database is asked instead.
    static func ukDay(containing instant: Date) -> CalendarDate? {
        let interval = instant.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 1e11 else { return nil }
        let seconds = Int(interval.rounded(.down))
        func floorDivide(_ value: Int, _ divisor: Int) -> Int {
            value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
        }
        let utc = CalendarDate(dayNumber: floorDivide(seconds, 86_400))
        guard (1996...2099).contains(utc.year) else { return nil }
        func lastSunday(of month: Int) -> Int {
            let last = CalendarDate(year: utc.year, month: month, day: daysIn(month: month, of: utc.year))!.dayNumber
            // 1 January 1970 was a Thursday: day numbers 3 apart from a Sunday's, modulo 7.
            return last - ((last + 4) % 7 + 7) % 7
        }
        let summerStarts = lastSunday(of: 3) * 86_400 + 3_600
        let summerEnds = lastSunday(of: 10) * 86_400 + 3_600
        let offset = seconds >= summerStarts && seconds < summerEnds ? 3_600 : 0
        return CalendarDate(dayNumber: floorDivide(seconds + offset, 86_400))
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01 (civil_from_days).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The day on which an instant falls in Europe/London.
    public init(containing instant: Date) {
        if let day = Self.ukDay(containing: instant) {
            self = day
            return
        }
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// Parses `YYYY-MM-DD`; nil for anything else, including days that do not exist.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var description: String { iso }

    /// The first instant of the day in Europe/London.
    public var start: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The first instant of the next day; the day is the half-open interval `start..<end`.
    public var end: Date { adding(days: 1).start }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// The same day of the month `months` later (the month's last day where it is shorter).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index / 12, index % 12 + 1)
        return CalendarDate(year: newYear, month: newMonth, day: min(day, Self.daysIn(month: newMonth, of: newYear)))!
    }

    /// The same day a year later (29 February → 1 March): the end, not included, of "the 12
    /// months after".
    public var anniversary: CalendarDate {
        CalendarDate(year: year + 1, month: month, day: day) ?? CalendarDate(year: year + 1, month: 3, day: 1)!
    }

    /// Whole days from this date to another (negative when the other is earlier).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// A long form for pages, such as "23 November 2026".
    public var longForm: String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December",
        ]
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// A short form for calendars, such as "Tue 1 Dec".
    public var shortForm: String {
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(weekdays[Self.calendar.component(.weekday, from: start) - 1]) \(day) \(months[month - 1])"
    }

    /// Encoded as its ISO text, `YYYY-MM-DD`, as the API and files speak it.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date in the form YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
