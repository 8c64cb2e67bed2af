import Foundation
import Linkage

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
            let id = row[idIndex].text.trimmingCharacters(in: .whitespaces)
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
        try CSVTable(file: file, text: text, requiredColumns: []).header
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
                    String(format: "%.4f", pair.weight), String(format: "%.6f", pair.probability),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
