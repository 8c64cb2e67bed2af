import CapacityPlanning
import Foundation

// Usage: simulation-rate loss BEDS ARRIVALS | simulation-rate national HOMES YEARS [broadcast|waves]
// Prints one JSON object: events, seconds and events per second of one replication's event
// loop on the calling thread (one core), and apart from it the seconds spent preparing the
// model (distances and each origin's homes in order), which is done once per run and shared
// by every replication.
let arguments = CommandLine.arguments
guard (4...5).contains(arguments.count), let size = Int(arguments[2]), let length = Double(arguments[3]),
    arguments.count == 4 || ["broadcast", "waves"].contains(arguments[4])
else {
    FileHandle.standardError.write(
        Data("usage: simulation-rate loss BEDS ARRIVALS | national HOMES YEARS [broadcast|waves]\n".utf8))
    exit(64)
}
let circulation = arguments.count == 5 && arguments[4] == "waves" ? BenchmarkModels.serviceWaves : .broadcast
let model =
    arguments[1] == "loss"
    ? BenchmarkModels.lossSystem(beds: size, arrivals: Int(length))
    : BenchmarkModels.nationalSystem(homes: size, years: length, circulation: circulation)
// One short run first so page faults and lazy initialisation are not timed.
_ = Simulator.runReplication(of: BenchmarkModels.lossSystem(beds: 5, arrivals: 10_000), seed: 99)
let clock = ContinuousClock()
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
var prepared: Simulator.PreparedModel?
let preparation = clock.measure { prepared = Simulator.PreparedModel(model) }
var tally: ReplicationTally?
let elapsed = seconds(clock.measure { tally = Simulator.runReplication(of: prepared!, seed: 1) })
let result = tally!
print(
    """
    {"model": "\(arguments[1])", "circulation": "\(circulation.code)", "size": \(size), \
    "events": \(result.eventsProcessed), "seconds": \(elapsed), \
    "events_per_second": \(Double(result.eventsProcessed) / elapsed), \
    "preparation_seconds": \(seconds(preparation)), \
    "arrivals": \(result.arrivals), "blocking": \(1 - result.placementRate)}
    """)
