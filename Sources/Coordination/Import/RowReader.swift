import Foundation
import SecurePlaceCore

/// Reads the fields of one row by column name, recording each problem at its line and column.
struct RowReader {
    let table: CSVTable
    let today: CalendarDate
    var row: [CSVTable.Field] = []
    private let indexes: [String: Int]

    init(table: CSVTable, today: CalendarDate) {
        self.table = table
        self.today = today
        indexes = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func field(_ column: String) -> CSVTable.Field { row[indexes[column]!] }

    /// The field's text, trimmed; nil when blank.
    func optional(_ column: String) -> String? {
        let text = field(column).text.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }

    func complain(_ column: String, _ problem: String, _ problems: inout ImportProblems) {
        problems.add(field(column), in: table.file, "\(column): \(problem)")
    }

    func required(_ column: String, _ problems: inout ImportProblems) -> String? {
        guard let text = optional(column) else {
            complain(column, "is required", &problems)
            return nil
        }
        return text
    }

    func code<Code>(
        _ column: String, _ problems: inout ImportProblems, parse: (String) -> Code?, list: () -> String
    ) -> Code? {
        guard let text = required(column, &problems) else { return nil }
        guard let value = parse(text) else {
            complain(column, "'\(text)' is not a known code; expected \(list())", &problems)
            return nil
        }
        return value
    }

    func code<Code: RawRepresentable & CaseIterable>(
        _ column: String, _ type: Code.Type, _ problems: inout ImportProblems
    ) -> Code? where Code.RawValue == String {
        code(column, &problems, parse: { Code(rawValue: $0.uppercased()) }) {
            "one of " + Code.allCases.map(\.rawValue).joined(separator: ", ")
        }
    }

    func optionalCode<Code: RawRepresentable & CaseIterable>(
        _ column: String, _ type: Code.Type, _ problems: inout ImportProblems
    ) -> Code? where Code.RawValue == String {
        guard optional(column) != nil else { return nil }
        return code(column, type, &problems)
    }

    /// A date written dd/mm/yyyy, as the return has it, or yyyy-mm-dd.
    func date(_ column: String, required: Bool, _ problems: inout ImportProblems) -> CalendarDate? {
        guard let text = optional(column) else {
            if required { complain(column, "is required", &problems) }
            return nil
        }
        guard let date = Self.parseDate(text) else {
            complain(column, "'\(text)' is not a date written dd/mm/yyyy", &problems)
            return nil
        }
        if date > today {
            complain(column, "\(date.iso) is in the future", &problems)
            return nil
        }
        return date
    }

    /// The outward code of a postcode with, optionally, the sector digit ("LS9" or "LS9 8").
    func postcodeSector(_ column: String, _ problems: inout ImportProblems) -> String? {
        guard let text = optional(column)?.uppercased() else { return nil }
        let pattern = /^[A-Z]{1,2}[0-9][A-Z0-9]?( [0-9])?$/
        guard text.wholeMatch(of: pattern) != nil else {
            complain(column, "'\(text)' is not the first part of a postcode (for example LS9 or LS9 8)", &problems)
            return nil
        }
        return text
    }

    static func parseDate(_ text: String) -> CalendarDate? {
        if let iso = CalendarDate(iso: text) { return iso }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
