/// The cheapest assignment in a rectangular cost matrix: every row of the shorter side matched
/// to a different column of the longer side, at the least total cost. Exact, by shortest
/// augmenting paths (Jonker and Volgenant's method as Crouse, 2016, gives it for rectangular
/// matrices, the algorithm behind scipy.optimize.linear_sum_assignment), with the dual
/// potentials that certify the answer is optimal.
public enum AssignmentSolver {
    /// Solves `matrix`, or throws when a cost is not a number or `-infinity`, or when the
    /// forbidden pairs (`+infinity`) leave no complete assignment.
    public static func solve(_ matrix: CostMatrix) throws(AssignmentError) -> Assignment {
        for (index, cost) in matrix.costs.enumerated() where cost.isNaN || cost == -.infinity {
            throw .invalidCost(row: index / max(matrix.columns, 1), column: index % max(matrix.columns, 1))
        }
        guard matrix.rows > matrix.columns else { return try solveWide(matrix) }
        // A tall matrix is solved as its transpose, then turned back.
        let wide = try solveWide(matrix.transposed)
        var columnOfRow = [Int?](repeating: nil, count: matrix.rows)
        for (column, row) in wide.columnOfRow.enumerated() {
            if let row { columnOfRow[row] = column }
        }
        return Assignment(
            columnOfRow: columnOfRow, totalCost: wide.totalCost, rowPotentials: wide.columnPotentials,
            columnPotentials: wide.rowPotentials)
    }

    /// Rows no more than columns: every row is matched.
    private static func solveWide(_ matrix: CostMatrix) throws(AssignmentError) -> Assignment {
        let rows = matrix.rows
        let columns = matrix.columns
        var u = [Double](repeating: 0, count: rows)
        var v = [Double](repeating: 0, count: columns)
        var columnForRow = [Int](repeating: -1, count: rows)
        var rowForColumn = [Int](repeating: -1, count: columns)
        let search = PathSearch(rows: rows, columns: columns)
        defer { search.deallocate() }
        var infeasibleRow: Int?
        matrix.costs.withUnsafeBufferPointer { costs in
            u.withUnsafeMutableBufferPointer { u in
                v.withUnsafeMutableBufferPointer { v in
                    rowForColumn.withUnsafeMutableBufferPointer { rowForColumn in
                        columnForRow.withUnsafeMutableBufferPointer { columnForRow in
                            for current in 0..<rows {
                                guard
                                    let (sink, shortest) = search.augmentingPath(
                                        from: current, costs: costs, u: u, v: v, rowForColumn: rowForColumn)
                                else {
                                    infeasibleRow = current
                                    return
                                }
                                search.updatePotentials(
                                    current: current, shortest: shortest, u: u, v: v, columnForRow: columnForRow)
                                var column = sink
                                while true {
                                    let row = search.path[column]
                                    rowForColumn[column] = row
                                    swap(&columnForRow[row], &column)
                                    if row == current { break }
                                }
                            }
                        }
                    }
                }
            }
        }
        if let infeasibleRow { throw .infeasible(row: infeasibleRow) }
        var total = 0.0
        for row in 0..<rows { total += matrix[row, columnForRow[row]] }
        return Assignment(
            columnOfRow: columnForRow.map { Optional($0) }, totalCost: total, rowPotentials: u, columnPotentials: v)
    }
}

/// The working memory of the shortest-path searches, allocated once per solve: the inner loop
/// runs rows × columns times per row, so it works on raw buffers, without the copy-on-write
/// and bounds checks of arrays.
private struct PathSearch {
    let distance: UnsafeMutableBufferPointer<Double>
    let path: UnsafeMutableBufferPointer<Int>
    let scannedRows: UnsafeMutableBufferPointer<Bool>
    let scannedColumns: UnsafeMutableBufferPointer<Bool>
    let remaining: UnsafeMutableBufferPointer<Int>

    init(rows: Int, columns: Int) {
        distance = .allocate(capacity: columns)
        path = .allocate(capacity: columns)
        scannedRows = .allocate(capacity: rows)
        scannedColumns = .allocate(capacity: columns)
        remaining = .allocate(capacity: columns)
        path.initialize(repeating: -1)
        scannedRows.initialize(repeating: false)
    }

