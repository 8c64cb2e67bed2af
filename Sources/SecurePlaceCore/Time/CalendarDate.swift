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
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = Self.calendar.date(from: components),
            Self.calendar.component(.day, from: date) == day,
            Self.calendar.component(.month, from: date) == month
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day on which an instant falls in Europe/London.
    public init(containing instant: Date) {
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
        let date = Self.calendar.date(byAdding: .day, value: days, to: start)!
        return CalendarDate(containing: date)
    }

    /// The same day of the month `months` later (the month's last day where it is shorter).
    public func adding(months: Int) -> CalendarDate {
        let date = Self.calendar.date(byAdding: .month, value: months, to: start)!
        return CalendarDate(containing: date)
    }

    /// The same day a year later (29 February → 1 March): the end, not included, of "the 12
    /// months after".
    public var anniversary: CalendarDate {
        CalendarDate(year: year + 1, month: month, day: day) ?? CalendarDate(year: year + 1, month: 3, day: 1)!
    }

    /// Whole days from this date to another (negative when the other is earlier).
    public func days(until other: CalendarDate) -> Int {
        Self.calendar.dateComponents([.day], from: start, to: other.start).day!
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
