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
    /// the rule calls too small, then, while some sum is exposed, one more member of it: the
    /// one that also completes the most other such sums, then the smallest count, so that as
    /// little as possible is hidden. A sum is exposed when exactly one member is suppressed
    /// (it could be worked out) or when its suppressed members add up to less than the rule's
    /// protection width (each could be told to within a narrower band than the rule hides).
    /// A zero is chosen only where no positive count is left, and a total only where no part is.
    /// Then every hidden count's band is worked out from all the sums together (`BandAudit`);
    /// where one is still narrower than the protection width, the sum hiding least beside it
    /// takes one more count, and the sums are completed again.
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
        while true {
            completeSums(&suppressed, counts: counts, sums: sums, rule: rule)
            // Sums taken one at a time can leave a count that several together narrow: widen
            // the band of every count still narrower than the rule's, through the sum that
            // hides least beside it, and complete the sums again.
            let bands = BandAudit.bands(of: suppressed, in: counts, sums: sums)
            var added = false
            for (cell, band) in bands.sorted(by: { $0.key < $1.key })
            where band.upperBound - band.lowerBound < Double(rule.protectionWidth) {
                let widening = sums.filter { $0.members.contains(cell) }.compactMap { sum -> (mass: Int, cell: Cell)? in
                    let hiddenMass = sum.members.filter(suppressed.contains).reduce(0) { $0 + (value($1) ?? 0) }
                    let candidate = sum.members.filter { !suppressed.contains($0) && (value($0) ?? 0) > 0 }
                        .min { (value($0)!, $0) < (value($1)!, $1) }
                    return candidate.map { (hiddenMass, $0) }
                }.min { ($0.mass, $0.cell) < ($1.mass, $1.cell) }
                if let widening, !suppressed.contains(widening.cell) {
                    suppressed.insert(widening.cell)
                    added = true
                }
            }
            if !added { return suppressed }
        }
    }

    /// Hides one more member of each exposed sum until none is left (see `suppressedCells`).
    private static func completeSums(
        _ suppressed: inout Set<Cell>, counts: [[Int?]], sums: [Additivity], rule: DisclosureRule
    ) {
        func value(_ cell: Cell) -> Int? { counts[cell.row][cell.column] }
        func exposed() -> [Additivity] {
            sums.filter { sum in
                let hidden = sum.members.filter(suppressed.contains)
                return hidden.count == 1
                    || (hidden.count > 1 && hidden.reduce(0) { $0 + (value($1) ?? 0) } < rule.protectionWidth)
            }
        }
        // How many sums each cell is in: hiding one in fewer sums exposes fewer others (a count
        // that another table repeats is in more).
        var sumsOf: [Cell: Int] = [:]
        for sum in sums { for cell in sum.members { sumsOf[cell, default: 0] += 1 } }
        var open = exposed()
        while let sum = open.first {
            // Where one member is hidden, any other hides it; where several are hidden but add
            // up to too little, only a positive count widens the band.
            let lone = sum.members.filter(suppressed.contains).count == 1
            let choices = sum.members.filter { !suppressed.contains($0) && (value($0).map { lone || $0 > 0 } ?? false) }
            guard !choices.isEmpty else {
                // Nothing left to hide beside it that would help: the sum cannot protect the
                // cell, so the other members' sums must; leave it.
                open.removeFirst()
                continue
            }
            let best = choices.min { a, b in
                let key = { (cell: Cell) -> [Int] in
                    [
                        -open.filter { $0.members.contains(cell) }.count, value(cell) == 0 ? 1 : 0,
                        sumsOf[cell, default: 0], sum.total == cell ? 1 : 0, value(cell)!, cell.row, cell.column,
                    ]
                }
                return key(a).lexicographicallyPrecedes(key(b))
            }!
            suppressed.insert(best)
            open = exposed()
        }
    }
}
