/// How far a reader can narrow each hidden count from the published figures and the sums
/// they make, by bound propagation: each sum bounds each hidden member by what the shown
/// members and the others' bounds leave, repeated until nothing tightens. The bands found
/// contain the true ones (a linear programme can only narrow them further), so a band found
/// too narrow here is too narrow for certain.
enum BandAudit {
    /// The lowest and highest whole number each hidden cell could be.
    static func bands(
        of hidden: Set<Cell>, in counts: [[Int?]], sums: [Additivity], sweeps: Int = 40
    ) -> [Cell: ClosedRange<Double>] {
        var low: [Cell: Double] = [:]
        var high: [Cell: Double] = [:]
        for cell in hidden {
            low[cell] = 0
            high[cell] = .infinity
        }
        // Each sum as Σ (sign × member) = 0, the shown members moved to the constant.
        let equations: [(terms: [(cell: Cell, sign: Double)], constant: Double)] = sums.compactMap { sum in
            var constant = 0.0
            var terms: [(cell: Cell, sign: Double)] = []
            for (cell, sign) in sum.parts.map({ ($0, 1.0) }) + [(sum.total, -1.0)] {
                guard let value = counts[cell.row][cell.column] else { return nil }
                if hidden.contains(cell) { terms.append((cell, sign)) } else { constant -= sign * Double(value) }
            }
            return terms.isEmpty ? nil : (terms, constant)
        }
        for _ in 0..<sweeps {
            var changed = false
            for (terms, constant) in equations {
                for (j, term) in terms.enumerated() {
                    // sign_j × x_j = constant − Σ others
                    var rest = (low: 0.0, high: 0.0)
                    for (i, other) in terms.enumerated() where i != j {
                        let range =
                            other.sign > 0
                            ? (low: low[other.cell]!, high: high[other.cell]!)
                            : (low: -high[other.cell]!, high: -low[other.cell]!)
                        rest.low += range.low
                        rest.high += range.high
                    }
                    let bound =
                        term.sign > 0
                        ? (low: constant - rest.high, high: constant - rest.low)
                        : (low: rest.low - constant, high: rest.high - constant)
                    let newLow = max(low[term.cell]!, bound.low.isFinite ? bound.low.rounded(.up) : 0)
                    let newHigh = min(high[term.cell]!, bound.high.isFinite ? bound.high.rounded(.down) : .infinity)
                    if newLow > low[term.cell]! {
                        low[term.cell] = newLow
                        changed = true
                    }
                    if newHigh < high[term.cell]! {
                        high[term.cell] = newHigh
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        return Dictionary(uniqueKeysWithValues: hidden.map { ($0, low[$0]!...max(low[$0]!, high[$0]!)) })
    }
}
