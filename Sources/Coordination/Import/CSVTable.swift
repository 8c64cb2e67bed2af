import SecurePlaceCore

/// A CSV file read into rows of fields (RFC 4180: commas, double quotes, "" inside quotes),
/// each field remembering the line and column it came from so errors can point at it.
public struct CSVTable: Sendable {
    public struct Field: Sendable, Equatable {
        public var text: String
        public var line: Int
        public var column: Int
    }

    public var file: String
    public var header: [String]
    /// Data rows, header excluded. Blank lines are skipped.
    public var rows: [[Field]]

    /// Parses `text`; a malformed file (an unclosed quote, a row with the wrong number of
    /// fields, a header that differs from `expectedHeader`) throws an `ImportError`.
    public init(file: String, text: String, expectedHeader: [String]) throws(ImportError) {
        try self.init(file: file, text: text) { header throws(ImportError) in
            for (index, expected) in expectedHeader.enumerated()
            where index >= header.count || header[index] != expected {
                throw ImportError(
                    file: file, line: 1, column: index + 1,
                    problem:
                        "the header must be \(expectedHeader.joined(separator: ",")); column \(index + 1) should be '\(expected)'"
                )
            }
            if header.count > expectedHeader.count {
                throw ImportError(
                    file: file, line: 1, column: expectedHeader.count + 1,
                    problem: "unexpected extra column '\(header[expectedHeader.count])'")
            }
        }
    }

    /// Parses a file whose header may hold any columns as long as it has `requiredColumns`
    /// and names no column twice.
    public init(file: String, text: String, requiredColumns: [String]) throws(ImportError) {
        try self.init(file: file, text: text) { header throws(ImportError) in
            var seen: Set<String> = []
            for (index, name) in header.enumerated() where !seen.insert(name).inserted {
                throw ImportError(file: file, line: 1, column: index + 1, problem: "the column '\(name)' appears twice")
            }
            for required in requiredColumns where !seen.contains(required) {
                throw ImportError(
                    file: file, line: 1, column: header.count + 1,
                    problem: "the header has no '\(required)' column (it has \(header.joined(separator: ",")))")
            }
        }
    }

    private init(file: String, text: String, checkHeader: ([String]) throws(ImportError) -> Void) throws(ImportError) {
        self.file = file
        var records = try Self.parse(file: file, text: text)
        guard !records.isEmpty else {
            throw ImportError(file: file, line: 1, column: 1, problem: "the file is empty; expected a header line")
        }
        let headerFields = records.removeFirst()
        header = headerFields.map { $0.text.trimmingCharacters(in: .whitespaces) }
        try checkHeader(header)
        for record in records where record.count != header.count {
            let first = record[0]
            throw ImportError(
                file: file, line: first.line, column: min(record.count, header.count) + 1,
                problem: "expected \(header.count) fields, found \(record.count)")
        }
        rows = records
    }

    /// Reads the UTF-8 bytes: every character that gives the file its shape (quote, comma,
    /// line break) is one ASCII byte, and reading by grapheme was most of the time of reading
    /// a large file. A line break is LF, CR LF or CR.
    private static func parse(file: String, text: String) throws(ImportError) -> [[Field]] {
        var text = text
        text.makeContiguousUTF8()
        let parsed =
            text.utf8.withContiguousStorageIfAvailable { parse($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { parse($0) }
        if let unclosed = parsed.unclosedQuote {
            throw ImportError(
                file: file, line: unclosed.line, column: unclosed.column, problem: "a quoted field is never closed")
        }
        return parsed.records
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (
        records: [[Field]], unclosedQuote: (line: Int, column: Int)?
    ) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var records: [[Field]] = []
        var record: [Field] = []
        var field: [UInt8] = []
        var fieldLine = 1
        var fieldColumn = 1
        var line = 1
        var inQuotes = false
        var quoteLine = 1
        var quoteField = 1
        var index = 0
        // A UTF-8 byte-order mark from a spreadsheet export is not part of the first header.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }

        func endField() {
            record.append(Field(text: String(decoding: field, as: UTF8.self), line: fieldLine, column: fieldColumn))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            let isBlank = record.count == 1 && record[0].text.trimmingCharacters(in: .whitespaces).isEmpty
            if !isBlank { records.append(record) }
            record = []
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(byte)
                    if byte == carriageReturn && index < bytes.count && bytes[index] == newline {
                        field.append(newline)
                        index += 1
                        line += 1
                    } else if byte == newline || byte == carriageReturn {
                        line += 1
                    }
                }
                continue
            }
            switch byte {
            case quote where field.isEmpty:
                inQuotes = true
                quoteLine = line
                quoteField = record.count + 1
            case comma:
                endField()
                fieldLine = line
                fieldColumn = record.count + 1
            case newline, carriageReturn:
                if byte == carriageReturn && index < bytes.count && bytes[index] == newline { index += 1 }
                endRecord()
                line += 1
                fieldLine = line
                fieldColumn = 1
            default:
                field.append(byte)
            }
        }
        if inQuotes { return (records, (quoteLine, quoteField)) }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return (records, nil)
    }
}
