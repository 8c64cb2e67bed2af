// swift-tools-version: 6.1
// Benchmarks live in their own package so that the service's build and `scripts/test`
// never compile package-benchmark. Run them with `Benchmarks/run` (see the README's
// Performance section).
import PackageDescription

let package = Package(
    name: "SecurePlaceBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "SecurePlace", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CapacityPlanningBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "CapacityPlanning", package: "SecurePlace"),
                .product(name: "SecurePlaceCore", package: "SecurePlace"),
            ],
            path: "CapacityPlanning",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // The Swift half of the side-by-side run against SimPy: a plain executable that
        // prints its rate as JSON, so one script can run both and divide.
        .executableTarget(
            name: "simulation-rate",
            dependencies: [
                .product(name: "CapacityPlanning", package: "SecurePlace"),
                .product(name: "SecurePlaceCore", package: "SecurePlace"),
            ],
            path: "SimulationRate"
        ),
        .executableTarget(
            name: "MatchingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "Matching", package: "SecurePlace"),
                .product(name: "SecurePlaceCore", package: "SecurePlace"),
            ],
            path: "Matching",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // The Swift half of the side-by-side run against DuckDB: every national table from an
        // analysts' extract of a million referrals.
        .executableTarget(
            name: "statistics-rate",
            dependencies: [
                .product(name: "Statistics", package: "SecurePlace"),
                .product(name: "SecurePlaceCore", package: "SecurePlace"),
            ],
            path: "StatisticsRate"
        ),
        // The Swift half of the side-by-side run against scipy's linear_sum_assignment.
        .executableTarget(
            name: "assignment-rate",
            dependencies: [.product(name: "Matching", package: "SecurePlace")],
            path: "AssignmentRate"
        ),
    ],
    swiftLanguageModes: [.v6]
)
