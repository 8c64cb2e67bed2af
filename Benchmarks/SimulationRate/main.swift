import CapacityPlanning
import Foundation

// Usage: simulation-rate loss BEDS ARRIVALS | simulation-rate national HOMES YEARS
// Prints one JSON object: events, seconds and events per second of one replication on
// the calling thread (one core).
let arguments = CommandLine.arguments
guard arguments.count == 4, let size = Int(arguments[2]), let length = Double(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: simulation-rate loss BEDS ARRIVALS | national HOMES YEARS\n".utf8))
    exit(64)
}
let model =
    arguments[1] == "loss"
    ? BenchmarkModels.lossSystem(beds: size, arrivals: Int(length))
    : BenchmarkModels.nationalSystem(homes: size, years: length)
// One short run first so page faults and lazy initialisation are not timed.
_ = Simulator.runReplication(of: BenchmarkModels.lossSystem(beds: 5, arrivals: 10_000), seed: 99)
let clock = ContinuousClock()
var tally: ReplicationTally?
let elapsed = clock.measure { tally = Simulator.runReplication(of: model, seed: 1) }
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let result = tally!
print(
    """
    {"model": "\(arguments[1])", "size": \(size), "events": \(result.eventsProcessed), \
    "seconds": \(seconds), "events_per_second": \(Double(result.eventsProcessed) / seconds), \
    "arrivals": \(result.arrivals), "blocking": \(1 - result.placementRate)}
    """)
