import Foundation
import Linkage
import SecurePlaceCore

/// Reading the files partners send for linkage and writing the links back.
public enum LinkageFiles {
    /// Records of a CSV file with an `id` column and any others; a malformed file, a missing
    /// or repeated id is refused with file, line and column.
    public static func records(file: String, text: String, idColumn: String = "id") throws(ImportError)
        -> [LinkageRecord]
    {
        let table = try CSVTable(file: file, text: text, requiredColumns: [idColumn])
        let idIndex = table.header.firstIndex(of: idColumn)!
        var seen: [String: Int] = [:]
        var records: [LinkageRecord] = []
        records.reserveCapacity(table.rows.count)
        for row in table.rows {
            let id = row[idIndex].text.trimmedOfSpaces
            guard !id.isEmpty else {
                throw ImportError(file: file, line: row[idIndex].line, column: idIndex + 1, problem: "the id is empty")
            }
            if let first = seen[id] {
                throw ImportError(
                    file: file, line: row[idIndex].line, column: idIndex + 1,
                    problem: "the id '\(id)' was already used on line \(first)")
            }
            seen[id] = row[idIndex].line
            var fields: [String: String] = [:]
            for (index, name) in table.header.enumerated() where index != idIndex { fields[name] = row[index].text }
            records.append(LinkageRecord(id: id, fields: fields))
        }
        return records
    }

    /// The columns of a file's header line, for choosing the standard configuration.
    public static func columns(file: String, text: String) throws(ImportError) -> [String] {
        // Only the header is read; a quote in it may hold a line break, so then the whole file.
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let header = firstLine.contains("\"") ? text : String(firstLine) + "\n"
        return try CSVTable(file: file, text: header, requiredColumns: []).header
    }

    /// `id` and one base64 Bloom filter per field; a field that could not be read stays empty.
    public static func encodedCSV(_ records: [LinkageRecord], fields: [LinkageField], encoder: BloomFilterEncoder)
        -> String
    {
        var lines = [(["id"] + fields.map(\.name)).joined(separator: ",")]
        for record in records {
            let encoded = encoder.encode(record, fields: fields)
            lines.append(
                ([CSVField.escape(record.id)] + fields.map { encoded[$0.name]?.base64 ?? "" }).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `left_id,right_id,match_weight,match_probability`, one line per pair.
    public static func pairsCSV(_ pairs: [ScoredPair], of result: Linker.Result) -> String {
        var lines = ["left_id,right_id,match_weight,match_probability"]
        for pair in pairs {
            lines.append(
                [
                    CSVField.escape(result.left[Int(pair.left)].id), CSVField.escape(result.right[Int(pair.right)].id),
                    fixed(pair.weight, places: 4), fixed(pair.probability, places: 6),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `value` to `places` decimals as "%.4f" writes it (half away from zero), without
    /// Foundation's formatter: a national run writes millions of these, and formatting was a
    /// tenth of a linkage's time.
    public static func fixed(_ value: Double, places: Int) -> String {
        let scale = (0..<places).reduce(1) { product, _ in product * 10 }
        let scaled = (abs(value) * Double(scale)).rounded()
        guard value.isFinite, scaled < 1e15 else { return String(format: "%.\(places)f", value) }
        let units = Int(scaled)
        let fraction = String(units % scale)
        return (value.sign == .minus ? "-" : "") + String(units / scale) + "."
            + String(repeating: "0", count: places - fraction.count) + fraction
    }
}

extension LinkageFiles {
    /// A links file written by `secureplace link`: the partner's id → the cohort's id.
    public static func links(file: String, text: String) throws(ImportError) -> [String: String] {
        let table = try CSVTable(file: file, text: text, requiredColumns: ["left_id", "right_id"])
        let left = table.header.firstIndex(of: "left_id")!
        let right = table.header.firstIndex(of: "right_id")!
        var links: [String: String] = [:]
        for row in table.rows {
            if links[row[right].text] != nil {
                throw ImportError(
                    file: file, line: row[right].line, column: right + 1,
                    problem: "'\(row[right].text)' is linked twice: outcome tables need one-to-one links")
            }
            links[row[right].text] = row[left].text
        }
        return links
    }

    /// A partner's events: `id,outcome,date` with outcome one of custody, hospital-admission,
    /// school-exclusion and the date as YYYY-MM-DD.
    public static func outcomeEvents(file: String, text: String) throws(ImportError) -> [OutcomeEvent] {
        let table = try CSVTable(file: file, text: text, requiredColumns: ["id", "outcome", "date"])
        let columns = ["id", "outcome", "date"].map { table.header.firstIndex(of: $0)! }
        var events: [OutcomeEvent] = []
        for row in table.rows {
            let (id, outcome, date) = (row[columns[0]], row[columns[1]], row[columns[2]])
            guard let kind = LinkedOutcome(rawValue: outcome.text.trimmingCharacters(in: .whitespaces)) else {
                throw ImportError(
                    file: file, line: outcome.line, column: columns[1] + 1,
                    problem:
                        "'\(outcome.text)' is not an outcome; use one of \(LinkedOutcome.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            guard let day = CalendarDate(iso: date.text.trimmingCharacters(in: .whitespaces)) else {
                throw ImportError(
                    file: file, line: date.line, column: columns[2] + 1,
                    problem: "'\(date.text)' is not a date written YYYY-MM-DD")
            }
            events.append(OutcomeEvent(personID: id.text, outcome: kind, day: day))
        }
        return events
    }
}
