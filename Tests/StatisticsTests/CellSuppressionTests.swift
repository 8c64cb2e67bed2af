import Testing

@testable import Statistics

@Suite("Small-number suppression")
struct CellSuppressionTests {
    /// Rows of parts with their total in the last column, and a last row of column totals.
    static func sums(rows: Int, columns: Int) -> [Additivity] {
        (0..<rows).map { row in
            Additivity(
                parts: (0..<(columns - 1)).map { Cell(row: row, column: $0) },
                total: Cell(row: row, column: columns - 1))
        }
            + (0..<columns).map { column in
                Additivity(
                    parts: (0..<(rows - 1)).map { Cell(row: $0, column: column) },
                    total: Cell(row: rows - 1, column: column))
            }
    }

    static func isSafe(_ hidden: Set<Cell>, sums: [Additivity]) -> Bool {
        sums.allSatisfy { sum in sum.members.filter(hidden.contains).count != 1 }
    }

    @Test func countsFromOneToFourAreHiddenAndZeroAndFiveAreNot() {
        let counts: [[Int?]] = [[0, 1, 4, 5, nil]]
        let hidden = CellSuppression.suppressedCells(in: counts, sums: [])
        #expect(hidden == [Cell(row: 0, column: 1), Cell(row: 0, column: 2)])
    }

    @Test func aLoneSmallCellInARowTakesTheNextSmallestWithIt() {
        // 3 + 40 + 12 = 55: hiding 3 alone would let anyone work it out as 55 − 40 − 12.
        let counts: [[Int?]] = [[3, 40, 12, 55], [20, 30, 25, 75], [23, 70, 37, 130]]
        let sums = Self.sums(rows: 3, columns: 4)
        let hidden = CellSuppression.suppressedCells(in: counts, sums: sums)
        #expect(hidden.contains(Cell(row: 0, column: 0)))
        #expect(hidden.contains(Cell(row: 0, column: 2)))
        #expect(Self.isSafe(hidden, sums: sums))
    }

    /// On small tables, compared with every possible choice of cells: the result is always
    /// safe, and never hides more than one cell beyond the fewest that would do.
    @Test func secondarySuppressionIsSafeAndCloseToTheFewest() {
        var state: UInt64 = 12
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<60 {
            var inner = (0..<2).map { _ in (0..<2).map { _ in [0, 2, 3, 6, 9, 15][next(6)] } }
            inner = inner.map { $0 + [$0.reduce(0, +)] }
            inner.append((0..<3).map { column in inner.reduce(0) { $0 + $1[column] } })
            let counts = inner.map { $0.map(Optional.some) }
            let sums = Self.sums(rows: 3, columns: 3)
            let hidden = CellSuppression.suppressedCells(in: counts, sums: sums)
            #expect(Self.isSafe(hidden, sums: sums), "\(counts)")
            let primary = Set(hidden.filter { (1...4).contains(counts[$0.row][$0.column]!) })
            let cells = (0..<3).flatMap { row in (0..<3).map { Cell(row: row, column: $0) } }
            var fewest = cells.count
            for mask in 0..<(1 << cells.count) {
                let chosen = Set(cells.indices.filter { mask & (1 << $0) != 0 }.map { cells[$0] })
                if primary.isSubset(of: chosen) && Self.isSafe(chosen, sums: sums) {
                    fewest = min(fewest, chosen.count)
                }
            }
            #expect(hidden.count <= fewest + 1, "\(counts): hid \(hidden.count), \(fewest) would do")
        }
    }

    @Test func publicTablesRoundToFive() {
        #expect(DisclosureRule.publicTables.rounded(12) == 10)
        #expect(DisclosureRule.publicTables.rounded(13) == 15)
        #expect(DisclosureRule.standard.rounded(13) == 13)
        #expect(PublishedValue.suppressed.description == "c")
    }
}
