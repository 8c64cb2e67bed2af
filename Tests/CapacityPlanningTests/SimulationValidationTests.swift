import Testing

@testable import CapacityPlanning

/// The simulation against theory: one home, every child accepted, nobody waits, is the
/// M/M/c/c loss system, whose blocking probability is Erlang-B.
@Suite("Simulation against Erlang-B")
struct SimulationValidationTests {
    static let meanStay = 30.0

    /// Enough measured time for about 20,000 arrivals (at least 200 mean stays) per replication.
    static func lossModel(beds: Int, loadPerBed: Double, stay: StayDistribution) -> SimulationModel {
        let load = Double(beds) * loadPerBed
        let stays = max(200, 20_000 / load)
        return .lossSystem(beds: beds, load: load, stay: stay, measuredDays: stays * meanStay)
    }

    /// The blocking probability across replications with its interval. When no replication
    /// saw a single child turned away (250 beds at half load: Erlang-B is 3e-23) the spread
    /// is zero and says nothing, so the interval is the Wilson interval of the pooled counts.
    static func blocking(_ tallies: [ReplicationTally], confidence: Double) -> Estimate {
        let interval = Estimate.mean(of: tallies.map { 1 - $0.placementRate }, confidence: confidence)
        guard interval.halfWidth == 0 else { return interval }
        let arrivals = tallies.reduce(0) { $0 + $1.arrivals }
        let placed = tallies.reduce(0) { $0 + $1.placed }
        return Estimate.proportion(successes: arrivals - placed, trials: arrivals, confidence: confidence)
    }

    @Test(arguments: [1, 5, 10, 50, 250], [0.5, 0.9, 1.2, 2.0])
    func blockingLiesInTheNinetyNinePercentInterval(beds: Int, loadPerBed: Double) async throws {
        let model = Self.lossModel(beds: beds, loadPerBed: loadPerBed, stay: .exponential(meanDays: Self.meanStay))
        let summary = await Simulator.simulate(model, replications: 20, seed: 2026, confidence: 0.99)
        let simulated = Self.blocking(summary.tallies, confidence: 0.99)
        let exact = try ErlangB.blockingProbability(beds: beds, load: Double(beds) * loadPerBed)
        #expect(
            simulated.contains(exact),
            "c=\(beds) load/bed=\(loadPerBed): Erlang-B \(exact), simulated \(simulated.value) ± \(simulated.halfWidth)"
        )
    }

    /// Blocking depends on the stay only through its mean: lognormal stays with the same
    /// mean as the exponential give the same answer.
    @Test(arguments: [(beds: 5, loadPerBed: 0.9), (beds: 50, loadPerBed: 1.2), (beds: 10, loadPerBed: 2.0)])
    func blockingIsInsensitiveToTheShapeOfStays(beds: Int, loadPerBed: Double) async throws {
        let exact = try ErlangB.blockingProbability(beds: beds, load: Double(beds) * loadPerBed)
        for sigma in [0.5, 1.0] {
            let model = Self.lossModel(
                beds: beds, loadPerBed: loadPerBed, stay: .logNormal(meanDays: Self.meanStay, sigma: sigma))
            let summary = await Simulator.simulate(model, replications: 40, seed: 7, confidence: 0.99)
            let simulated = Self.blocking(summary.tallies, confidence: 0.99)
            #expect(simulated.contains(exact), "σ=\(sigma): Erlang-B \(exact), simulated \(simulated)")
        }
    }

    /// A guard that the check above has teeth: a wrong mean stay is caught.
    @Test func aWrongMeanStayIsDetected() async throws {
        var model = Self.lossModel(beds: 10, loadPerBed: 0.9, stay: .exponential(meanDays: Self.meanStay))
        model.welfareStay = .exponential(meanDays: Self.meanStay * 1.1)
        let summary = await Simulator.simulate(model, replications: 20, seed: 2026, confidence: 0.99)
        let simulated = Self.blocking(summary.tallies, confidence: 0.99)
        #expect(!simulated.contains(try ErlangB.blockingProbability(beds: 10, load: 9)))
    }
}
