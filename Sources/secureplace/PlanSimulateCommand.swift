import ArgumentParser
import CapacityPlanning
import Coordination
import Foundation

extension PlanCommand {
    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulate the national system as calibrated from history, with 95% intervals.",
            discussion: "Replications run in parallel on every core; the same seed gives the same answer.")

        @OptionGroup var databaseOptions: DatabaseOptions
        @OptionGroup var model: ModelOptions

        @Option(help: "Distance for the 'placed within' figure, in kilometres.")
        var withinKm: Double = 100

        func validate() throws {
            if !(withinKm > 0 && withinKm.isFinite) { throw ValidationError("--within-km must be more than 0.") }
        }

        func run() async throws {
            let (inputs, isDemo) = try await model.inputs(try databaseOptions.url(), withinKilometres: withinKm)
            let started = Date()
            let summary = await Simulator.simulate(inputs.model, replications: model.replications, seed: model.seed)
            let seconds = Date().timeIntervalSince(started)
            if isDemo { print("SYNTHETIC DEMO DATA — not real children or homes.") }
            print(
                "\(summary.replications) replications of \(model.years) years, \(summary.eventsProcessed) events in \(String(format: "%.2f", seconds)) s."
            )
            func label(_ text: String) -> String { text.padding(toLength: 33, withPad: " ", startingAt: 0) }
            print(label("Placed:") + summary.placementRate.percentWithInterval)
            print(label("Placed within \(Int(withinKm)) km:") + summary.shareWithinThreshold.percentWithInterval)
            print(
                String(
                    format: "Days from referral to placement: %.1f (%.1f–%.1f)", summary.meanDaysToPlacement.value,
                    summary.meanDaysToPlacement.lower, summary.meanDaysToPlacement.upper))
            print(
                String(
                    format: "Distance placed from home:       %.0f km (%.0f–%.0f)",
                    summary.meanDistanceKilometres.value, summary.meanDistanceKilometres.lower,
                    summary.meanDistanceKilometres.upper))
            print("\nBy region (placed; placed within \(Int(withinKm)) km):")
            for region in summary.regions where region.arrivalsPerReplication > 0 {
                print(
                    "  \(region.name): \(region.placementRate.percentWithInterval); \(region.shareWithinThreshold.percentWithInterval)"
                )
            }
            print("\nBy child profile (placed):")
            for profile in summary.profiles.prefix(12) {
                print("  \(profile.profile): \(profile.placementRate.percentWithInterval)")
            }
            print("\nOccupancy by home:")
            for home in summary.homes {
                print("  \(home.name) (\(home.beds) open beds): \(home.occupancy.percentWithInterval)")
            }
        }
    }
}
