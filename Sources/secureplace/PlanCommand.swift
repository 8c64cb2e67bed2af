import ArgumentParser
import CapacityPlanning
import Coordination
import Foundation
import SecurePlaceCore
import Storage

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Capacity planning: loss formulas, calibration, simulation, and where new beds should go.",
        discussion: """
            Examples:
              secureplace plan erlang --beds 20 --load 18
              secureplace plan erlang --target-blocking 0.05 --load 18
              secureplace plan calibrate
              secureplace plan simulate --replications 40
              secureplace plan compare-circulation --format json
              secureplace plan --add-beds 20 --objective placed-within-km=100 --csv plan.csv
              secureplace plan beds-needed --region "North West" --share 0.95 --within-km 100
            """,
        subcommands: [
            Optimise.self, Erlang.self, Calibrate.self, Simulate.self, CompareCirculation.self, BedsNeeded.self,
        ],
        defaultSubcommand: Optimise.self)
}

extension PrepareCapacityModel.StayModel: ExpressibleByArgument {}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// The options every command that builds the model from history shares.
struct ModelOptions: ParsableArguments {
    @Option(help: "Use only the last N months of history (default: all of it).")
    var months: Int?

    @Option(help: "Days a referral waits for an offer before it is closed unplaced.")
    var waitDays: Double = 14

    @Option(help: "Independent replications; intervals narrow as this grows.")
    var replications: Int = 20

    @Option(help: "Seed for the random numbers; the same seed gives the same answer.")
    var seed: UInt64 = 1

    @Option(help: "Years simulated after a year of warm-up.")
    var years: Double = 3

    @Option(
        help: "Stays drawn from the lognormal fitted to ended stays, or resampled from them: lognormal or empirical.")
    var stays: PrepareCapacityModel.StayModel = .lognormal

    func validate() throws {
        if let months, months < 1 { throw ValidationError("--months must be 1 or more.") }
        if !(waitDays >= 0 && waitDays.isFinite) { throw ValidationError("--wait-days must be zero or more.") }
        if replications < 2 { throw ValidationError("--replications must be at least 2 to give an interval.") }
        if !(years > 0 && years <= 50) { throw ValidationError("--years must be more than 0 and at most 50.") }
    }

    func inputs(_ url: DatabaseURL, withinKilometres: Double = 100) async throws -> (CapacityModelInputs, Bool) {
        try await withStandaloneDatabase(url) { store in
            let inputs = try await PrepareCapacityModel(store: store, now: { Date() })(
                months: months, maximumWaitDays: waitDays, distanceThresholdKilometres: withinKilometres,
                measuredYears: years, stays: stays)
            return (inputs, try await store.holdsDemoData())
        }
    }
}

/// Prints progress on standard error: one line rewritten in a terminal, a line per step otherwise.
struct ProgressPrinter: Sendable {
    let isTerminal = isatty(FileHandle.standardError.fileDescriptor) == 1

    func show(_ progress: BedPlacementOptimiser.Progress) {
        show(fraction: progress.fractionDone, message: progress.message, isLast: progress.step == progress.steps)
    }

    func show(fraction: Double, message: String, isLast: Bool? = nil) {
        let line = "\(progressBar(fraction)) \(message)"
        let last = isLast ?? (fraction >= 1)
        let text = isTerminal ? "\r\u{1B}[K" + line + (last ? "\n" : "") : line + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// "[######..................] 25%": a text progress bar for standard error.
func progressBar(_ fraction: Double, width: Int = 24) -> String {
    let filled = Int(min(max(fraction, 0), 1) * Double(width))
    return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        + "\(Int(fraction * 100))%"
}

/// Reads a region by name ("North West") or ONS code ("E12000002").
enum PlanningRegion {
    static func named(_ text: String) throws -> Region {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard
            let region = Region.allCases.first(where: {
                $0.name.lowercased() == wanted || $0.code.lowercased() == wanted
            })
        else {
            throw ValidationError(
                "Unknown region '\(text)'. Use one of: \(Region.allCases.map(\.name).joined(separator: ", ")).")
        }
        return region
    }
}

func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
