import Benchmark
import CapacityPlanning

/// Events per second of one replication on one core, reported as a custom metric next to
/// the wall clock, for the loss system and for national systems of growing size.
let eventsPerSecond = BenchmarkMetric.custom("events per second", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, eventsPerSecond], warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 20)

    Benchmark("Loss system, 50 beds, 1M arrivals") { benchmark in
        let model = BenchmarkModels.lossSystem(beds: 50, arrivals: 1_000_000)
        for iteration in benchmark.scaledIterations {
            benchmark.startMeasurement()
            let started = ContinuousClock.now
            let tally = Simulator.runReplication(of: model, seed: UInt64(iteration))
            let elapsed = ContinuousClock.now - started
            benchmark.stopMeasurement()
            benchmark.measurement(eventsPerSecond, rate(tally.eventsProcessed, elapsed))
            blackHole(tally)
        }
    }

    for (homes, years) in [(15, 20.0), (150, 4.0), (1_500, 0.5)] {
        Benchmark("National system, \(homes) homes, \(years) years") { benchmark in
            let model = BenchmarkModels.nationalSystem(homes: homes, years: years)
            for iteration in benchmark.scaledIterations {
                let started = ContinuousClock.now
                let tally = Simulator.runReplication(of: model, seed: UInt64(iteration))
                benchmark.measurement(eventsPerSecond, rate(tally.eventsProcessed, ContinuousClock.now - started))
                blackHole(tally)
            }
        }
    }

    Benchmark("Erlang-B, 5,000 beds", configuration: .init(metrics: [.wallClock], maxIterations: 1_000)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ErlangB.blockingProbability(beds: 5_000, load: 4_900))
        }
    }
}

func rate(_ events: Int, _ elapsed: Duration) -> Int {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return seconds > 0 ? Int(Double(events) / seconds) : 0
}
