import Coordination
import Foundation
import SecurePlaceCore
import Statistics
import Vapor

/// The methodology page, written from the definitions that build the tables and the rule that
/// protects them, so it cannot drift from what is published.
enum StatisticsMethodology {
    struct Column: Encodable {
        var name: String
        var kind: String
        var text: String
    }

    struct Table: Encodable {
        var name: String
        var title: String
        var coverage: String
        var columns: [Column]
    }

    struct Page: Encodable {
        var chrome: PageChrome
        var decided: String
        var tables: [Table]
        var protection: [String]
    }

    static func page(chrome: PageChrome, rule: DisclosureRule = .standard) -> Page {
        let year = PublicationTables.FinancialYear(startYear: 2025)
        let authorities = [
            LocalAuthority(
                code: "E08000003", name: "Manchester", region: .northWest,
                centroid: Coordinate(latitude: 53.48, longitude: -2.24))
        ]
        let tables = PublicationTables.build([], year: year, authorities: authorities).tables
        return Page(
            chrome: chrome,
            decided:
                "Shares left unplaced are of the referrals that were placed or closed unplaced; referrals withdrawn or still open count on neither side.",
            tables: tables.map { table in
                let levels = Set(table.rows.map(\.place.level))
                let quarters = table.rows.contains { !$0.period.isWholeYear }
                let filterValues = table.filters.indices.map { index in
                    table.rows.map { $0.filters[index] }.reduce(into: [String]()) { seen, value in
                        if !seen.contains(value) { seen.append(value) }
                    }
                }
                return Table(
                    name: table.name, title: table.title,
                    coverage:
                        "Rows for \(TidyTable.GeographicLevel.allCases.filter(levels.contains).map { $0.rawValue.lowercased() }.joined(separator: ", ")) figures, for the financial year\(quarters ? " and, nationally, each quarter" : "").",
                    columns: zip(table.filters, filterValues).map { column, values in
                        Column(
                            name: column.name, kind: "Filter",
                            text: "\(column.label): \(values.joined(separator: "; "))")
                    }
                        + table.indicators.map { column in
                            Column(
                                name: column.name, kind: column.unit == "%" ? "Percentage" : "Count",
                                text: column.unit == "%"
                                    ? "\(column.label), to \(column.decimalPlaces ?? 1) decimal place" : column.label)
                        })
            },
            protection: [
                "Counts from \(rule.smallestSuppressed) to \(rule.largestSuppressed) are shown as c. Zero is shown.",
                "Further counts are shown as c so that none of those can be worked out from the others: across every table published for the year, the nation is the sum of its regions, a region of its local authorities, a Total row of its filter values, a year of its quarters, and a count in one table that equals a count in another (the children closed unplaced, in both tables) is protected in both. The hidden counts in any of these sums add up to at least \(rule.protectionWidth), so a hidden count cannot be told to within fewer than \(rule.protectionWidth) values.",
                "Before publication every hidden count is attacked by linear programming, from the published figures alone; the tables are not published if any could be narrowed further.",
                "A percentage is c where its numerator or denominator is hidden or from \(rule.smallestSuppressed) to \(rule.largestSuppressed), z where it is not applicable (nothing to divide by), and low where it rounds to zero without being zero.",
                rule.roundingBase.map { "National and regional counts are rounded to the nearest \($0)." }
                    ?? "Counts that are shown are exact.",
            ])
    }
}
