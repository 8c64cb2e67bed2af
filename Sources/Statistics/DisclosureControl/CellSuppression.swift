/// A cell of a table of counts, by row and column.
public struct Cell: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    public var description: String { "(\(row), \(column))" }

    public static func < (lhs: Cell, rhs: Cell) -> Bool { (lhs.row, lhs.column) < (rhs.row, rhs.column) }
}

/// Cells that add up to a total shown in the same table: a reader who knows all but one of
/// them knows that one too.
public struct Additivity: Hashable, Sendable {
    public var parts: [Cell]
    public var total: Cell

    public init(parts: [Cell], total: Cell) {
        self.parts = parts
        self.total = total
    }

    var members: [Cell] { parts + [total] }
}

/// Primary and secondary suppression of a table of counts.
public enum CellSuppression {
    /// The cells to suppress in `counts` (nil where a cell is not applicable): every count
    /// the rule calls too small, then, while some sum has exactly one suppressed member (so
    /// that member could be worked out), one more member of it: the one that also completes
    /// the most other such sums, then the smallest count, so that as little as possible is
    /// hidden. A zero is chosen only where no positive count is left, and a total only where
    /// no part is.
    public static func suppressedCells(
        in counts: [[Int?]], sums: [Additivity], rule: DisclosureRule = .standard
    ) -> Set<Cell> {
        func value(_ cell: Cell) -> Int? { counts[cell.row][cell.column] }
        var suppressed = Set<Cell>()
        for (row, values) in counts.enumerated() {
            for (column, count) in values.enumerated() where count.map(rule.isTooSmall) ?? false {
                suppressed.insert(Cell(row: row, column: column))
            }
        }
        func exposed() -> [Additivity] {
            sums.filter { sum in sum.members.filter(suppressed.contains).count == 1 }
        }
        var open = exposed()
        while let sum = open.first {
            let choices = sum.members.filter { !suppressed.contains($0) && value($0) != nil }
            guard !choices.isEmpty else {
                // Nothing left to hide beside it: the sum cannot protect the cell, so the
                // other members' sums must; leave it (every member here is already hidden or
                // not applicable, which discloses nothing).
                open.removeFirst()
                continue
            }
            let best = choices.min { a, b in
                let key = { (cell: Cell) in
                    (
                        -open.filter { $0.members.contains(cell) }.count, value(cell) == 0 ? 1 : 0,
                        sum.total == cell ? 1 : 0, value(cell)!, cell.row, cell.column
                    )
                }
                let (x, y) = (key(a), key(b))
                return (x.0, x.1, x.2, x.3, x.4, x.5) < (y.0, y.1, y.2, y.3, y.4, y.5)
            }!
            suppressed.insert(best)
            open = exposed()
        }
        return suppressed
    }
}
