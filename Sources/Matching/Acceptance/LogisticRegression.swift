import Foundation

/// One observation as the non-zero entries of its feature vector: most features are
/// indicators (this home, this flag), so a row has a dozen entries among many columns.
public struct SparseRow: Hashable, Sendable {
    public var entries: [(column: Int, value: Double)]

    public init(_ entries: [(column: Int, value: Double)]) {
        self.entries = entries
    }

    public static func == (lhs: SparseRow, rhs: SparseRow) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.column == $1.column && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for entry in entries {
            hasher.combine(entry.column)
            hasher.combine(entry.value)
        }
    }

    public func dot(_ coefficients: [Double]) -> Double {
        var sum = 0.0
        for entry in entries { sum += coefficients[entry.column] * entry.value }
        return sum
    }
}

/// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
/// squares): the same rows in the same order give the same coefficients, bit for bit.
///
/// Column 0 is the intercept and is not penalised; every other coefficient is shrunk towards
/// zero by `penalty / 2 · β²`, which also keeps the fit finite when a column separates the
/// outcomes (a home that has never offered).
public enum LogisticRegression {
    public struct Fit: Hashable, Sendable {
        public var coefficients: [Double]
        public var iterations: Int
        public var converged: Bool
        /// The penalised log-likelihood at the coefficients.
        public var penalisedLogLikelihood: Double
    }

    public enum FitError: Error, Hashable, Sendable, CustomStringConvertible {
        case noRows
        case countsDiffer(rows: Int, outcomes: Int)
        case columnOutOfRange(row: Int, column: Int)
        case penaltyNotPositive

        public var description: String {
            switch self {
            case .noRows: "There is nothing to fit: no answers recorded."
            case .countsDiffer(let rows, let outcomes): "\(rows) rows but \(outcomes) outcomes."
            case .columnOutOfRange(let row, let column): "Row \(row) uses column \(column), outside the model."
            case .penaltyNotPositive: "The penalty must be more than zero."
            }
        }
    }

    public static func fit(
        rows: [SparseRow], outcomes: [Bool], columns: Int, penalty: Double, maximumIterations: Int = 50,
        tolerance: Double = 1e-8
    ) throws(FitError) -> Fit {
        guard !rows.isEmpty else { throw .noRows }
        guard rows.count == outcomes.count else { throw .countsDiffer(rows: rows.count, outcomes: outcomes.count) }
        guard penalty > 0 else { throw .penaltyNotPositive }
        for (index, row) in rows.enumerated() {
            if let bad = row.entries.first(where: { $0.column < 0 || $0.column >= columns }) {
                throw .columnOutOfRange(row: index, column: bad.column)
            }
        }
        var beta = [Double](repeating: 0, count: columns)
        var objective = penalisedLogLikelihood(beta, rows, outcomes, penalty)
        var iterations = 0
        var converged = false
        var hessian = [Double](repeating: 0, count: columns * columns)
        var gradient = [Double](repeating: 0, count: columns)
        while iterations < maximumIterations, !converged {
            iterations += 1
            accumulate(beta, rows, outcomes, penalty, into: &hessian, &gradient)
            guard let step = solvePositiveDefinite(&hessian, gradient, size: columns) else { break }
            // Newton steps can overshoot far from the optimum; halve until the objective rises.
            var scale = 1.0
            var candidate = beta
            var candidateObjective = objective
            while scale > 1e-6 {
                for column in 0..<columns { candidate[column] = beta[column] + scale * step[column] }
                candidateObjective = penalisedLogLikelihood(candidate, rows, outcomes, penalty)
                if candidateObjective >= objective - 1e-12 { break }
                scale /= 2
            }
            let largestChange = zip(candidate, beta).map { abs($0 - $1) }.max() ?? 0
            beta = candidate
            objective = candidateObjective
            converged = largestChange < tolerance
        }
        return Fit(coefficients: beta, iterations: iterations, converged: converged, penalisedLogLikelihood: objective)
    }

    public static func probability(_ linear: Double) -> Double {
        linear >= 0 ? 1 / (1 + exp(-linear)) : exp(linear) / (1 + exp(linear))
    }

    static func penalisedLogLikelihood(_ beta: [Double], _ rows: [SparseRow], _ outcomes: [Bool], _ penalty: Double)
        -> Double
    {
        var sum = 0.0
        for (row, outcome) in zip(rows, outcomes) {
            let linear = row.dot(beta)
            // log(1 + e^x) without overflow.
            let softplus = linear > 0 ? linear + log1p(exp(-linear)) : log1p(exp(linear))
            sum += (outcome ? linear : 0) - softplus
        }
        for column in 1..<max(1, beta.count) { sum -= penalty / 2 * beta[column] * beta[column] }
        return sum
    }

    /// The negative Hessian and the gradient of the penalised log-likelihood, upper triangle
    /// filled and mirrored.
    static func accumulate(
        _ beta: [Double], _ rows: [SparseRow], _ outcomes: [Bool], _ penalty: Double, into hessian: inout [Double],
        _ gradient: inout [Double]
    ) {
        let size = beta.count
        for index in hessian.indices { hessian[index] = 0 }
        for index in gradient.indices { gradient[index] = 0 }
        hessian.withUnsafeMutableBufferPointer { matrix in
            for (row, outcome) in zip(rows, outcomes) {
                let p = probability(row.dot(beta))
                let weight = p * (1 - p)
                let residual = (outcome ? 1 : 0) - p
                let entries = row.entries
                for first in entries.indices {
                    let (i, vi) = entries[first]
                    gradient[i] += residual * vi
                    let scaled = weight * vi
                    for second in first..<entries.count {
                        let (j, vj) = entries[second]
                        let (low, high) = i <= j ? (i, j) : (j, i)
                        matrix[low * size + high] += scaled * vj
                    }
                }
            }
            for column in 1..<max(1, size) {
                matrix[column * size + column] += penalty
                gradient[column] -= penalty * beta[column]
            }
            for i in 0..<size {
                for j in (i + 1)..<max(i + 1, size) { matrix[j * size + i] = matrix[i * size + j] }
            }
        }
    }

    /// Solves `A x = b` by Cholesky factorisation in place; nil when `A` is not positive
    /// definite (which the penalty rules out unless the intercept's column is all zero).
    static func solvePositiveDefinite(_ matrix: inout [Double], _ right: [Double], size: Int) -> [Double]? {
        var solution = right
        let ok = matrix.withUnsafeMutableBufferPointer { a -> Bool in
            for j in 0..<size {
                var diagonal = a[j * size + j]
                for k in 0..<j { diagonal -= a[j * size + k] * a[j * size + k] }
                guard diagonal > 1e-300 else { return false }
                let root = diagonal.squareRoot()
                a[j * size + j] = root
                for i in (j + 1)..<max(j + 1, size) {
                    var value = a[i * size + j]
                    for k in 0..<j { value -= a[i * size + k] * a[j * size + k] }
                    a[i * size + j] = value / root
                }
            }
            for i in 0..<size {
                var value = solution[i]
                for k in 0..<i { value -= a[i * size + k] * solution[k] }
                solution[i] = value / a[i * size + i]
            }
            for i in stride(from: size - 1, through: 0, by: -1) {
                var value = solution[i]
                for k in (i + 1)..<max(i + 1, size) { value -= a[k * size + i] * solution[k] }
                solution[i] = value / a[i * size + i]
            }
            return true
        }
        return ok ? solution : nil
    }
}
