import Benchmark
import Matching
import SecurePlaceCore

/// The national allocation's solver on seeded dense random matrices of the sizes the issue
/// names: a region's children against its beds, the nation's against every bed, and a square
/// worst case.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 50)

    for (rows, columns) in [(100, 15), (1_000, 254), (2_000, 2_000)] {
        Benchmark("Assignment, \(rows)×\(columns)") { benchmark in
            var generator = SeededRandomNumberGenerator(seed: UInt64(rows * 10_000 + columns))
            let matrix = CostMatrix(rows: rows, columns: columns) { _, _ in Double.random(in: 0..<1, using: &generator)
            }
            for _ in benchmark.scaledIterations {
                blackHole(try AssignmentSolver.solve(matrix))
            }
        }
    }
}
