import Foundation

/// Runs independent replications of a model, in parallel on every core, each seeded from
/// the run's seed and its own number, so the same seed always gives the same answer
/// whatever the number of cores.
public enum Simulator {
    /// A model laid out for the event loop (distances, each origin's homes in order). Built
    /// once and shared by every replication; public so a benchmark can time the two apart.
    public struct PreparedModel: Sendable {
        let compiled: CompiledModel

        public init(_ model: SimulationModel) {
            compiled = CompiledModel(model)
        }

        public var model: SimulationModel { compiled.model }
    }

    /// One replication on the calling thread. `allocator` is needed by allocation rounds only.
    public static func runReplication(
        of model: SimulationModel, seed: UInt64, replication: Int = 0,
        allocator: (any AllocationRoundSolver)? = nil
    ) -> ReplicationTally {
        runReplication(of: PreparedModel(model), seed: seed, replication: replication, allocator: allocator)
    }

    public static func runReplication(
        of prepared: PreparedModel, seed: UInt64, replication: Int = 0,
        allocator: (any AllocationRoundSolver)? = nil
    ) -> ReplicationTally {
        var run = Replication(model: prepared.compiled, seed: seed, replication: replication, allocator: allocator)
        return run.run()
    }

    /// `replications` replications, returned in replication order.
    public static func runReplications(
        of model: SimulationModel, count replications: Int, seed: UInt64,
        allocator: (any AllocationRoundSolver)? = nil
    ) async -> [ReplicationTally] {
        let compiled = CompiledModel(model)
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, replications))
        return await withTaskGroup(of: [(Int, ReplicationTally)].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    stride(from: worker, to: replications, by: workers).map { replication in
                        var run = Replication(
                            model: compiled, seed: seed, replication: replication, allocator: allocator)
                        return (replication, run.run())
                    }
                }
            }
            var results: [(Int, ReplicationTally)] = []
            for await batch in group { results.append(contentsOf: batch) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    public static func simulate(
        _ model: SimulationModel, replications: Int = 20, seed: UInt64 = 1, confidence: Double = 0.95,
        allocator: (any AllocationRoundSolver)? = nil
    ) async -> SimulationSummary {
        let tallies = await runReplications(
            of: model, count: max(1, replications), seed: seed, allocator: allocator)
        return SimulationSummary(model: model, tallies: tallies, confidence: confidence)
    }
}
