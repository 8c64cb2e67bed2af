import ArgumentParser
import CapacityPlanning
import Foundation

extension PlanCommand {
    struct Erlang: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erlang-B: the share of children turned away, or the fewest beds for a target share.",
            discussion: """
                The load is arrivals × mean stay in the same unit of time, in bed-occupancies: \
                30 referrals a year staying 0.6 years on average is a load of 18. \
                With --beds, prints the blocking probability; with --target-blocking, the fewest \
                beds whose blocking is at most the target. --format json prints both the inputs \
                and the answer, with Erlang-C's probability of waiting when a bed count is known.
                """)

        @Option(help: "Number of beds.")
        var beds: Int?

        @Option(help: "Target blocking probability, between 0 and 1.")
        var targetBlocking: Double?

        @Option(help: "Offered load in bed-occupancies (arrival rate × mean stay).")
        var load: Double

        @Option(help: "text (a plain number) or json.")
        var format: OutputFormat = .text

        func validate() throws {
            if (beds == nil) == (targetBlocking == nil) {
                throw ValidationError("Give exactly one of --beds and --target-blocking.")
            }
        }

        struct Answer: Encodable {
            var beds: Int
            var load: Double
            var blockingProbability: Double
            var targetBlocking: Double?
            var probabilityOfWaiting: Double
            var meanWaitInStays: Double?
        }

        func run() throws {
            do {
                let bedCount = try beds ?? ErlangB.fewestBeds(forBlocking: targetBlocking!, load: load)
                let blocking = try ErlangB.blockingProbability(beds: bedCount, load: load)
                if format == .text {
                    print(beds == nil ? "\(bedCount)" : "\(blocking)")
                    return
                }
                let wait = try ErlangC.meanWait(beds: bedCount, load: load)
                try printJSON(
                    Answer(
                        beds: bedCount, load: load, blockingProbability: blocking, targetBlocking: targetBlocking,
                        probabilityOfWaiting: try ErlangC.probabilityOfWaiting(beds: bedCount, load: load),
                        meanWaitInStays: wait.isFinite ? wait : nil))
            } catch let error as LossFormulaError {
                throw ValidationError("--\(error.field): \(error.description)")
            }
        }
    }
}
