import ArgumentParser
import CapacityPlanning
import Coordination
import Foundation

extension PlanCommand {
    struct Optimise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "optimise",
            abstract: "Where should the next N welfare beds go? (the default: 'secureplace plan --add-beds 20')",
            discussion: """
                Greedy marginal gains with common random numbers: each step tries every existing home \
                and a new home in each region, on the same simulated children, and keeps the best. \
                Close calls, where the next best place did about as well, are listed.
                """)

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var model: ModelOptions

        @Option(help: "How many welfare beds to add.")
        var addBeds: Int

        @Option(help: "placement-rate or placed-within-km=D.")
        var objective: String = "placement-rate"

        @Option(help: "Beds added at each step.")
        var bedStep: Int = 1

        @Flag(help: "Consider existing homes only, not new homes.")
        var existingHomesOnly = false

        @Option(
            name: .customLong("new-home-in"),
            help:
                "Consider a new home only in this region (name or ONS code); repeat for several. Default: every region."
        )
        var newHomeRegions: [String] = []

        @Option(help: "Also write the plan step by step as CSV to this file.")
        var csv: String?

        func validate() throws {
            if !(1...500).contains(addBeds) { throw ValidationError("--add-beds must be between 1 and 500.") }
            if PlanningObjective(argument: objective) == nil {
                throw ValidationError("--objective must be placement-rate or placed-within-km=D with D above 0.")
            }
            if !(1...50).contains(bedStep) { throw ValidationError("--bed-step must be between 1 and 50.") }
            for region in newHomeRegions { _ = try PlanningRegion.named(region) }
        }

        func run() async throws {
            let goal = PlanningObjective(argument: objective)!
            let (inputs, isDemo) = try await model.inputs(try databaseOptions.url())
            let optimiser = BedPlacementOptimiser(
                model: inputs.model, objective: goal, replications: model.replications, seed: model.seed,
                newHomeSites: existingHomesOnly ? [] : try sites(inputs.newHomeSites), bedsPerStep: bedStep)
            let printer = ProgressPrinter()
            let report = await optimiser.optimise(addingBeds: addBeds) { printer.show($0) }
            print(report.text(isDemo: isDemo), terminator: "")
            if let csv {
                try writeOutput(report.csv(isDemo: isDemo), toFile: csv)
                print("Wrote the plan to \(csv).")
            }
        }

        private func sites(_ all: [NewHomeSite]) throws -> [NewHomeSite] {
            guard !newHomeRegions.isEmpty else { return all }
            let wanted = Set(try newHomeRegions.map { try PlanningRegion.named($0).name })
            return all.filter { wanted.contains($0.region) }
        }
    }

    struct BedsNeeded: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "beds-needed",
            abstract: "How many beds a region needs so that a share of its children is placed within D km.")

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var model: ModelOptions

        @Option(help: "Region name or ONS code, such as \"North West\" or E12000002.")
        var region: String

        @Option(help: "Target share of the region's children, between 0 and 1.")
        var share: Double = 0.95

        @Option(help: "Distance from home in kilometres.")
        var withinKm: Double = 100

        @Option(help: "Give up after adding this many beds.")
        var limit: Int = 100

        func validate() throws {
            _ = try PlanningRegion.named(region)
            if !(share > 0 && share < 1) { throw ValidationError("--share must lie strictly between 0 and 1.") }
            if !(withinKm > 0 && withinKm.isFinite) { throw ValidationError("--within-km must be more than 0.") }
            if !(1...500).contains(limit) { throw ValidationError("--limit must be between 1 and 500.") }
        }

        func run() async throws {
            let name = try PlanningRegion.named(region).name
            let (inputs, isDemo) = try await model.inputs(try databaseOptions.url(), withinKilometres: withinKm)
            let optimiser = BedPlacementOptimiser(
                model: inputs.model, objective: .placedWithinKilometres(withinKm), replications: model.replications,
                seed: model.seed, newHomeSites: inputs.newHomeSites)
            let printer = ProgressPrinter()
            guard
                let report = await optimiser.bedsNeeded(
                    in: name, targetShare: share, limit: limit, progress: { printer.show($0) })
            else { throw ValidationError("--region: \(name) has no referrals in the model.") }
            if isDemo { print("SYNTHETIC DEMO DATA — not real children or homes.") }
            print(
                "\(name): \(report.shareNow.percentWithInterval) of children are placed within \(Int(withinKm)) km now."
            )
            if let needed = report.bedsNeeded {
                print(
                    "\(needed) more welfare beds in \(name) bring it to \(report.plan.objectiveAfter.percentWithInterval) (target \(Estimate.percent(share))):"
                )
            } else {
                print(
                    "Even \(limit) more beds in \(name) do not reach \(Estimate.percent(share)) (best: \(report.plan.objectiveAfter.percentWithInterval)):"
                )
            }
            for item in report.plan.recommendations {
                print("  \(item.beds) at \(item.home)\(item.isNewHome ? " — a new home" : "")")
            }
        }
    }
}
