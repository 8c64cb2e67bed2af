// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "SecurePlace",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "secureplace", targets: ["secureplace"]),
        .library(name: "SecurePlaceCore", targets: ["SecurePlaceCore"]),
        .library(name: "CapacityPlanning", targets: ["CapacityPlanning"]),
        .library(name: "Linkage", targets: ["Linkage"]),
        .library(name: "Matching", targets: ["Matching"]),
        .library(name: "Statistics", targets: ["Statistics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Already in the build through Vapor; named for the e-mail sender's SMTP client.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .target(
            name: "SecurePlaceCore",
            swiftSettings: strictSettings
        ),
        .target(
            name: "CapacityPlanning",
            dependencies: ["SecurePlaceCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Matching",
            dependencies: ["SecurePlaceCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Statistics",
            dependencies: ["SecurePlaceCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Linkage",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Storage",
            dependencies: [
                "SecurePlaceCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Coordination",
            dependencies: ["SecurePlaceCore", "CapacityPlanning", "Linkage", "Matching", "Statistics", "Storage"],
            resources: [.copy("ReferenceData/Files")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "WebApp",
            dependencies: [
                "SecurePlaceCore", "CapacityPlanning", "Matching", "Storage", "Coordination",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources/Views"), .copy("Resources/Public"), .copy("Resources/openapi.json")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "secureplace",
            dependencies: [
                "WebApp", "Coordination", "Storage", "CapacityPlanning", "Linkage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Shared by the test targets only: a throwaway SQLite or PostgreSQL database per test.
        .target(
            name: "TestSupport",
            dependencies: ["Storage", .product(name: "Fluent", package: "fluent")],
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SecurePlaceCoreTests", dependencies: ["SecurePlaceCore"], swiftSettings: strictSettings),
        .testTarget(name: "LinkageTests", dependencies: ["Linkage"], swiftSettings: strictSettings),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics"], swiftSettings: strictSettings),
        .testTarget(
            name: "MatchingTests", dependencies: ["Matching", "SecurePlaceCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "CapacityPlanningTests", dependencies: ["CapacityPlanning", "Matching", "SecurePlaceCore"],
            swiftSettings: strictSettings),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "CoordinationTests", dependencies: ["Coordination", "Storage", "TestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "Coordination", "Matching", "TestSupport", .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
