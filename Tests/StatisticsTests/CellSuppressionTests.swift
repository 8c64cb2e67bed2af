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

    /// No sum has exactly one hidden member, and the hidden members of every sum add up to at
    /// least the rule's protection width.
    static func isSafe(_ hidden: Set<Cell>, sums: [Additivity], counts: [[Int?]]) -> Bool {
        sums.allSatisfy { sum in
            let members = sum.members.filter(hidden.contains)
            let mass = members.reduce(0) { $0 + (counts[$1.row][$1.column] ?? 0) }
            return members.isEmpty || (members.count > 1 && mass >= DisclosureRule.standard.protectionWidth)
        }
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
        #expect(Self.isSafe(hidden, sums: sums, counts: counts))
    }

    @Test func twoSmallCellsThatTogetherHideLessThanTheBandTakeAThird() {
        // 1 + 2 + 30 = 33: with 1 and 2 hidden a reader knows they add to 3, so each lies in a
        // band of four values (0 to 3), narrower than the five (0 to 4) the rule hides.
        let counts: [[Int?]] = [[1, 2, 30, 33]]
        let sums = Self.sums(rows: 1, columns: 4).prefix(1).map { $0 }
        let hidden = CellSuppression.suppressedCells(in: counts, sums: sums)
        #expect(hidden == [Cell(row: 0, column: 0), Cell(row: 0, column: 1), Cell(row: 0, column: 2)])
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
            #expect(Self.isSafe(hidden, sums: sums, counts: counts), "\(counts)")
            let primary = Set(hidden.filter { (1...4).contains(counts[$0.row][$0.column]!) })
            let cells = (0..<3).flatMap { row in (0..<3).map { Cell(row: row, column: $0) } }
            var fewest = cells.count
            for mask in 0..<(1 << cells.count) {
                let chosen = Set(cells.indices.filter { mask & (1 << $0) != 0 }.map { cells[$0] })
                if primary.isSubset(of: chosen) && Self.isSafe(chosen, sums: sums, counts: counts) {
                    fewest = min(fewest, chosen.count)
                }
            }
            #expect(hidden.count <= fewest + 1, "\(counts): hid \(hidden.count), \(fewest) would do")
        }
    }

    /// Tables of 3 × 4 parts with row and column totals, from another generator than the test
    /// above: wherever anything is hidden, no hidden count can be narrowed by the sums together
    /// to a band narrower than the rule hides (the LP attack in scripts/test checks the same on
    /// whole publications).
    @Test func noHiddenCountCanBeNarrowedByTheSumsTogether() {
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 2_862_933_555_777_941_757 &+ 3_037_000_493
            return Int((state >> 35) % UInt64(bound))
        }
        for _ in 0..<200 {
            var inner = (0..<3).map { _ in (0..<4).map { _ in [0, 1, 1, 2, 3, 4, 5, 7, 12, 30][next(10)] } }
            inner = inner.map { $0 + [$0.reduce(0, +)] }
            inner.append((0..<5).map { column in inner.reduce(0) { $0 + $1[column] } })
            let counts = inner.map { $0.map(Optional.some) }
            let sums = Self.sums(rows: 4, columns: 5)
            let hidden = CellSuppression.suppressedCells(in: counts, sums: sums)
            let bands = BandAudit.bands(of: hidden, in: counts, sums: sums)
            let total = counts[3][4]!
            for (cell, band) in bands where total >= DisclosureRule.standard.protectionWidth {
                #expect(
                    band.upperBound - band.lowerBound >= Double(DisclosureRule.standard.protectionWidth),
                    "\(counts): \(cell) lies in \(band)")
            }
        }
    }

    @Test func publicTablesRoundToFive() {
        #expect(DisclosureRule.publicTables.rounded(12) == 10)
        #expect(DisclosureRule.publicTables.rounded(13) == 15)
        #expect(DisclosureRule.standard.rounded(13) == 13)
        #expect(PublishedValue.suppressed.description == "c")
    }

    @Test func aCountAnotherTableRepeatsIsNotHiddenWhereACountInFewerSumsWillDo() {
        // Referrals 30 = decided 28 + withdrawn 2; decided is repeated in another table (cell
        // 3), which is placed 20 + closed unplaced 8 (cells 4 and 5). Hiding decided would
        // spread to the other table; hiding referrals keeps the 2 safe at no further cost.
        let counts: [[Int?]] = [[30], [28], [2], [28], [20], [8]]
        let sums = [
            Additivity(parts: [Cell(row: 1, column: 0), Cell(row: 2, column: 0)], total: Cell(row: 0, column: 0)),
            Additivity(parts: [Cell(row: 1, column: 0)], total: Cell(row: 3, column: 0)),
            Additivity(parts: [Cell(row: 4, column: 0), Cell(row: 5, column: 0)], total: Cell(row: 3, column: 0)),
        ]
        let hidden = CellSuppression.suppressedCells(in: counts, sums: sums)
        #expect(hidden == [Cell(row: 0, column: 0), Cell(row: 2, column: 0)])
        #expect(Self.isSafe(hidden, sums: sums, counts: counts))
    }
}
