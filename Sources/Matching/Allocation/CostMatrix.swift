/// A dense rectangular matrix of costs, row by row: rows are children, columns are beds in the
/// national allocation. `.infinity` marks a pair that may not be matched.
public struct CostMatrix: Hashable, Sendable {
    public let rows: Int
    public let columns: Int
    /// `rows × columns` costs, row after row.
    public private(set) var costs: [Double]

    /// A matrix from its costs row after row; nil when the count is not `rows × columns`.
    public init?(rows: Int, columns: Int, costs: [Double]) {
        guard rows >= 0, columns >= 0, costs.count == rows * columns else { return nil }
        self.rows = rows
        self.columns = columns
        self.costs = costs
    }

    /// A matrix filled by `cost(row, column)`.
    public init(rows: Int, columns: Int, cost: (Int, Int) -> Double) {
        self.rows = rows
        self.columns = columns
        var costs: [Double] = []
        costs.reserveCapacity(rows * columns)
        for row in 0..<rows {
            for column in 0..<columns { costs.append(cost(row, column)) }
        }
        self.costs = costs
    }

    public subscript(row: Int, column: Int) -> Double {
        get { costs[row * columns + column] }
        set { costs[row * columns + column] = newValue }
    }

    /// The same costs with rows and columns swapped.
    public var transposed: CostMatrix {
        let (rows, columns) = (self.rows, self.columns)
        let swapped = [Double](unsafeUninitializedCapacity: rows * columns) { target, count in
            // In tiles, so that both the reads and the strided writes stay in cache.
            let tile = 32
            costs.withUnsafeBufferPointer { source in
                for rowStart in stride(from: 0, to: rows, by: tile) {
                    for columnStart in stride(from: 0, to: columns, by: tile) {
                        for row in rowStart..<min(rowStart + tile, rows) {
                            for column in columnStart..<min(columnStart + tile, columns) {
                                target[column * rows + row] = source[row * columns + column]
                            }
                        }
                    }
                }
            }
            count = rows * columns
        }
        return CostMatrix(rows: columns, columns: rows, costs: swapped)!
    }
}
