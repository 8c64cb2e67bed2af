import Foundation
import SecurePlaceCore

/// Reads a CSV file a row at a time straight from its bytes (RFC 4180 quotes allowed), for
/// files of millions of rows: no string is made for a field unless it is asked for.
struct CSVRows {
    let file: String
    /// The file's bytes, which may be mapped from the file rather than read into memory.
    let bytes: Data

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

        func error(_ index: Int, _ problem: String) -> ImportError {
            ImportError(file: file, line: line, column: index + 1, problem: problem)
        }

        func integer(_ index: Int) throws(ImportError) -> Int {
            let value: Int? = withField(index) { field in
                guard !field.isEmpty, field.count <= 18 else { return nil }
                return Self.digits(field, 0, field.count)
            }
            guard let value else { throw error(index, "'\(text(index))' is not a whole number") }
            return value
        }

        func number(_ index: Int) throws(ImportError) -> Double? {
            guard !isEmpty(index) else { return nil }
            guard let value = Double(text(index)) else { throw error(index, "'\(text(index))' is not a number") }
            return value
        }

        /// `YYYY-MM-DD`; nil when empty.
        func day(_ index: Int) throws(ImportError) -> CalendarDate? {
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
        func instant(_ index: Int) throws(ImportError) -> Date? {
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

    init(file: String, bytes: Data) {
        self.file = file
        self.bytes = bytes
    }

    /// The header's column names, and where the rows after it begin (offset and line).
    func header() throws(ImportError) -> (names: [String], bodyStart: Int, bodyLine: Int) {
        var names: [String]?
        var bodyStart = 0
        var bodyLine = 1
        try scan(from: 0, to: bytes.count, firstLine: 1, columns: nil) { (row, next, nextLine) throws(ImportError) in
            names = (0..<row.fields.count).map { row.text($0).trimmingCharacters(in: .whitespaces) }
            bodyStart = next
            bodyLine = nextLine
            return false
        }
        guard let names else { throw ImportError(file: file, line: 1, column: 1, problem: "the file is empty") }
        return (names, bodyStart, bodyLine)
    }

    /// The rows from `start` cut into about `count` pieces at line ends, so that they can be
    /// read at the same time. A file with a quote in it is one piece: a quoted field may hold a
    /// line end.
    func pieces(from start: Int, count: Int) -> [Range<Int>] {
        bytes.withUnsafeBytes { raw in
            let whole = raw.bindMemory(to: UInt8.self)
            let hasQuote = start < whole.count && memchr(whole.baseAddress! + start, 34, whole.count - start) != nil
            guard count > 1, !hasQuote else { return [start..<whole.count] }
            var pieces: [Range<Int>] = []
            var from = start
            for piece in 1..<count {
                var cut = max(from, start + (whole.count - start) * piece / count)
                while cut < whole.count && whole[cut - 1] != 10 { cut += 1 }
                pieces.append(from..<cut)
                from = cut
            }
            pieces.append(from..<whole.count)
            return pieces
        }
    }

    /// The number of the line that begins at `offset`: counted only when a message needs it.
    func line(at offset: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            let whole = raw.bindMemory(to: UInt8.self)
            var lines = 1
            var position = 0
            while position < offset, let found = memchr(whole.baseAddress! + position, 10, offset - position) {
                lines += 1
                position = whole.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return lines
        }
    }

    /// Calls `body` with each row from `start` to `end`; blank lines are skipped, and a row
    /// without `columns` fields is refused.
    func read(
        from start: Int, to end: Int, firstLine: Int, columns: Int, row body: (Row) throws(ImportError) -> Void
    ) throws(ImportError) {
        try scan(from: start, to: end, firstLine: firstLine, columns: columns) { (row, _, _) throws(ImportError) in
            try body(row)
            return true
        }
    }

    /// Calls `body` with the header's column names, then with each data row.
    func read(
        header: ([String]) throws(ImportError) -> Void, row body: (Row) throws(ImportError) -> Void
    ) throws(ImportError) {
        let (names, bodyStart, bodyLine) = try self.header()
        try header(names)
        try read(from: bodyStart, to: bytes.count, firstLine: bodyLine, columns: names.count, row: body)
    }

    /// The parser: `body` gets each row that is not blank, where the next one starts and its
    /// line, and says whether to go on.
    private func scan(
        from start: Int, to end: Int, firstLine: Int, columns: Int?,
        _ body: (Row, Int, Int) throws(ImportError) -> Bool
    ) throws(ImportError) {
        // Data's closure forgets the error's type; it comes back out as a result.
        let outcome: Result<Void, ImportError> = bytes.withUnsafeBytes { raw in
            do throws(ImportError) {
                try scan(
                    raw.bindMemory(to: UInt8.self), from: start, to: end, firstLine: firstLine, columns: columns, body)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    private func scan(
        _ whole: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, firstLine: Int, columns: Int?,
        _ body: (Row, Int, Int) throws(ImportError) -> Bool
    ) throws(ImportError) {
        var position = start
        // A byte-order mark from a spreadsheet is not part of the first column's name.
        if position == 0, end >= 3, whole[0] == 0xEF, whole[1] == 0xBB, whole[2] == 0xBF { position = 3 }
        var line = firstLine
        var fields: [Range<Int>] = []
        while position < end {
            fields.removeAll(keepingCapacity: true)
            var unquoted: [Int: [UInt8]] = [:]
            let rowLine = line
            var fieldStart = position
            var inQuotes = false
            var quoted = false
            var copy: [UInt8] = []
            var endOfRow = false
            while !endOfRow {
                let byte: UInt8? = position < end ? whole[position] : nil
                if inQuotes {
                    guard let byte else {
                        throw ImportError(
                            file: file, line: rowLine, column: fields.count + 1,
                            problem: "a quoted field is never closed")
                    }
                    if byte == 34 {
                        if position + 1 < end, whole[position + 1] == 34 {
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
                case 34 where position == fieldStart:
                    inQuotes = true
                    quoted = true
                    position += 1
                case 44, 10, 13, nil:
                    if quoted { unquoted[fields.count] = copy }
                    fields.append(fieldStart..<position)
                    copy = []
                    quoted = false
                    if byte == 44 {
                        position += 1
                        fieldStart = position
                    } else {
                        if byte == 13, position + 1 < end, whole[position + 1] == 10 { position += 1 }
                        position += 1
                        endOfRow = true
                    }
                default:
                    position += 1
                }
            }
            line += 1
            let row = Row(file: file, line: rowLine, fields: fields, unquoted: unquoted, bytes: whole)
            if fields.count == 1 && row.isEmpty(0) { continue }
            if let columns, fields.count != columns {
                throw ImportError(
                    file: file, line: rowLine, column: min(fields.count, columns) + 1,
                    problem: "expected \(columns) fields, found \(fields.count)")
            }
            guard try body(row, position, line) else { return }
        }
    }
}
