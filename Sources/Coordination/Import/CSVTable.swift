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

    private static func parse(file: String, text: String) throws(ImportError) -> [[Field]] {
        var records: [[Field]] = []
        var record: [Field] = []
        var field = ""
        var fieldLine = 1
        var fieldColumn = 1
        var line = 1
        var inQuotes = false
        var quoteLine = 1
        var quoteField = 1
        var characters = text.makeIterator()
        var pending: Character? = characters.next()
        // A UTF-8 byte-order mark from a spreadsheet export is not part of the first header.
        if pending == "\u{FEFF}" { pending = characters.next() }

        func endField() {
            record.append(Field(text: field, line: fieldLine, column: fieldColumn))
            field = ""
        }
        func endRecord() {
            endField()
            let isBlank = record.count == 1 && record[0].text.trimmingCharacters(in: .whitespaces).isEmpty
            if !isBlank { records.append(record) }
            record = []
        }

        while let character = pending {
            pending = characters.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = characters.next()
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(character)
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                inQuotes = true
                quoteLine = line
                quoteField = record.count + 1
            case ",":
                endField()
                fieldLine = line
                fieldColumn = record.count + 1
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                fieldLine = line
                fieldColumn = 1
            default:
                field.append(character)
            }
        }
        if inQuotes {
            throw ImportError(
                file: file, line: quoteLine, column: quoteField, problem: "a quoted field is never closed")
        }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return records
    }
}
