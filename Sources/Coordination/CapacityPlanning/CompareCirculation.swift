import CapacityPlanning
import Foundation
import Matching
import SecurePlaceCore
import Storage

/// The national allocation the coordinators run, as the simulation's rounds use it: every
/// child of the same priority (the model does not follow court orders), so the round places
/// as many as it can, then the most likely to be offered, then the nearest.
public struct ExactAllocationRounds: AllocationRoundSolver {
    public init() {}

    public func assign(children: Int, beds: Int, facts: (Int, Int) -> RoundPairFacts?) -> [Int?] {
        do {
            return try NationalAllocation.assign(priorities: Array(repeating: 1, count: children), beds: beds) {
                facts($0, $1).map {
                    NationalAllocation.PairFacts(acceptance: $0.acceptance, distanceKilometres: $0.kilometres)
                }
            }
        } catch {
            // A round is a day's waiting children against the vacant beds: far below the size
            // one exact solve can weigh.
            preconditionFailure("simulated allocation round too large: \(error)")
        }
    }
}

/// What the service's ways of circulating a referral would change, measured on the national
/// system calibrated from the service's own history: the service's broadcast (every home with
/// a suitable vacancy), ranked waves as the referral page sends them, and daily allocation
/// rounds. Every policy may reach every home: the calibrated reach of today's practice (which
/// `plan simulate` uses) would make broadcast look worse for a reason no policy controls.
public struct CompareCirculation: Sendable {
    public let store: Store
    public let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// The waves the referral page sends (three homes), a day apart: an urgent referral's
    /// answer deadline.
    public static let standardWaves = CirculationPolicy.RankedWaves(
        homesPerWave: 3, daysPerWave: ResponseDeadlines.standard.urgent / 86_400,
        pointsForCertainOffer: HomeRanking.Weights.standard.certainOffer,
        pointsPerHundredKilometres: HomeRanking.Weights.standard.perHundredKilometres)

    public static let standardPolicies: [CirculationPolicy] = [
        .broadcast, .rankedWaves(standardWaves), .allocationRounds(daysBetweenRounds: 1),
    ]

    public func callAsFunction(
        policies: [CirculationPolicy] = standardPolicies, replications: Int = 20, seed: UInt64 = 1,
        maximumWaitDays: Double = 14, measuredYears: Double = 3, distanceThresholdKilometres: Double = 100,
        progress: @Sendable (_ policiesDone: Int) -> Void = { _ in }
    ) async throws -> CirculationComparison {
        let inputs = try await PrepareCapacityModel(store: store, now: now)(
            maximumWaitDays: maximumWaitDays, distanceThresholdKilometres: distanceThresholdKilometres,
            measuredYears: measuredYears)
        var model = inputs.model
        model.homesApproached = nil
        return await CirculationComparison.run(
            model, policies: policies, replications: replications, seed: seed,
            allocator: ExactAllocationRounds(), progress: progress)
    }
}
