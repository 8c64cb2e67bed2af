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

    static func kind(_ column: TidyTable.Column) -> String {
        column.isCount ? "Count" : column.unit == "%" ? "Percentage" : "Figure"
    }

    static func text(_ column: TidyTable.Column) -> String {
        guard !column.isCount else { return column.label }
        let places = column.decimalPlaces ?? 1
        let rounding =
            places == 0 ? "to the nearest whole number" : "to \(places) decimal place\(places == 1 ? "" : "s")"
        return column.unit == "%" ? "\(column.label), \(rounding)" : "\(column.label), in \(column.unit), \(rounding)"
    }

    static func page(chrome: PageChrome, rule: DisclosureRule = .standard) -> Page {
        let year = PublicationTables.FinancialYear(startYear: 2025)
        let authorities = [
            LocalAuthority(
                code: "E08000003", name: "Manchester", region: .northWest,
                centroid: Coordinate(latitude: 53.48, longitude: -2.24))
        ]
        // Built from nothing, as at a date when the year has had its 12 months: every table
        // is there to be described.
        let emptyBeds = BedDays([], from: year.first.start, to: year.first.start)
        let publication = PublicationTables.build(
            [], year: year, authorities: authorities, asOf: year.end.anniversary.anniversary.start,
            beds: PublicationTables.BedsInYear(year: emptyBeds, quarters: Array(repeating: emptyBeds, count: 4)))
        let tables = publication.tables
        let identities = tables.flatMap { table in
            table.identities.map { identity -> String in
                "\(identity.total) is \(identity.parts.joined(separator: " plus "))"
            }
        }.reduce(into: [String]()) { seen, text in
            if !seen.contains(text) { seen.append(text) }
        }.joined(separator: "; ")
        let links = publication.links.map { link -> String in
            let filters = link.filters.sorted { $0.key < $1.key }.map { filter -> String in
                " (\(filter.key) \(filter.value))"
            }.joined()
            return "\(link.table)'s \(link.indicator)\(filters) is \(link.otherTable)'s \(link.otherIndicator)"
        }.joined(separator: "; ")
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
                                name: column.name, kind: kind(column),
                                text: text(column)
                            )
                        })
            },
            protection: [
                "Counts from \(rule.smallestSuppressed) to \(rule.largestSuppressed) are shown as c. Zero is shown.",
                "Further counts are shown as c so that none of those can be worked out from the others: across every table published for the year, the nation is the sum of its regions, a region of its local authorities, a Total row of its filter values, a year of its quarters, the counts in a row that add up do (\(identities)), and a count in one table that equals a count in another is protected in both (\(links)). The hidden counts in any of these sums add up to at least \(rule.protectionWidth), so a hidden count cannot be told to within fewer than \(rule.protectionWidth) values.",
                "A median or quartile is c where the count of the children it describes is c or fewer than \(rule.fewestSummarised), z where there are none, and x where it was not reached (fewer than half, or a quarter, had been placed). Figures about beds (beds open, bed-days) are not counts of children and are shown as they are. Rows of decline reasons and of needs do not add up: a decline may give several reasons and a child have several needs.",
                "The year after referral is published for a year once every referral in it has had its 12 months; its children followed are then the referrals placed and closed unplaced of the outcomes table.",
                "Before the tables are shown, the band each hidden count could lie in is worked out from all these sums together, and any narrower than \(rule.protectionWidth) is widened by hiding one more count. The service's tests attack every table set by linear programming, from the published figures alone, as an intruder would, and fail if any hidden count can be narrowed further.",
                "A percentage is c where its numerator or denominator is hidden or from \(rule.smallestSuppressed) to \(rule.largestSuppressed), z where it is not applicable (nothing to divide by), and low where it rounds to zero without being zero.",
                rule.roundingBase.map { "National and regional counts are rounded to the nearest \($0)." }
                    ?? "Counts that are shown are exact.",
            ])
    }
}
