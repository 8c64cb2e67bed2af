import Matching
import SecurePlaceCore
import Testing

@Suite("The exact assignment solver")
struct AssignmentSolverTests {
    /// A seeded matrix with costs 0 to 99 and, when asked, some pairs forbidden.
    static func randomMatrix(rows: Int, columns: Int, seed: UInt64, forbidden: Double = 0) -> CostMatrix {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return CostMatrix(rows: rows, columns: columns) { _, _ in
            Double.random(in: 0..<1, using: &generator) < forbidden
                ? .infinity : Double(Int.random(in: 0..<100, using: &generator))
        }
    }

    /// The cheapest complete assignment by trying every one; nil when none exists.
    static func bruteForce(_ matrix: CostMatrix) -> Double? {
        let wide = matrix.rows <= matrix.columns ? matrix : matrix.transposed
        var best: Double?
        var used = [Bool](repeating: false, count: wide.columns)
        func visit(_ row: Int, _ total: Double) {
            if row == wide.rows {
                if best == nil || total < best! { best = total }
                return
            }
            for column in 0..<wide.columns where !used[column] && wide[row, column] < .infinity {
                used[column] = true
                visit(row + 1, total + wide[row, column])
                used[column] = false
            }
        }
        visit(0, 0)
        return best
    }

    /// The optimality certificate: reduced costs never negative, zero on assigned pairs, and
    /// the spare side's potentials at most 0 and exactly 0 where unassigned.
    static func expectCertificate(
        _ matrix: CostMatrix, _ assignment: Assignment, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let u = assignment.rowPotentials
        let v = assignment.columnPotentials
        let tolerance = 1e-9 * max(1, abs(assignment.totalCost))
        var worst = 0.0
        for row in 0..<matrix.rows {
            for column in 0..<matrix.columns where matrix[row, column] < .infinity {
                worst = min(worst, matrix[row, column] - u[row] - v[column])
            }
        }
        #expect(worst >= -tolerance, "dual feasibility", sourceLocation: sourceLocation)
        for (row, column) in assignment.pairs {
            #expect(
                abs(matrix[row, column] - u[row] - v[column]) <= tolerance, "complementary slackness",
                sourceLocation: sourceLocation)
        }
        let assignedColumns = Set(assignment.pairs.map(\.column))
        let assignedRows = Set(assignment.pairs.map(\.row))
        if matrix.rows <= matrix.columns {
            for column in 0..<matrix.columns {
                #expect(v[column] <= tolerance, sourceLocation: sourceLocation)
                if !assignedColumns.contains(column) {
                    #expect(abs(v[column]) <= tolerance, sourceLocation: sourceLocation)
                }
            }
        } else {
            for row in 0..<matrix.rows {
                #expect(u[row] <= tolerance, sourceLocation: sourceLocation)
                if !assignedRows.contains(row) { #expect(abs(u[row]) <= tolerance, sourceLocation: sourceLocation) }
            }
        }
        let dual = u.reduce(0, +) + v.reduce(0, +)
        #expect(
            abs(dual - assignment.totalCost) <= tolerance * Double(matrix.rows + matrix.columns), "strong duality",
            sourceLocation: sourceLocation)
    }

    @Test("on small matrices, square, wide and tall, it finds the optimum brute force finds", arguments: 0..<60)
    func matchesBruteForce(seed: Int) throws {
        var generator = SeededRandomNumberGenerator(seed: UInt64(1000 + seed))
        let rows = Int.random(in: 1...6, using: &generator)
        let columns = Int.random(in: 1...6, using: &generator)
        let matrix = Self.randomMatrix(
            rows: rows, columns: columns, seed: UInt64(seed), forbidden: seed % 3 == 0 ? 0.3 : 0)
        let expected = Self.bruteForce(matrix)
        do {
            let assignment = try AssignmentSolver.solve(matrix)
            #expect(assignment.totalCost == expected, "\(rows)×\(columns)")
            #expect(assignment.pairs.count == min(rows, columns))
            #expect(Set(assignment.pairs.map(\.column)).count == assignment.pairs.count, "no column twice")
            Self.expectCertificate(matrix, assignment)
        } catch {
            #expect(expected == nil, "said infeasible, but brute force found \(expected ?? 0)")
            #expect(error == .infeasible(row: error.infeasibleRow))
        }
    }

    @Test(
        "on large dense matrices the answer carries its proof of optimality",
        arguments: [(100, 15), (254, 1000), (300, 300), (40, 2000)])
    func certifiesLargeAnswers(rows: Int, columns: Int) throws {
        let matrix = Self.randomMatrix(rows: rows, columns: columns, seed: UInt64(rows * 7 + columns))
        let assignment = try AssignmentSolver.solve(matrix)
        #expect(assignment.pairs.count == min(rows, columns))
        Self.expectCertificate(matrix, assignment)
    }

    @Test("a constant matrix gives the identity, as scipy's does")
    func constantMatrix() throws {
        let assignment = try AssignmentSolver.solve(CostMatrix(rows: 3, columns: 3) { _, _ in 5 })
        #expect(assignment.columnOfRow == [0, 1, 2])
        #expect(assignment.totalCost == 15)
    }

    @Test("a known case: the example in scipy's documentation of linear_sum_assignment")
    func workedExample() throws {
        let matrix = CostMatrix(rows: 3, columns: 3, costs: [4, 1, 3, 2, 0, 5, 3, 2, 2])!
        let assignment = try AssignmentSolver.solve(matrix)
        #expect(assignment.columnOfRow == [1, 0, 2])
        #expect(assignment.totalCost == 5)
    }

    @Test("bad costs and impossible matrices are refused with where the problem is")
    func refusals() {
        #expect(throws: AssignmentError.invalidCost(row: 1, column: 0)) {
            try AssignmentSolver.solve(CostMatrix(rows: 2, columns: 2, costs: [1, 2, .nan, 4])!)
        }
        #expect(throws: AssignmentError.invalidCost(row: 0, column: 1)) {
            try AssignmentSolver.solve(CostMatrix(rows: 2, columns: 2, costs: [1, -.infinity, 3, 4])!)
        }
        #expect(throws: AssignmentError.infeasible(row: 1)) {
            try AssignmentSolver.solve(CostMatrix(rows: 2, columns: 2, costs: [1, .infinity, 2, .infinity])!)
        }
        #expect(CostMatrix(rows: 2, columns: 2, costs: [1, 2, 3]) == nil)
    }

    @Test("an empty matrix has the empty assignment")
    func empty() throws {
        let assignment = try AssignmentSolver.solve(CostMatrix(rows: 0, columns: 4) { _, _ in 1 })
        #expect(assignment.pairs.isEmpty && assignment.totalCost == 0)
    }
}

extension AssignmentError {
    var infeasibleRow: Int {
        if case .infeasible(let row) = self { return row }
        return -1
    }
}
