// The Swift half of the side-by-side run against scipy.optimize.linear_sum_assignment: reads
// a matrix written by compare_assignment.py (rows, columns as two little-endian Int64, then
// the costs as little-endian Float64, row after row), solves it `repeats` times, and prints
// the best time and the total cost as JSON, so one script can check both answers and divide.
import Foundation
import Matching

let arguments = CommandLine.arguments
guard arguments.count == 3, let repeats = Int(arguments[2]), repeats > 0 else {
    FileHandle.standardError.write(Data("usage: assignment-rate MATRIX-FILE REPEATS\n".utf8))
    exit(2)
}
let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
let (rows, columns, costs) = data.withUnsafeBytes { raw -> (Int, Int, [Double]) in
    let rows = Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: Int64.self)))
    let columns = Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: Int64.self)))
    let costs = (0..<(rows * columns)).map { index in
        Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16 + index * 8, as: UInt64.self)))
    }
    return (rows, columns, costs)
}
guard let matrix = CostMatrix(rows: rows, columns: columns, costs: costs) else {
    FileHandle.standardError.write(Data("the file's size does not match its shape\n".utf8))
    exit(2)
}
var best = Double.infinity
var total = 0.0
for _ in 0..<repeats {
    let started = ContinuousClock.now
    let assignment = try AssignmentSolver.solve(matrix)
    let elapsed = ContinuousClock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    best = min(best, seconds)
    total = assignment.totalCost
}
print("{\"rows\": \(rows), \"columns\": \(columns), \"seconds\": \(best), \"total\": \(total)}")
