import Foundation

/// A disparity adjusted for the mix of the groups: whether older boys with offending flags are
/// refused more often once region and urgency are taken into account, as odds ratios with
/// Wald intervals from a maximum-likelihood logistic regression.
public struct LogisticRegression: Hashable, Sendable {
    /// One term's fitted effect.
    public struct Term: Hashable, Sendable, Codable {
        public var name: String
        public var coefficient: Double
        public var standardError: Double
        /// exp(coefficient) with its interval: the odds of the outcome with the term against
        /// without it, the other terms held equal.
        public var oddsRatio: IntervalEstimate
    }

    /// Why a model could not be fitted; each says what to change.
    public enum FitError: Error, Hashable, Sendable, CustomStringConvertible {
        case noRows
        case rowWidth(row: Int, expected: Int, found: Int)
        /// A term (or a combination of terms) separates the outcomes perfectly or repeats
        /// another: its odds ratio is infinite or not identified. Merge or drop it.
        case notIdentified(term: String)
        case didNotConverge(iterations: Int)

        public var description: String {
            switch self {
            case .noRows: "There are no rows to fit."
            case .rowWidth(let row, let expected, let found):
                "Row \(row + 1) has \(found) values where the model has \(expected) terms."
            case .notIdentified(let term):
                "The term \(term) cannot be estimated: it separates the outcomes completely or repeats other terms. Merge it with another category or leave it out."
            case .didNotConverge(let iterations):
                "The fit did not settle in \(iterations) iterations."
            }
        }
    }

    /// The intercept first, then each named term.
    public let terms: [Term]
    public let iterations: Int

    /// Fits by Newton–Raphson (iteratively reweighted least squares) from zero; the intercept
    /// is added. `rows` hold each case's term values (1 or 0 for a category).
    public init(
        outcomes: [Bool], rows: [[Double]], termNames: [String], level: Double = 0.95, maximumIterations: Int = 50
    ) throws(FitError) {
        guard !rows.isEmpty, rows.count == outcomes.count else { throw .noRows }
        for (index, row) in rows.enumerated() where row.count != termNames.count {
            throw .rowWidth(row: index, expected: termNames.count, found: row.count)
        }
        let names = ["(intercept)"] + termNames
        let design = rows.map { [1.0] + $0 }
        let width = names.count
        var beta = [Double](repeating: 0, count: width)
        var covariance: [[Double]] = []
        var iteration = 0
        while true {
            iteration += 1
            var information = [[Double]](repeating: [Double](repeating: 0, count: width), count: width)
            var score = [Double](repeating: 0, count: width)
            for (row, outcome) in zip(design, outcomes) {
                let linear = zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 }
                let probability = 1 / (1 + exp(-linear))
                let weight = probability * (1 - probability)
                let residual = (outcome ? 1 : 0) - probability
                for i in 0..<width {
                    score[i] += row[i] * residual
                    for j in 0...i { information[i][j] += weight * row[i] * row[j] }
                }
            }
            for i in 0..<width { for j in 0..<i { information[j][i] = information[i][j] } }
            guard let inverse = Self.inverse(information) else {
                throw .notIdentified(term: Self.weakestTerm(information, names))
            }
            covariance = inverse
            let step = inverse.map { row in zip(row, score).reduce(0) { $0 + $1.0 * $1.1 } }
            for i in 0..<width { beta[i] += step[i] }
            if beta.contains(where: { abs($0) > 30 }) {
                // An odds ratio beyond e^30 is separation, not an estimate.
                let term = beta.indices.max { abs(beta[$0]) < abs(beta[$1]) }!
                throw .notIdentified(term: names[term])
            }
            if step.allSatisfy({ abs($0) < 1e-10 }) { break }
            guard iteration < maximumIterations else { throw .didNotConverge(iterations: iteration) }
        }
        let z = StandardNormal.criticalValue(level: level)
        terms = names.indices.map { index in
            let standardError = covariance[index][index].squareRoot()
            let coefficient = beta[index]
            return Term(
                name: names[index], coefficient: coefficient, standardError: standardError,
                oddsRatio: IntervalEstimate(
                    estimate: exp(coefficient), lower: exp(coefficient - z * standardError),
                    upper: exp(coefficient + z * standardError), level: level))
        }
        iterations = iteration
    }

    public func term(named name: String) -> Term? { terms.first { $0.name == name } }

    /// Gauss–Jordan with partial pivoting; nil when the matrix is singular to working
    /// precision relative to its own scale.
    static func inverse(_ matrix: [[Double]]) -> [[Double]]? {
        let size = matrix.count
        let scale = matrix.flatMap { $0 }.map(abs).max() ?? 0
        guard scale > 0 else { return nil }
        var left = matrix
        var right = (0..<size).map { row in (0..<size).map { row == $0 ? 1.0 : 0.0 } }
        for column in 0..<size {
            let pivot = (column..<size).max { abs(left[$0][column]) < abs(left[$1][column]) }!
            guard abs(left[pivot][column]) > scale * 1e-12 else { return nil }
            left.swapAt(column, pivot)
            right.swapAt(column, pivot)
            let divisor = left[column][column]
            for k in 0..<size {
                left[column][k] /= divisor
                right[column][k] /= divisor
            }
            for row in 0..<size where row != column {
                let factor = left[row][column]
                guard factor != 0 else { continue }
                for k in 0..<size {
                    left[row][k] -= factor * left[column][k]
                    right[row][k] -= factor * right[column][k]
                }
            }
        }
        return right
    }

    /// The term with the least information of its own: the one to name when the
    /// information matrix is singular (an empty category has none).
    private static func weakestTerm(_ information: [[Double]], _ names: [String]) -> String {
        names[information.indices.min { information[$0][$0] < information[$1][$1] }!]
    }
}
