import Matching
import SecurePlaceCore
import Testing

@testable import CapacityPlanning

@Suite("Circulation policies in the simulation")
struct CirculationPolicyTests {
    typealias Make = SimulationFactories

    /// The coordinators' exact allocation, as the service passes it to the simulation.
    struct ExactRounds: AllocationRoundSolver {
        func assign(children: Int, beds: Int, facts: (Int, Int) -> RoundPairFacts?) -> [Int?] {
            try! NationalAllocation.assign(priorities: Array(repeating: 1, count: children), beds: beds) {
                facts($0, $1).map { .init(acceptance: $0.acceptance, distanceKilometres: $0.kilometres) }
            }
        }
    }

    static let waves = CirculationPolicy.rankedWaves(.init(homesPerWave: 2, daysPerWave: 1))

    static func fourHomes(waitDays: Double) -> SimulationModel {
        let profiles = [ProfileShare(Make.youngerGirl, 1), ProfileShare(Make.olderBoyWithOffending, 1)]
        return Make.model(
            regions: [Make.region(perMonth: 4, profiles: profiles)],
            homes: (0..<4).map { step in
                Make.home("Home \(step)", at: Double(step), welfare: 2) {
                    $0.hasFlagAssociatedWithRefusal ? 0.3 : 0.6
                }
            }, waitDays: waitDays)
    }

    @Test func everyPolicySeesTheSameChildren() async {
        var tallies: [[ReplicationTally]] = []
        for policy in [CirculationPolicy.broadcast, Self.waves, .allocationRounds(daysBetweenRounds: 1)] {
            var model = Self.fourHomes(waitDays: 14)
            model.circulation = policy
            tallies.append(await Simulator.runReplications(of: model, count: 3, seed: 8, allocator: ExactRounds()))
        }
        for other in tallies.dropFirst() {
            #expect(other.map(\.arrivalsByProfile) == tallies[0].map(\.arrivalsByProfile))
            #expect(other.map(\.arrivalsByRegion) == tallies[0].map(\.arrivalsByRegion))
        }
        // The children are the same, what happens to them is not.
        #expect(tallies[1].map(\.placedByProfile) != tallies[0].map(\.placedByProfile))
    }

    @Test func oneWaveOfEveryHomeRankedByDistanceIsBroadcast() async {
        var broadcast = Self.fourHomes(waitDays: 0)
        broadcast.measuredDays = 20 * 365
        var waves = broadcast
        waves.circulation = .rankedWaves(.init(homesPerWave: 4, daysPerWave: 1, pointsForCertainOffer: 0))
        let first = Simulator.runReplication(of: broadcast, seed: 4)
        #expect(first.placed > 100)
        #expect(Simulator.runReplication(of: waves, seed: 4) == first)
    }

    @Test func aWaveWaitsOutItsDeadlineBeforeTheNextHomesAreAsked() {
        var model = Self.fourHomes(waitDays: 14)
        model.circulation = .rankedWaves(.init(homesPerWave: 1, daysPerWave: 2))
        model.measuredDays = 20 * 365
        let tally = Simulator.runReplication(of: model, seed: 6)
        // Each child is placed by a wave sent on arrival or 2, 4, ... days later, never between.
        let waves = tally.totalWaitDays / 2
        #expect(tally.totalWaitDays > 100)
        #expect(abs(waves - waves.rounded()) < 1e-6)
    }

    @Test func wavesAskTheHomeMostLikelyToOfferBeforeANearerOne() async {
        let near = Make.home("Near", at: 0, welfare: 50) { _ in 0.2 }
        // About 136 km east: 27 points for its likelihood less 13.6 for distance, against 6.
        let far = Make.home("Far", at: 2, welfare: 50) { _ in 0.9 }
        var broadcast = Make.model(regions: [Make.region(perMonth: 4)], homes: [near, far])
        broadcast.homesApproached = 1
        var waves = broadcast
        waves.circulation = .rankedWaves(.init(homesPerWave: 1, daysPerWave: 1))
        let asked = await Simulator.simulate(broadcast, replications: 4, seed: 2)
        let ranked = await Simulator.simulate(waves, replications: 4, seed: 2)
        #expect(asked.placementRate.upper < 0.3)
        #expect(ranked.placementRate.lower > 0.85)
        #expect(ranked.meanDistanceKilometres.value > 130)
    }

    @Test func anAllocationRoundAsksTheHomeMostLikelyToOfferThenANearerOne() async {
        let near = Make.home("Near", at: 0, welfare: 50) { _ in 0.2 }
        let far = Make.home("Far", at: 2, welfare: 50) { _ in 0.9 }
        let model = Make.model(regions: [Make.region(perMonth: 4)], homes: [near, far], waitDays: 14)
        let comparison = await CirculationComparison.run(
            model, policies: [.broadcast, .allocationRounds(daysBetweenRounds: 1)], replications: 6, seed: 3,
            allocator: ExactRounds())
        let broadcast = comparison.policies[0].result(for: .everyone)!
        let rounds = comparison.policies[1].result(for: .everyone)!
        // Each answer is fixed per child and home, so both reach the same children in the end:
        // 1 - 0.8 * 0.1 of them.
        #expect(abs(broadcast.figures.placementRate.value - 0.92) < 0.02)
        #expect(abs(rounds.figures.placementRate.value - broadcast.figures.placementRate.value) < 0.01)
        // Broadcast places with the nearest home that offers (within 100 km: a fifth of the
        // children); the first round asks the far one, so only 0.1 * 0.2 are placed near.
        #expect(abs(broadcast.figures.shareWithinThreshold.value - 0.2) < 0.03)
        #expect(rounds.figures.shareWithinThreshold.value < 0.04)
        #expect(rounds.differenceFromFirst!.shareWithinThreshold.upper < -0.14)
        // A child waits for the next daily round, and a second round for the near home.
        #expect(rounds.figures.meanDaysToPlacement.value > 0.4)
        #expect(rounds.figures.meanDaysToPlacement.value < 1)
        #expect(broadcast.figures.meanDaysToPlacement.value == 0)
    }

    @Test func theComparisonSplitsTheOlderBoysWithRefusalFlagsFromEveryoneElse() async {
        let comparison = await CirculationComparison.run(
            Self.fourHomes(waitDays: 14), policies: [.broadcast, Self.waves], replications: 4, seed: 1)
        let broadcast = comparison.policies[0]
        let boys = broadcast.result(for: .olderBoysWithRefusalFlags)!.figures
        let others = broadcast.result(for: .everyoneElse)!.figures
        let everyone = broadcast.result(for: .everyone)!.figures
        #expect(boys.arrivalsPerReplication > 0 && others.arrivalsPerReplication > 0)
        #expect(
            abs(boys.arrivalsPerReplication + others.arrivalsPerReplication - everyone.arrivalsPerReplication) < 1e-9)
        // Homes offer the boys half as often, so they are placed less often.
        #expect(boys.placementRate.upper < others.placementRate.lower)
        #expect(CirculationComparison.Group.olderBoysWithRefusalFlags.includes(Make.olderBoyWithOffending))
        #expect(!CirculationComparison.Group.olderBoysWithRefusalFlags.includes(Make.youngerGirl))
    }
}