    func deallocate() {
        distance.deallocate()
        path.deallocate()
        scannedRows.deallocate()
        scannedColumns.deallocate()
        remaining.deallocate()
    }

    /// Dijkstra over reduced costs from the free row `start` to the nearest free column: the
    /// sink column and the path's length, or nil when every column is out of reach.
    func augmentingPath(
        from start: Int, costs: UnsafeBufferPointer<Double>, u: UnsafeMutableBufferPointer<Double>,
        v: UnsafeMutableBufferPointer<Double>, rowForColumn: UnsafeMutableBufferPointer<Int>
    ) -> (sink: Int, length: Double)? {
        let columns = distance.count
        for index in 0..<columns {
            // Filled in reverse so that a constant matrix gives the identity, as scipy does.
            remaining[index] = columns - index - 1
            distance[index] = .infinity
            scannedColumns[index] = false
        }
        scannedRows.update(repeating: false)
        guard let costs = costs.baseAddress, let distance = distance.baseAddress, let path = path.baseAddress,
            let remaining = remaining.baseAddress, let v = v.baseAddress, let rowForColumn = rowForColumn.baseAddress
        else { return nil }
        var left = columns
        var row = start
        var reached = 0.0
        while true {
            scannedRows[row] = true
            var lowest = Double.infinity
            var lowestIndex = -1
            let rowCosts = costs + row * columns
            let offset = reached - u[row]
            for index in 0..<left {
                let column = remaining[index]
                let reduced = offset + rowCosts[column] - v[column]
                var known = distance[column]
                if reduced < known {
                    path[column] = row
                    distance[column] = reduced
                    known = reduced
                }
                // Among equals, prefer a free column: it ends the search sooner.
                if known < lowest || (known == lowest && rowForColumn[column] == -1) {
                    lowest = known
                    lowestIndex = index
                }
            }
            guard lowest < .infinity else { return nil }
            reached = lowest
            let column = remaining[lowestIndex]
            scannedColumns[column] = true
            left -= 1
            remaining[lowestIndex] = remaining[left]
            if rowForColumn[column] == -1 { return (column, reached) }
            row = rowForColumn[column]
        }
    }

    /// After a search from `current` reached its sink at `shortest`: the potentials that keep
    /// every reduced cost non-negative and those on the new matching at zero.
    func updatePotentials(
        current: Int, shortest: Double, u: UnsafeMutableBufferPointer<Double>, v: UnsafeMutableBufferPointer<Double>,
        columnForRow: UnsafeMutableBufferPointer<Int>
    ) {
        u[current] += shortest
        for row in 0..<u.count where scannedRows[row] && row != current {
            u[row] += shortest - distance[columnForRow[row]]
        }
        for column in 0..<v.count where scannedColumns[column] {
            v[column] -= shortest - distance[column]
        }
    }
}

/// An optimal assignment and its certificate.
public struct Assignment: Hashable, Sendable {
    /// For each row, its column; nil for a row left over when there are more rows than columns.
    public var columnOfRow: [Int?]
    public var totalCost: Double
    /// Dual potentials u and v: u[i] + v[j] never exceeds the cost of (i, j), equals it on every
    /// assigned pair, and the side with spare lines has potentials of 0 where it is unassigned
    /// (and none above 0), so the sum of the potentials is a lower bound the assignment meets.
    public var rowPotentials: [Double]
    public var columnPotentials: [Double]

    /// The pairs, row then column, in row order.
    public var pairs: [(row: Int, column: Int)] {
        columnOfRow.enumerated().compactMap { row, column in column.map { (row, $0) } }
    }
}

public enum AssignmentError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidCost(row: Int, column: Int)
    /// The forbidden pairs leave this row (of the shorter side) nothing it may be matched to
    /// once the rows before it are matched.
    case infeasible(row: Int)

    public var description: String {
        switch self {
        case .invalidCost(let row, let column):
            "The cost in row \(row + 1), column \(column + 1) is not a number or is minus infinity."
        case .infeasible(let row):
            "No complete assignment exists: the forbidden pairs leave row \(row + 1) of the shorter side unmatched."
        }
    }
}
