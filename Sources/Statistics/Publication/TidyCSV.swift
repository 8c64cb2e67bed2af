import Foundation

/// The data and metadata files of a tidy table, as Explore Education Statistics takes them.
public enum TidyCSV {
    static let placeColumns = [
        "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code",
        "region_name", "new_la_code", "la_name",
    ]

    /// The data file: place and time columns, then each filter, then each indicator.
    public static func data(of table: TidyTable, showing values: [[PublishedValue]]) -> String {
        var lines = [(placeColumns + table.filters.map(\.name) + table.indicators.map(\.name)).joined(separator: ",")]
        for (row, shown) in zip(table.rows, values) {
            let place = row.place
            let fields =
                [
                    row.period.code, row.period.identifier, place.level.rawValue, place.countryCode, place.countryName,
                    place.regionCode, place.regionName, place.authorityCode, place.authorityName,
                ] + row.filters + shown.map(\.description)
            lines.append(fields.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The metadata file: one line for each filter and indicator column.
    public static func metadata(of table: TidyTable) -> String {
        var lines = [
            "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column"
        ]
        for column in table.filters + table.indicators {
            lines.append(
                [
                    column.name, column.kind.rawValue, column.label, "", column.unit,
                    column.decimalPlaces.map(String.init) ?? "", column.hint, "",
                ].map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quoted where it holds a comma, quote or line break (RFC 4180).
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
