import Foundation
import SecurePlaceCore

/// Reads a CSV file a row at a time straight from its bytes (RFC 4180 quotes allowed), for
/// files of millions of rows: no string is made for a field unless it is asked for.
struct CSVRows {
    let file: String
    let bytes: [UInt8]

    /// One row's fields as byte ranges into the file.
    struct Row {
        let file: String
        let line: Int
        var fields: [Range<Int>] = []
        /// Fields that were quoted, unquoted and with doubled quotes made single.
        var unquoted: [Int: [UInt8]] = [:]
        let bytes: UnsafeBufferPointer<UInt8>

        /// Calls `body` with the field's bytes (a quoted field's, unquoted), which must not escape.
        func withField<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            if let copy = unquoted[index] { return copy.withUnsafeBufferPointer(body) }
            return body(UnsafeBufferPointer(rebasing: bytes[fields[index]]))
        }

        func isEmpty(_ index: Int) -> Bool { unquoted[index]?.isEmpty ?? fields[index].isEmpty }

        func text(_ index: Int) -> String {
            if let copy = unquoted[index] { return String(decoding: copy, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[index]]), as: UTF8.self)
        }

        func error(_ index: Int, _ problem: String) -> ExtractError {
            ExtractError(file: file, line: line, column: index + 1, problem: problem)
        }

        func integer(_ index: Int) throws(ExtractError) -> Int {
            let value: Int? = withField(index) { field in
                guard !field.isEmpty, field.count <= 18 else { return nil }
                return Self.digits(field, 0, field.count)
            }
            guard let value else { throw error(index, "'\(text(index))' is not a whole number") }
            return value
        }

        func number(_ index: Int) throws(ExtractError) -> Double? {
            guard !isEmpty(index) else { return nil }
            guard let value = Double(text(index)) else { throw error(index, "'\(text(index))' is not a number") }
            return value
        }

        /// `YYYY-MM-DD`; nil when empty.
        func day(_ index: Int) throws(ExtractError) -> CalendarDate? {
            guard !isEmpty(index) else { return nil }
            let date: CalendarDate? = withField(index) { field in
                guard field.count == 10, field[4] == 45, field[7] == 45, let year = Self.digits(field, 0, 4),
                    let month = Self.digits(field, 5, 2), let day = Self.digits(field, 8, 2)
                else { return nil }
                return CalendarDate(year: year, month: month, day: day)
            }
            guard let date else { throw error(index, "'\(text(index))' is not a date written YYYY-MM-DD") }
            return date
        }

        /// `YYYY-MM-DDTHH:MM:SSZ`, in UTC; nil when empty.
        func instant(_ index: Int) throws(ExtractError) -> Date? {
            guard !isEmpty(index) else { return nil }
            let seconds: Int? = withField(index) { field in
                guard field.count == 20, field[4] == 45, field[7] == 45, field[10] == 84, field[13] == 58,
                    field[16] == 58, field[19] == 90, let year = Self.digits(field, 0, 4),
                    let month = Self.digits(field, 5, 2), let day = Self.digits(field, 8, 2),
                    let hour = Self.digits(field, 11, 2), let minute = Self.digits(field, 14, 2),
                    let second = Self.digits(field, 17, 2), hour < 24, minute < 60, second < 60,
                    let date = CalendarDate(year: year, month: month, day: day)
                else { return nil }
                return date.dayNumber * 86_400 + hour * 3_600 + minute * 60 + second
            }
            guard let seconds else { throw error(index, "'\(text(index))' is not a time written YYYY-MM-DDTHH:MM:SSZ") }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }

        static func digits(_ field: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
            var value = 0
            for offset in start..<(start + count) {
                let byte = field[offset]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
    }

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// Calls `body` with the header's column names, then with each data row; blank lines are
    /// skipped, and a row with the wrong number of fields is refused.
    func read(
        header: ([String]) throws(ExtractError) -> Void, row body: (Row) throws(ExtractError) -> Void
    ) throws(ExtractError) {
        try bytes.withUnsafeBufferPointer { (buffer) throws(ExtractError) -> Void in
            var position = 0
            // A byte-order mark from a spreadsheet is not part of the first column's name.
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
            var line = 1
            var columns = -1
            while position < buffer.count {
                var row = Row(file: file, line: line, bytes: buffer)
                row.fields.reserveCapacity(max(columns, 4))
                var start = position
                var inQuotes = false
                var quoted = false
                var copy: [UInt8] = []
                var endOfRow = false
                while !endOfRow {
                    let byte: UInt8? = position < buffer.count ? buffer[position] : nil
                    if inQuotes {
                        guard let byte else {
                            throw ExtractError(
                                file: file, line: line, column: row.fields.count + 1,
                                problem: "a quoted field is never closed")
                        }
                        if byte == 34 {
                            if position + 1 < buffer.count, buffer[position + 1] == 34 {
                                copy.append(34)
                                position += 2
                                continue
                            }
                            inQuotes = false
                        } else {
                            copy.append(byte)
                            if byte == 10 { line += 1 }
                        }
                        position += 1
                        continue
                    }
                    switch byte {
                    case 34 where position == start:
                        inQuotes = true
                        quoted = true
                        position += 1
                    case 44, 10, 13, nil:
                        if quoted { row.unquoted[row.fields.count] = copy }
                        row.fields.append(start..<position)
                        copy = []
                        quoted = false
                        if byte == 44 {
                            position += 1
                            start = position
                        } else {
                            if byte == 13, position + 1 < buffer.count, buffer[position + 1] == 10 { position += 1 }
                            position += 1
                            endOfRow = true
                        }
                    default:
                        position += 1
                    }
                }
                defer { line += 1 }
                if row.fields.count == 1 && row.isEmpty(0) { continue }
                if columns < 0 {
                    columns = row.fields.count
                    try header((0..<row.fields.count).map { row.text($0).trimmingCharacters(in: .whitespaces) })
                    continue
                }
                guard row.fields.count == columns else {
                    throw ExtractError(
                        file: file, line: row.line, column: min(row.fields.count, columns) + 1,
                        problem: "expected \(columns) fields, found \(row.fields.count)")
                }
                try body(row)
            }
            if columns < 0 { throw ExtractError(file: file, line: 1, column: 1, problem: "the file is empty") }
        }
    }
}
