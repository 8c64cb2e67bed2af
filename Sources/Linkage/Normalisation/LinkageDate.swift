import Foundation

/// A calendar date read from a record, in whatever form the partner wrote it.
public struct LinkageDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2100).contains(year), (1...12).contains(month), (1...Self.days(in: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads 2011-03-27, 20110327, 27/03/2011, 27-03-2011, 27.03.2011, 27/3/11, 27 Mar 2011 and
    /// 27 March 2011 (or 27-Mar-2011; two-digit years are taken as 19xx or 20xx, whichever is
    /// not in the future of `pivotYear`). A day and month that only make sense swapped
    /// (03/27/2011) are read swapped. Anything else is missing, not an error: linkage works
    /// with what it can read.
    public static func parse(_ raw: String, pivotYear: Int = 2030) -> LinkageDate? {
        let text = raw.trimmedOfSpaces
        if let date = isoDate(text) { return date }
        if text.count == 8, text.allSatisfy(\.isNumber) {
            let digits = Array(text)
            return LinkageDate(
                year: Int(String(digits[0..<4]))!, month: Int(String(digits[4..<6]))!, day: Int(String(digits[6..<8]))!)
        }
        let parts = text.split(whereSeparator: { "-/. ,".contains($0) }).map(String.init)
        guard parts.count == 3 else { return nil }
        if let month = Self.month(named: parts[1]), parts[0].allSatisfy(\.isNumber), parts[2].allSatisfy(\.isNumber),
            let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4
        {
            return LinkageDate(year: year, month: month, day: day)
        }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = parts.map { Int($0)! }
        if parts[0].count == 4 { return LinkageDate(year: numbers[0], month: numbers[1], day: numbers[2]) }
        var year = numbers[2]
        if parts[2].count <= 2 { year += year + 2000 > pivotYear ? 1900 : 2000 }
        return LinkageDate(year: year, month: numbers[1], day: numbers[0])
            ?? LinkageDate(year: year, month: numbers[0], day: numbers[1])
    }

    /// A date in YYYY-MM-DD read from the bytes, the form most files use (reading dates was a
    /// tenth of a large linkage's time): the date, or .some(nil) when it is no date (February
    /// 30th), or nil for any other form, which the general reading takes.
    private static func isoDate(_ text: String) -> LinkageDate?? {
        let bytes = Array(text.utf8.prefix(11))
        guard bytes.count == 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        if bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), let year = number(0..<4),
            let month = number(5..<7), let day = number(8..<10)
        {
            return .some(LinkageDate(year: year, month: month, day: day))
        }
        return nil
    }

    /// January to December, or their first three letters (Sept too), in any case.
    static func month(named text: String) -> Int? {
        let lowered = text.lowercased()
        guard lowered.count >= 3, lowered.allSatisfy(\.isLetter) else { return nil }
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        if lowered == "sept" { return 9 }
        return names.firstIndex { $0 == lowered || $0.prefix(3) == lowered }.map { $0 + 1 }
    }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    public static func < (lhs: LinkageDate, rhs: LinkageDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
