import Foundation

/// A publication after disclosure control: what each cell shows, with the Department's
/// symbols for the rest.
public struct ProtectedPublication: Hashable, Sendable {
    public let publication: Publication
    /// For each table, row and indicator.
    public let values: [[[PublishedValue]]]
    /// Counts hidden because they were small, and hidden so that those cannot be worked out.
    public let primarySuppressions: Int
    public let secondarySuppressions: Int

    /// Every count the rule calls small is hidden, then as few others as keep each hidden count
    /// from being worked out from any sum in any table (CellSuppression); a percentage is
    /// hidden where its numerator or denominator is hidden or small, not applicable where its
    /// denominator is zero, and "low" where it rounds to zero without being zero; a median is
    /// hidden with the count of the children it describes, and where they are fewer than
    /// `rule.fewestSummarised`; figures about beds are shown as they are. With
    /// `rule.roundingBase`, national and regional counts shown are rounded.
    public init(_ publication: Publication, rule: DisclosureRule) {
        let (cells, counts, sums) = publication.additivity()
        let suppressed = CellSuppression.suppressedCells(in: counts.map { [$0] }, sums: sums, rule: rule)
        var hidden = Set<Publication.CellAddress>()
        for cell in suppressed { hidden.insert(cells[cell.row]) }
        primarySuppressions = counts.count(where: rule.isTooSmall)
        secondarySuppressions = suppressed.count - primarySuppressions
        self.publication = publication
        values = publication.tables.enumerated().map { t, table in
            table.rows.enumerated().map { r, row in
                row.values.enumerated().map { i, value in
                    switch value {
                    case .count(let count):
                        if hidden.contains(Publication.CellAddress(table: t, row: r, indicator: i)) {
                            return .suppressed
                        }
                        let shown = row.place.level == .localAuthority ? count : rule.rounded(count)
                        return .value(String(shown))
                    case .percent(let numerator, let denominator):
                        guard let n = table.indicatorIndex(numerator), let d = table.indicatorIndex(denominator),
                            case .count(let top) = row.values[n], case .count(let bottom) = row.values[d]
                        else { return .notAvailable }
                        if bottom == 0 { return .notApplicable }
                        let either = [n, d].contains {
                            hidden.contains(Publication.CellAddress(table: t, row: r, indicator: $0))
                        }
                        if either || rule.isTooSmall(top) || rule.isTooSmall(bottom) { return .suppressed }
                        return TidyTable.percentText(
                            top, of: bottom, decimalPlaces: table.indicators[i].decimalPlaces ?? 1)
                    case .summary(let figure, let base):
                        guard let b = table.indicatorIndex(base), case .count(let children) = row.values[b] else {
                            return .notAvailable
                        }
                        if children == 0 { return .notApplicable }
                        if hidden.contains(Publication.CellAddress(table: t, row: r, indicator: b))
                            || children < rule.fewestSummarised
                        {
                            return .suppressed
                        }
                        return TidyTable.figureText(figure, decimalPlaces: table.indicators[i].decimalPlaces ?? 1)
                    case .figure(let figure):
                        return TidyTable.figureText(figure, decimalPlaces: table.indicators[i].decimalPlaces ?? 1)
                    }
                }
            }
        }
    }
}
