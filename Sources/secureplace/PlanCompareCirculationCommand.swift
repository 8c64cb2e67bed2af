import ArgumentParser
import CapacityPlanning
import Coordination
import Foundation
import Storage

extension PlanCommand {
    struct CompareCirculation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare-circulation",
            abstract: "Compare broadcast, ranked waves and allocation rounds on the calibrated national system.",
            discussion: """
                Every policy is run on the same simulated children (same seed), so each difference \
                from broadcast is paired replication by replication, with its 95% interval. Ranked \
                waves ask 3 homes at a time, a day apart; allocation rounds run daily with the \
                coordinators' exact allocation. Figures by group: all children, boys of 15 or over \
                with an offending, gang or harmful sexual behaviour flag, and everyone else.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var model: ModelOptions

        @Option(help: "Distance for the 'placed within' figure, in kilometres.")
        var withinKm: Double = 100

        @Option(help: "Output: text or json.")
        var format: OutputFormat = .text

        func validate() throws {
            if !(withinKm > 0 && withinKm.isFinite) { throw ValidationError("--within-km must be more than 0.") }
        }

        func run() async throws {
            let url = try databaseOptions.url()
            let printer = ProgressPrinter()
            let policies = Coordination.CompareCirculation.standardPolicies
            let (comparison, isDemo) = try await withStandaloneDatabase(url) { store in
                let comparison = try await Coordination.CompareCirculation(store: store, now: { Date() })(
                    replications: model.replications, seed: model.seed, maximumWaitDays: model.waitDays,
                    measuredYears: model.years, distanceThresholdKilometres: withinKm
                ) { done in
                    printer.show(
                        fraction: Double(done) / Double(policies.count),
                        message: "Simulated \(done) of \(policies.count) policies")
                }
                return (comparison, try await store.holdsDemoData())
            }
            if format == .json {
                try printJSON(comparison)
                return
            }
            if isDemo { print("SYNTHETIC DEMO DATA — not real children or homes.") }
            print(
                "\(comparison.replications) replications of \(model.years) years per policy, the same children in each; changes are against broadcast, paired, 95% intervals."
            )
            for group in CirculationComparison.Group.allCases {
                print("\n\(group.name):")
                for row in comparison.rows where row.group == group {
                    print("  \(row.policy) (\(String(format: "%.0f", row.referredPerYear)) referred a year)")
                    print(
                        "    placed:              \(row.placed)\(row.placedChange.isEmpty ? "" : "  change \(row.placedChange)")"
                    )
                    print(
                        "    placed within \(Int(withinKm)) km: \(row.placedWithin)\(row.placedWithinChange.isEmpty ? "" : "  change \(row.placedWithinChange)")"
                    )
                    print(
                        "    days to placement:   \(row.daysToPlacement)\(row.daysChange.isEmpty ? "" : "  change \(row.daysChange)")"
                    )
                }
            }
        }
    }
}
